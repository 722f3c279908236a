"""Prepare a load database (fresh schema, bank synced) and read it back afterwards.

Works on SQLite files and PostgreSQL alike; PostgreSQL databases are wiped first
(``DROP SCHEMA public CASCADE``), so only ever point it at a database kept for load runs.
"""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from sqlalchemy import create_engine, text
from sqlalchemy.engine import Engine

from .server import ROOT


def load_database_url(test_url: str, name: str = "quizapp_load") -> str:
    """``test_url`` naming database ``name`` (``.../quizapp_test`` -> ``.../quizapp_load``)."""
    parts = urlsplit(test_url)
    return urlunsplit(parts._replace(path=f"/{name}"))


def reset_postgres(url: str) -> None:
    """Empty a PostgreSQL database completely (every table, the migration history too)."""
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    engine.dispose()


def prepare(url: str, instance: Path) -> None:
    """Migrate ``url`` to head and sync the repository's bank into it (what ``make run`` does).

    The workers would sync the bank on their first request anyway; doing it first keeps that
    write out of the measurements.
    """
    from flask_migrate import upgrade

    from quizapp import create_app
    from quizapp.bank.sync import sync_bank
    from quizapp.bank.validate import load_bank
    from quizapp.extensions import db

    if url.startswith("postgresql"):
        reset_postgres(url)
    config = {
        "SQLALCHEMY_DATABASE_URI": url,
        "SECRET_KEY": "load-test-secret",
        "QUESTIONS_DIR": str(ROOT / "questions"),
    }
    app = create_app(config, instance_path=str(instance))
    with app.app_context():
        upgrade(directory=str(ROOT / "migrations"))
        loaded = load_bank(ROOT / "questions")
        if loaded.bank is None:
            raise RuntimeError(f"the bank has errors: {loaded.errors[:3]}")
        sync_bank(loaded.bank)
        db.session.commit()
        db.engine.dispose()


def engine_for(url: str) -> Engine:
    """A small engine for reading the load database from the client side."""
    return create_engine(url, pool_size=2, max_overflow=8)


def quiz_attempts(engine: Engine) -> int:
    """How many quiz answers the database holds."""
    with engine.connect() as conn:
        return conn.execute(text("SELECT count(*) FROM attempt WHERE kind = 'quiz'")).scalar_one()


def json_list(value: str | list[str]) -> list[str]:
    """A JSON column read with plain SQL: text on SQLite, already a list on PostgreSQL."""
    return json.loads(value) if isinstance(value, str) else list(value)


def question_ids(engine: Engine, quiz_id: int) -> list[str]:
    """The questions a quiz asks, in order."""
    with engine.connect() as conn:
        value = conn.execute(
            text("SELECT question_ids FROM quiz WHERE id = :id"), {"id": quiz_id}
        ).scalar_one()
    return json_list(value)


def sqlite_path(url: str) -> Path | None:
    """The file behind a ``sqlite:///`` URL; None for other databases."""
    return Path(url.removeprefix("sqlite:///")) if url.startswith("sqlite:///") else None

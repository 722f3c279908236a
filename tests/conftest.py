"""Shared fixtures: an app on a real database, a client, users, a login helper.

By default every test gets its own SQLite file: the schema is built once per session
by running the real migrations into a template file, and each test copies it.
With ``QUIZAPP_TEST_DATABASE_URL=postgresql+psycopg://...`` the same tests run on
PostgreSQL instead: migrations run once, and every table is emptied after each test.
Tests marked ``sqlite_only`` (SQLite pragmas, file-level crash checks) keep SQLite.
"""

from __future__ import annotations

import functools
import os
import shutil
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient
from flask_migrate import upgrade
from sqlalchemy import Engine, create_engine, text

from quizapp import create_app
from quizapp.auth.operations import create_user
from quizapp.extensions import db
from quizapp.grading.words import english_words
from quizapp.models import User
from tests.support.database import reset_postgres

from .support.clock import FrozenClock
from .support.reuse import SHARED_TEMPLATES, reuse_url_builders

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
TINY_BANK = DATA / "bank" / "tiny"
SEEDS = ROOT.parent / "shared" / "seeds"
"""The five articles the real bank is written from (outside the repository, never committed)."""
PASSWORD = "correct horse battery"
START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
"""Where frozen clocks start: Monday 2 March 2026, 09:00 UTC."""
TEST_DATABASE_URL = os.environ.get("QUIZAPP_TEST_DATABASE_URL", "")


def pytest_configure(config: pytest.Config) -> None:
    reuse_url_builders()


def pytest_report_header(config: pytest.Config) -> str:
    return f"quizapp database: {TEST_DATABASE_URL or 'SQLite (a file per test)'}"


def make_config(db_file: Path, **extra: object) -> dict[str, object]:
    """Test settings: a given SQLite file, CSRF off unless a test turns it on."""
    config: dict[str, object] = {
        "TESTING": True,
        "SECRET_KEY": "test-secret",
        "SQLALCHEMY_DATABASE_URI": f"sqlite:///{db_file}",
        "WTF_CSRF_ENABLED": False,
        "QUESTIONS_DIR": str(TINY_BANK),
        "ARTICLES_DIR": str(SEEDS),
        # scrypt (the default) is most of the cost of a test that makes an account; the tests
        # of the hashing itself set it back
        "PASSWORD_HASH_METHOD": "pbkdf2:sha256:1000",
    }
    config.update(extra)
    return config


@pytest.fixture(autouse=True)
def _push_request_context() -> None:
    """Replace pytest-flask's shared request context: each request gets its own context.

    With the shared one, every test-client request reuses one database session, so a request
    that does not commit (a GET, a refused POST) leaves its transaction open for the next one.
    Production pops the context, and with it the session, after every request.
    """


@pytest.fixture(autouse=True, scope="session")
def _english_words_loaded() -> None:
    """Read grading's English word list once, before any property test times its examples."""
    english_words()


@pytest.fixture(scope="session")
def template_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database file migrated to head once for the whole session."""
    folder = tmp_path_factory.mktemp("template")
    db_file = folder / "template.sqlite"
    app = create_app(make_config(db_file), instance_path=str(folder / "instance"))
    with app.app_context():
        upgrade(directory=str(ROOT / "migrations"))
        db.engine.dispose()
    return db_file


@pytest.fixture
def clock() -> FrozenClock:
    """A frozen clock at START; a folder's ``app_config`` hands it to the app."""
    return FrozenClock(START)


@pytest.fixture
def bank_dir(tmp_path: Path) -> Path:
    """A private copy of the real bank (``questions/``) that a test may edit."""
    target = tmp_path / "questions"
    shutil.copytree(ROOT / "questions", target, ignore=shutil.ignore_patterns("drafts", "*.md"))
    return target


@pytest.fixture
def app_config() -> dict[str, object]:
    """Extra settings for the ``app`` fixture; override in a test module."""
    return {}


@pytest.fixture(scope="session")
def postgres_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The PostgreSQL test database, wiped and migrated to head once per session."""
    reset_postgres(TEST_DATABASE_URL)
    folder = tmp_path_factory.mktemp("pg")
    app = create_app(
        make_config(folder / "unused.sqlite", SQLALCHEMY_DATABASE_URI=TEST_DATABASE_URL),
        instance_path=str(folder / "instance"),
    )
    with app.app_context():
        upgrade(directory=str(ROOT / "migrations"))
        db.engine.dispose()
    return TEST_DATABASE_URL


@functools.cache
def _truncate_statement(url: str) -> tuple[Engine, str]:
    """One engine and one TRUNCATE of every app table, built at the first test that needs it."""
    engine = create_engine(url)
    with engine.connect() as conn:
        tables = conn.execute(
            text(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
                " AND tablename <> 'alembic_version'"
            )
        ).scalars()
        quoted = ", ".join(f'"{t}"' for t in tables)
    return engine, f"TRUNCATE {quoted} RESTART IDENTITY CASCADE"


def _empty_postgres(url: str) -> None:
    """Empty every table after a test (the schema stays migrated)."""
    engine, truncate = _truncate_statement(url)
    with engine.begin() as conn:
        conn.execute(text(truncate))


@pytest.fixture
def app(
    request: pytest.FixtureRequest,
    tmp_path: Path,
    template_db: Path,
    app_config: dict[str, object],
) -> Iterator[Flask]:
    """The application on its own empty, migrated database."""
    db_file = tmp_path / "quizapp.sqlite"
    shutil.copyfile(template_db, db_file)
    config = make_config(db_file, **app_config)
    on_postgres = TEST_DATABASE_URL and not request.node.get_closest_marker("sqlite_only")
    if on_postgres:
        config["SQLALCHEMY_DATABASE_URI"] = request.getfixturevalue("postgres_url")
    app = create_app(config, instance_path=str(tmp_path / "instance"))
    app.jinja_env.bytecode_cache = SHARED_TEMPLATES
    yield app
    with app.app_context():
        db.engine.dispose()
    if on_postgres:
        _empty_postgres(TEST_DATABASE_URL)


@pytest.fixture
def make_user(app: Flask):
    """Factory: ``make_user("ann", teacher=True)`` (or ``admin=True``) creates and returns the
    user's id."""

    def _make(
        username: str = "student1",
        *,
        teacher: bool = False,
        admin: bool = False,
        password: str = PASSWORD,
    ) -> int:
        role = "admin" if admin else "teacher" if teacher else "student"
        with app.app_context():
            user = create_user(username, password, role)
            db.session.commit()
            return user.id

    return _make


@pytest.fixture
def student(make_user) -> int:
    """A student account (password ``PASSWORD``)."""
    return make_user("student1")


@pytest.fixture
def teacher(make_user) -> int:
    """A teacher account (password ``PASSWORD``)."""
    return make_user("teacher1", teacher=True)


class AuthActions:
    """Log in and out through the real forms."""

    def __init__(self, client: FlaskClient) -> None:
        self._client = client

    def login(self, username: str = "student1", password: str = PASSWORD, **extra: str):
        return self._client.post(
            "/auth/login", data={"username": username, "password": password, **extra}
        )

    def logout(self):
        return self._client.post("/auth/logout")


@pytest.fixture
def auth(client: FlaskClient) -> AuthActions:
    """``auth.login()`` / ``auth.logout()`` for the test client."""
    return AuthActions(client)


def get_user(app: Flask, username: str) -> User | None:
    """Read a user back in a fresh app context."""
    with app.app_context():
        return db.session.execute(db.select(User).filter_by(username=username)).scalar_one_or_none()


@pytest.fixture
def runner(app: Flask):
    """Click runner for ``flask`` commands of this app."""
    return app.test_cli_runner()

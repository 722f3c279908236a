"""Upgrading a database that holds answers keeps every row, on SQLite and PostgreSQL.

A database is migrated to an old revision, given a student's quiz, an attempt, a card and its
rating log through plain SQL of that revision's schema, then upgraded step by step to head (and
back down to the old revision): every row must still be there after each step.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from flask_migrate import downgrade, upgrade
from sqlalchemy import text

from quizapp import create_app
from quizapp.extensions import db

from ..conftest import ROOT, make_config
from ..support.database import load_database_url, reset_postgres

MIGRATIONS = str(ROOT / "migrations")
OLDEST_WITH_ATTEMPTS_AND_CARDS = "0005"
BEFORE_SHORTCUTS = "0007"  # the revision before user_settings.shortcuts
TEST_DATABASE_URL = os.environ.get("QUIZAPP_TEST_DATABASE_URL", "")

SEED = [
    'INSERT INTO "user" (id, username, password_hash, role, created_at)'
    " VALUES (1, 'ann', 'x', 'student', '2024-02-26 09:00:00')",
    "INSERT INTO question (id, type, topic, topic_title, version, data, file, line,"
    " created_at, updated_at) VALUES ('q1', 'short', 't', 'T', 'v1', '{}', 't.yaml', 1,"
    " '2024-02-26 09:00:00', '2024-02-26 09:00:00')",
    "INSERT INTO quiz_session (id, user_id, mode, topics, question_ids, position, seed,"
    " started_at, last_activity_at) VALUES (1, 1, 'quiz', '[\"t\"]', '[\"q1\"]', 1, 0,"
    " '2024-02-26 09:00:00', '2024-02-26 09:01:00')",
    "INSERT INTO attempt (id, user_id, question_id, question_version, session_id, position,"
    " kind, raw_answer, normalised, score, correct, created_at) VALUES (1, 1, 'q1', 'v1', 1, 0,"
    " 'quiz', '\"Paris\"', 'paris', 1.0, TRUE, '2024-02-26 09:01:00')",
    "INSERT INTO card (id, user_id, question_id, state, step, stability, difficulty, due,"
    " last_review, lapses, reps, suspended, leech, created_at) VALUES (1, 1, 'q1', 1, 0, 2.3,"
    " 5.0, '2024-02-26 09:11:00', '2024-02-26 09:01:00', 0, 1, FALSE, FALSE,"
    " '2024-02-26 09:01:00')",
]
COUNTS = ('"user"', "question", "attempt", "card")


def _scratch_postgres(url: str) -> str:
    """The CI server's ``quizapp_migrations`` database, emptied (.ci/start-postgres makes it)."""
    scratch = load_database_url(url, "quizapp_migrations")
    reset_postgres(scratch)
    return scratch


@pytest.fixture
def migrating_app(tmp_path: Path) -> Iterator:
    """An app on an empty database that no other test uses (PostgreSQL when configured)."""
    config = make_config(tmp_path / "old.sqlite")
    if TEST_DATABASE_URL:
        config["SQLALCHEMY_DATABASE_URI"] = _scratch_postgres(TEST_DATABASE_URL)
    app = create_app(config, instance_path=str(tmp_path / "instance"))
    yield app
    with app.app_context():
        db.engine.dispose()


def _scalar(sql: str) -> object:
    return db.session.execute(text(sql)).scalar()


def _count_rows(tables: tuple[str, ...]) -> dict[str, int]:
    return {table: int(_scalar(f"SELECT count(*) FROM {table}")) for table in tables}


def _assert_slot_guard(table: str, unique: list[str], quizzes: str) -> None:
    """The double-submit guard (one attempt per quiz slot) and the foreign key survived."""
    found = db.inspect(db.engine)
    assert unique in [c["column_names"] for c in found.get_unique_constraints(table)]
    assert quizzes in [fk["referred_table"] for fk in found.get_foreign_keys(table)]


def test_upgrades_and_downgrades_keep_every_row(migrating_app) -> None:
    with migrating_app.app_context():
        upgrade(directory=MIGRATIONS, revision=OLDEST_WITH_ATTEMPTS_AND_CARDS)
        for statement in SEED:
            db.session.execute(text(statement))
        db.session.execute(
            text(
                "INSERT INTO review_log (id, card_id, user_id, attempt_id, rating, kind,"
                " reviewed_at, previous) VALUES (1, 1, 1, 1, 3, 'new', '2024-02-26 09:01:00',"
                " '{}')"
            )
        )
        db.session.commit()
        expected = _count_rows(COUNTS)
        db.session.remove()  # PostgreSQL: a read transaction left open would block the ALTERs

        upgrade(directory=MIGRATIONS)
        db.session.remove()
        assert _count_rows((*COUNTS, "quiz", "rating_log")) == {
            **expected,
            "quiz": 1,
            "rating_log": 1,
        }
        assert _scalar("SELECT attempt_id FROM rating_log") == 1, "the log points at its attempt"
        assert _scalar("SELECT mode FROM quiz") == "topics", "the stored mode takes its new name"
        assert _scalar("SELECT quiz_id FROM attempt") == 1
        _assert_slot_guard("attempt", ["quiz_id", "position"], "quiz")
        db.session.remove()  # PostgreSQL: a read transaction left open would block the ALTERs

        downgrade(directory=MIGRATIONS, revision=OLDEST_WITH_ATTEMPTS_AND_CARDS)
        db.session.remove()
        assert _count_rows((*COUNTS, "quiz_session", "review_log")) == {
            **expected,
            "quiz_session": 1,
            "review_log": 1,
        }
        assert _scalar("SELECT attempt_id FROM review_log") == 1
        assert _scalar("SELECT mode FROM quiz_session") == "quiz"
        assert _scalar("SELECT session_id FROM attempt") == 1
        _assert_slot_guard("attempt", ["session_id", "position"], "quiz_session")


def test_students_who_saved_settings_keep_keyboard_shortcuts_on(migrating_app) -> None:
    with migrating_app.app_context():
        upgrade(directory=MIGRATIONS, revision=BEFORE_SHORTCUTS)
        db.session.execute(text(SEED[0]))
        db.session.execute(
            text(
                "INSERT INTO user_settings (user_id, desired_retention, new_per_day,"
                " reviews_per_day, timezone) VALUES (1, 0.85, 5, 50, 'Europe/Paris')"
            )
        )
        db.session.commit()

        upgrade(directory=MIGRATIONS)
        db.session.remove()
        assert _scalar("SELECT shortcuts FROM user_settings WHERE user_id = 1") in (True, 1)
        db.session.execute(
            text(
                'INSERT INTO "user" (id, username, password_hash, role,'
                " created_at) VALUES (2, 'bo', 'x', 'student',"
                " '2024-02-26 09:00:00')"
            )
        )
        db.session.execute(
            text(
                "INSERT INTO user_settings (user_id, desired_retention, new_per_day,"
                " reviews_per_day, timezone) VALUES (2, 0.9, 20, 200, 'UTC')"
            )
        )
        assert _scalar("SELECT shortcuts FROM user_settings WHERE user_id = 2") in (True, 1)
        db.session.commit()

        downgrade(directory=MIGRATIONS, revision=BEFORE_SHORTCUTS)
        db.session.remove()
        assert _count_rows(("user_settings",)) == {"user_settings": 2}

"""SQLite tuning, BEGIN IMMEDIATE for writers, and migrations that match the models."""

from __future__ import annotations

import sqlite3
import threading
import time
from datetime import UTC, datetime, timedelta, timezone

import pytest
from flask import Flask
from flask_migrate import check
from sqlalchemy import text

from quizapp.auth.operations import create_user
from quizapp.database import reads_first, write_intent
from quizapp.extensions import db
from quizapp.models import User


@pytest.mark.sqlite_only
def test_sqlite_pragmas(app: Flask) -> None:
    with app.app_context():
        conn = db.session.connection()
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 1000


def test_migrations_match_the_models(app: Flask) -> None:
    """`flask db check` finds nothing to migrate."""
    with app.app_context():
        check()  # raises (SystemExit/CommandError) when the models and migrations differ


def test_flask_db_check_command(runner) -> None:
    result = runner.invoke(args=["db", "check"])
    assert result.exit_code == 0, result.output


def test_datetimes_come_back_aware_utc(app: Flask) -> None:
    paris = timezone(timedelta(hours=1))
    with app.app_context():
        user = create_user("timely", "long enough password")
        user.created_at = datetime(2024, 2, 26, 12, 0, tzinfo=paris)
        db.session.commit()
        db.session.expire_all()
        back = db.session.get(User, user.id).created_at
        assert back == datetime(2024, 2, 26, 11, 0, tzinfo=UTC)
        assert back.tzinfo is not None


def test_concurrent_writers_wait_instead_of_failing(app: Flask) -> None:
    """Many threads read-then-write at once; none sees "database is locked"."""
    with app.app_context():
        create_user("counter", "long enough password").password_hash = ""
        db.session.commit()
    errors: list[BaseException] = []

    def bump(n: int) -> None:
        try:
            with app.app_context(), write_intent():
                for _ in range(n):
                    user = db.session.execute(
                        db.select(User).filter_by(username="counter")
                    ).scalar_one()
                    user.role = "teacher" if user.role == "student" else "student"
                    db.session.execute(
                        text(
                            "UPDATE \"user\" SET password_hash = password_hash || 'x' "
                            "WHERE username = 'counter'"
                        )
                    )
                    db.session.commit()
        except BaseException as exc:  # noqa: BLE001 - collected for the assertion
            errors.append(exc)

    threads = [threading.Thread(target=bump, args=(20,)) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    with app.app_context():
        user = db.session.execute(db.select(User).filter_by(username="counter")).scalar_one()
        assert user.password_hash.count("x") == 120


@pytest.mark.sqlite_only
def test_a_reads_first_view_reads_while_another_writer_holds_the_lock(app: Flask, client) -> None:
    """Its request opens a plain read transaction, not ``BEGIN IMMEDIATE``, so it does not wait."""

    def count_users() -> str:
        return str(len(db.session.execute(db.select(User)).all()))

    app.add_url_rule("/_test/reads-first", view_func=reads_first(count_users), methods=["POST"])
    client.get("/auth/login")  # the first request syncs the bank, which writes
    writer = sqlite3.connect(app.config["SQLALCHEMY_DATABASE_URI"].removeprefix("sqlite:///"))
    writer.isolation_level = None
    writer.execute("BEGIN IMMEDIATE")
    try:
        started = time.monotonic()
        response = client.post("/_test/reads-first")
        assert response.status_code == 200
        assert time.monotonic() - started < 1
    finally:
        writer.execute("ROLLBACK")
        writer.close()


@pytest.mark.sqlite_only
@pytest.mark.parametrize("end", ["commit", "rollback"])
def test_a_write_transaction_holds_the_write_lock_from_begin_until_it_ends(
    app: Flask, end: str
) -> None:
    def lock_is_free() -> bool:
        other = sqlite3.connect(app.config["SQLALCHEMY_DATABASE_URI"].removeprefix("sqlite:///"))
        other.isolation_level = None
        try:
            other.execute("PRAGMA busy_timeout = 0")
            other.execute("BEGIN IMMEDIATE")
            other.execute("ROLLBACK")
            return True
        except sqlite3.OperationalError:
            return False
        finally:
            other.close()

    with app.app_context():
        with write_intent():
            db.session.execute(text("SELECT 1"))  # BEGIN IMMEDIATE: no write yet, lock taken
            assert not lock_is_free()
            getattr(db.session, end)()
        assert lock_is_free()
        db.session.execute(text("SELECT 1"))  # a read: plain BEGIN, no lock
        assert lock_is_free()
        db.session.rollback()

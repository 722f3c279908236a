"""Database wiring: SQLite pragmas and ``BEGIN IMMEDIATE`` for write transactions.

SQLite upgrades a read transaction to a write lazily, and when another writer got
there first the upgrade fails at once with "database is locked" (the busy timeout
cannot help). Requests that may write therefore open their transaction with
``BEGIN IMMEDIATE``: they take the write lock up front and wait their turn.
Reads keep a plain deferred ``BEGIN`` so they never queue behind writers (WAL).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from flask import Flask, g, request
from sqlalchemy import event
from sqlalchemy.engine import Engine

from .extensions import db, migrate

_write_intent: ContextVar[bool] = ContextVar("quizapp_write_intent", default=False)
WRITE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})


@contextmanager
def write_intent() -> Iterator[None]:
    """Open any transaction started inside the block with ``BEGIN IMMEDIATE`` on SQLite."""
    token = _write_intent.set(True)
    try:
        yield
    finally:
        _write_intent.reset(token)


@contextmanager
def write_transaction() -> Iterator[None]:
    """Run the block in a transaction of its own that takes the write lock up front; commit it.

    For the few GET requests that record something: the request's read transaction is ended
    first, so the write does not have to upgrade it (which fails at once when another writer
    committed since it began). Objects read before are reloaded inside the block.
    """
    db.session.commit()
    with write_intent():
        try:
            yield
            db.session.commit()
        except BaseException:
            db.session.rollback()
            raise


def init_app(app: Flask) -> None:
    """Bind the extensions, tune SQLite connections and mark write requests."""
    db.init_app(app)
    migrate.init_app(app, db, render_as_batch=True, compare_type=True)
    with app.app_context():
        engine = db.engine
    if engine.dialect.name == "sqlite":
        _tune_sqlite(engine, int(app.config["SQLITE_BUSY_TIMEOUT_MS"]))

    @app.before_request
    def _mark_writes() -> None:
        if request.method in WRITE_METHODS:
            g._write_token = _write_intent.set(True)

    @app.teardown_request
    def _unmark_writes(_exc: BaseException | None) -> None:
        token = g.pop("_write_token", None)
        if token is not None:
            _write_intent.reset(token)


def _tune_sqlite(engine: Engine, busy_timeout_ms: int) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
        dbapi_connection.isolation_level = None  # we issue BEGIN ourselves
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {busy_timeout_ms}")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn) -> None:  # type: ignore[no-untyped-def]
        conn.exec_driver_sql("BEGIN IMMEDIATE" if _write_intent.get() else "BEGIN")

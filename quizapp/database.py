"""Database wiring: SQLite pragmas and ``BEGIN IMMEDIATE`` for write transactions.

SQLite upgrades a read transaction to a write lazily, and when another writer got
there first the upgrade fails at once with "database is locked" (the busy timeout
cannot help). Requests that may write therefore open their transaction with
``BEGIN IMMEDIATE``: they take the write lock up front, waiting for it in SQLite's busy
handler for up to ``SQLITE_BUSY_TIMEOUT_MS``. Reads keep a plain deferred ``BEGIN`` so they
never queue behind writers (WAL). A write view marked :func:`reads_first` reads that way and
writes in :func:`write_transaction`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import TypeVar

from flask import Flask, g, request
from sqlalchemy import event
from sqlalchemy.engine import Engine

from .extensions import db, migrate

_write_intent: ContextVar[bool] = ContextVar("quizapp_write_intent", default=False)
WRITE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
View = TypeVar("View", bound=Callable[..., object])


def reads_first(view: View) -> View:
    """Mark a write view that reads without the write lock and writes in ``write_transaction()``.

    Its request is not opened with ``BEGIN IMMEDIATE``: checking the user, the form and the
    answer happens in a plain read transaction, so other writers wait only for the write
    itself. The view must re-check what it read inside its ``write_transaction()`` block.
    Put it under the route decorator, so the registered function carries the mark.
    """
    view.quizapp_reads_first = True  # type: ignore[attr-defined]
    return view


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

    For the GET requests that record something and for the write of a :func:`reads_first`
    view (the answer POST): the request's read transaction is ended first, so the write does
    not have to upgrade it (which fails at once when another writer committed since it
    began). Objects read before are reloaded inside the block; what it wrote stays loaded
    after it (the page goes on to show it), instead of being read again.
    """
    db.session.commit()
    with write_intent():
        try:
            yield
            _commit_keeping_objects()
        except BaseException:
            db.session.rollback()
            raise


def _commit_keeping_objects() -> None:
    session = db.session()
    expire, session.expire_on_commit = session.expire_on_commit, False
    try:
        session.commit()
    finally:
        session.expire_on_commit = expire


def init_app(app: Flask) -> None:
    """Bind the extensions, tune SQLite connections and mark write requests."""
    db.init_app(app)
    migrations = Path(app.root_path).parent / "migrations"  # works from any working directory
    migrate.init_app(app, db, directory=str(migrations), render_as_batch=True, compare_type=True)
    with app.app_context():
        engine = db.engine
    if engine.dialect.name == "sqlite":
        _tune_sqlite(engine, int(app.config["SQLITE_BUSY_TIMEOUT_MS"]))

    @app.before_request
    def _mark_writes() -> None:
        if request.method in WRITE_METHODS:
            view = app.view_functions.get(request.endpoint or "")
            if not getattr(view, "quizapp_reads_first", False):
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

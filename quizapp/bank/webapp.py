"""Wire the bank into the Flask app: one hot-reloading runtime per worker, synced to the db."""

from __future__ import annotations

from flask import Flask, current_app, g, has_request_context

from ..database import write_intent
from ..extensions import db
from .runtime import BankRuntime, BankStatus
from .spec import Bank, QuestionSpec
from .sync import sync_bank

EXTENSION_KEY = "quizapp.bank"


def _sync_loaded_bank(bank: Bank) -> None:
    """Bring the ``question`` table in line with a newly loaded bank, in its own transaction.

    Runs before the request touches the database (or inside a write request), so on
    SQLite its transaction starts with ``BEGIN IMMEDIATE`` and waits its turn.
    """
    with write_intent():
        try:
            sync_bank(bank)
            db.session.commit()
        except Exception:
            db.session.rollback()
            raise


def init_app(app: Flask) -> None:
    """Create this worker's bank runtime; each request starts by looking for edits."""
    app.extensions[EXTENSION_KEY] = BankRuntime(
        app.config["QUESTIONS_DIR"],
        interval=float(app.config["BANK_RELOAD_SECONDS"]),
        on_load=_sync_loaded_bank,
    )

    @app.before_request
    def _pin_bank() -> None:
        g.quizapp_bank = runtime().bank  # one request sees one bank


def runtime() -> BankRuntime:
    """This app's bank runtime."""
    return current_app.extensions[EXTENSION_KEY]


def current_bank() -> Bank:
    """The bank served now: the one pinned at the start of this request, if any."""
    if has_request_context() and "quizapp_bank" in g:
        return g.quizapp_bank
    return runtime().bank


def bank_status() -> BankStatus:
    """Errors and load times for the teachers' status page."""
    rt = runtime()
    _ = rt.bank
    return rt.status


def served_question(question_id: str) -> QuestionSpec | None:
    """A question that is currently served (not retired, not a draft), or None."""
    return current_bank().get(question_id)

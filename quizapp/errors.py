"""Error pages for 400/403/404/405/413/500/503; the 500 handler rolls the session back."""

from __future__ import annotations

from flask import Flask, render_template
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException, InternalServerError

from .extensions import db

MESSAGES = {
    400: "The request could not be understood. If you submitted a form, go back and try again.",
    403: "You are not allowed to see this page.",
    404: "There is nothing here. The link may be old or mistyped.",
    405: "That action is not available here.",
    413: "What you sent is too large.",
    500: "Something went wrong on our side. Your earlier work is saved; please try again.",
    503: "Too much was changing at once and nothing was saved. Please send it again.",
}


def _render(code: int, name: str, message: str) -> tuple[str, int]:
    return render_template("errors/error.html", code=code, name=name, message=message), code


def init_app(app: Flask) -> None:
    """Register the handlers."""

    @app.errorhandler(CSRFError)
    def csrf_error(err: CSRFError) -> tuple[str, int]:
        return _render(
            400,
            "Bad Request",
            "The form expired or was sent from elsewhere. Go back, reload the page and try again.",
        )

    @app.errorhandler(HTTPException)
    def http_error(err: HTTPException) -> tuple[str, int] | HTTPException:
        code = err.code or 500
        if code < 400:
            return err
        return _render(code, err.name, MESSAGES.get(code, err.description or ""))

    @app.errorhandler(InternalServerError)
    def server_error(err: InternalServerError) -> tuple[str, int]:
        db.session.rollback()
        return _render(500, "Internal Server Error", MESSAGES[500])

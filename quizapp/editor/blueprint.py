"""The editor's blueprint (nested in ``teacher``), its body limit and its error pages.

A bank file may be up to ``MAX_FILE_BYTES`` (1 MiB), more than the app's request limit, so the
editor's requests may be that large (forms are sent as multipart, so the text is not
percent-encoded); anything larger, and binary data, get a page saying so: nothing is saved.
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, render_template, request
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import BadRequest, RequestEntityTooLarge

from ..bank.yamlload import MAX_FILE_BYTES

bp = Blueprint("editor", __name__, url_prefix="/bank", template_folder="templates")

MAX_REQUEST_BYTES = MAX_FILE_BYTES + 64 * 1024
"""The largest editor request: a file at the validator's limit plus the form around it."""


@bp.url_value_preprocessor
def _allow_large_files(_endpoint: str | None, _values: dict[str, Any] | None) -> None:
    """Raise this request's body limit before anything reads the form (runs before CSRF)."""
    request.max_content_length = MAX_REQUEST_BYTES
    request.max_form_memory_size = MAX_REQUEST_BYTES


def _error(code: int, name: str, message: str) -> tuple[str, int]:
    return render_template("errors/error.html", code=code, name=name, message=message), code


@bp.errorhandler(RequestEntityTooLarge)
def too_large(_err: RequestEntityTooLarge) -> tuple[str, int]:
    """A save or upload over the limit: say how large it was and what the limit is."""
    size = request.content_length or 0
    message = (
        f"What you sent is {size / 1024 / 1024:.1f} MiB; a bank file can be at most"
        f" {MAX_FILE_BYTES // 1024} KiB. Split it into several topic files. Nothing was saved."
    )
    return _error(413, "Too large", message)


@bp.errorhandler(BadRequest)
def unreadable(err: BadRequest) -> tuple[str, int]:
    """Binary data (a NUL byte) or a broken form; an expired form keeps its own message."""
    if isinstance(err, CSRFError):
        message = (
            "The form expired or was sent from elsewhere. Go back, reload the page and try again."
        )
        return _error(400, "Bad Request", message)
    message = (
        "What you sent could not be read as text: it holds binary data (such as a NUL byte)."
        " A bank file is plain UTF-8 text. Nothing was saved."
    )
    return _error(400, "Not text", message)

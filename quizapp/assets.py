"""Static files under content-hashed URLs, cached for a year.

``asset_url("style.css")`` is ``/assets/<hash>/style.css``: the hash is the first 12 hex digits
of the file's SHA-256, so the URL changes exactly when the file does, and browsers may keep it
a year without asking again (``Cache-Control: max-age=31536000, immutable``). A page cached
from before a deploy asks for an old hash: it is redirected to the current file rather than
refused. Flask's own ``/static/`` keeps working for anything not linked this way.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

from flask import Flask, abort, current_app, redirect, send_from_directory, url_for
from werkzeug.security import safe_join
from werkzeug.wrappers import Response

ASSET_MAX_AGE = 365 * 24 * 3600


@lru_cache(maxsize=64)
def _digest(path: str, mtime_ns: int, size: int) -> str:
    with open(path, "rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()[:12]


def file_digest(filename: str) -> str | None:
    """The current hash of a static file, or None when there is no such file."""
    static = current_app.static_folder
    path = safe_join(static, filename) if static else None
    if path is None:
        return None
    try:
        stat = Path(path).stat()
        if not Path(path).is_file():
            return None
        return _digest(path, stat.st_mtime_ns, stat.st_size)
    except OSError:  # missing, or a name too long for the file system
        return None


def asset_url(filename: str) -> str:
    """The content-hashed URL of a static file (a plain ``/static/`` URL if it is missing)."""
    digest = file_digest(filename)
    if digest is None:
        return url_for("static", filename=filename)
    return url_for("assets", digest=digest, filename=filename)


def serve_asset(digest: str, filename: str) -> Response:
    """The file, cached for a year when the hash is current; else a redirect to the current one."""
    current = file_digest(filename)
    if current is None:
        abort(404)
    if digest != current:
        return redirect(url_for("assets", digest=current, filename=filename))
    response = send_from_directory(
        current_app.static_folder or "", filename, max_age=ASSET_MAX_AGE, conditional=True
    )
    response.cache_control.immutable = True
    response.cache_control.public = True
    return response


def init_app(app: Flask) -> None:
    """Add the ``/assets/<hash>/<file>`` rule."""
    app.add_url_rule("/assets/<digest>/<path:filename>", "assets", serve_asset)

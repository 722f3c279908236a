"""Security headers on every response, and the opt-in proxy fix for the client's address.

The Content-Security-Policy allows only this site's own files: no inline scripts, no inline
``style`` attributes, no plugins, no framing, and forms may only post back here. Pages keep
their styling in ``static/style.css`` and their behaviour in ``static/app.js``.
"""

from __future__ import annotations

from typing import Any

from flask import Flask, abort, request
from flask_login import current_user
from werkzeug.middleware.proxy_fix import ProxyFix
from werkzeug.routing import IntegerConverter, Map
from werkzeug.wrappers import Response

CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "frame-ancestors 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "object-src 'none'",
    ]
)

HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
}

#: Sent only when the app is configured for HTTPS (``SESSION_COOKIE_SECURE``).
HSTS = "max-age=31536000"

#: Endpoints that serve the same public files to everyone: cacheable, even when logged in.
STATIC_ENDPOINTS = frozenset({"static", "assets"})

#: The largest id an ``Integer`` column holds on every supported database (PostgreSQL's int4).
MAX_ID = 2**31 - 1


class IdConverter(IntegerConverter):
    """``<int:...>`` URL parts stop at `MAX_ID`: a larger number is a 404, not a database error.

    SQLite raises OverflowError for numbers beyond 64 bits, so without the bound
    ``/quiz/9223372036854775808`` was a 500.
    """

    def __init__(self, map: Map, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("max", MAX_ID)
        super().__init__(map, *args, **kwargs)


def refuse_nul_bytes() -> None:
    """400 for a NUL byte in the path, the query or the form.

    No real input has one, and PostgreSQL text can neither store nor compare one: a NUL in
    the log-in form's username was a 500 there.
    """
    fields = [*request.args.items(multi=True), *request.form.items(multi=True)]
    if "\x00" in request.path or any("\x00" in k or "\x00" in v for k, v in fields):
        abort(400)


def init_app(app: Flask) -> None:
    """Bound URL ids; add the headers to every response; trust ``X-Forwarded-*`` if configured.

    ``PROXY_FIX`` (``QUIZAPP_PROXY_FIX=1``) is the number of reverse proxies in front of the
    app. Set it only behind a proxy that overwrites ``X-Forwarded-For``: then
    ``request.remote_addr`` is the client's address (login throttling counts by it) and
    ``X-Forwarded-Proto`` says whether the client used HTTPS.
    """
    app.url_map.converters["int"] = IdConverter  # before the blueprints add their rules
    hops = int(app.config.get("PROXY_FIX") or 0)
    if hops > 0:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops)  # type: ignore[method-assign]
    https = bool(app.config.get("SESSION_COOKIE_SECURE"))

    app.before_request(refuse_nul_bytes)

    @app.after_request
    def _security_headers(response: Response) -> Response:
        for name, value in HEADERS.items():
            response.headers.setdefault(name, value)
        if https:
            response.headers.setdefault("Strict-Transport-Security", HSTS)
        if request.endpoint not in STATIC_ENDPOINTS and current_user.is_authenticated:
            # A shared computer's back button and any cache must not keep a student's pages.
            response.headers["Cache-Control"] = "no-store"
        return response

"""Security headers on every response, and the opt-in proxy fix for the client's address.

The Content-Security-Policy allows only this site's own files: no inline scripts, no inline
``style`` attributes, no plugins, no framing, and forms may only post back here. Pages keep
their styling in ``static/style.css`` and their behaviour in ``static/app.js``.
"""

from __future__ import annotations

from flask import Flask
from werkzeug.middleware.proxy_fix import ProxyFix
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


def init_app(app: Flask) -> None:
    """Add the headers to every response; trust ``X-Forwarded-*`` only when configured.

    ``PROXY_FIX`` (``QUIZAPP_PROXY_FIX=1``) is the number of reverse proxies in front of the
    app. Set it only behind a proxy that overwrites ``X-Forwarded-For``: then
    ``request.remote_addr`` is the client's address (login throttling counts by it) and
    ``X-Forwarded-Proto`` says whether the client used HTTPS.
    """
    hops = int(app.config.get("PROXY_FIX") or 0)
    if hops > 0:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops)  # type: ignore[method-assign]
    https = bool(app.config.get("SESSION_COOKIE_SECURE"))

    @app.after_request
    def _security_headers(response: Response) -> Response:
        for name, value in HEADERS.items():
            response.headers.setdefault(name, value)
        if https:
            response.headers.setdefault("Strict-Transport-Security", HSTS)
        return response

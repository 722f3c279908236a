"""Configuration: defaults in code, then ``instance/config.py``, then ``QUIZAPP_*`` env vars.

Kept free of request handling so it can be read and tested on its own.
"""

from __future__ import annotations

import os
import secrets
import time
from pathlib import Path
from typing import Any

from flask import Flask


def _flag(value: str) -> bool:
    """An on/off environment value: ``1``, ``true`` or ``yes`` (any case) mean on."""
    return value.lower() in {"1", "true", "yes"}


#: Environment variables read at start-up: variable -> (config key, converter).
ENV_SETTINGS: dict[str, tuple[str, Any]] = {
    "QUIZAPP_DATABASE_URL": ("SQLALCHEMY_DATABASE_URI", str),
    "QUIZAPP_SECRET_KEY": ("SECRET_KEY", str),
    "QUIZAPP_QUESTIONS_DIR": ("QUESTIONS_DIR", str),
    "QUIZAPP_ARTICLES_DIR": ("ARTICLES_DIR", str),
    "QUIZAPP_SECURE_COOKIES": ("SESSION_COOKIE_SECURE", _flag),
    "QUIZAPP_BANK_RELOAD_SECONDS": ("BANK_RELOAD_SECONDS", float),
    "QUIZAPP_PROXY_FIX": ("PROXY_FIX", int),
}


def defaults(app: Flask) -> dict[str, Any]:
    """Settings that hold when nothing overrides them."""
    instance = Path(app.instance_path)
    return {
        "SQLALCHEMY_DATABASE_URI": f"sqlite:///{instance / 'quizapp.sqlite'}",
        "QUESTIONS_DIR": str(instance.parent / "questions"),
        "ARTICLES_DIR": str(instance / "articles"),
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "SESSION_COOKIE_SECURE": False,
        "REMEMBER_COOKIE_HTTPONLY": True,
        "REMEMBER_COOKIE_SAMESITE": "Lax",
        "MAX_CONTENT_LENGTH": 256 * 1024,
        "WTF_CSRF_TIME_LIMIT": None,
        "BANK_RELOAD_SECONDS": 3.0,
        "SQLITE_BUSY_TIMEOUT_MS": 15000,
        "LOGIN_USER_LIMIT": 5,
        "LOGIN_IP_LIMIT": 20,
        "LOGIN_WINDOW_SECONDS": 15 * 60,
        "PROXY_FIX": 0,
        "PASSWORD_HASH_METHOD": "scrypt",
    }


def load_config(app: Flask, test_config: dict[str, Any] | None) -> None:
    """Fill ``app.config`` in order of precedence, lowest first."""
    app.config.from_mapping(defaults(app))
    app.config.from_pyfile("config.py", silent=True)
    for var, (key, convert) in ENV_SETTINGS.items():
        value = os.environ.get(var)
        if value:
            app.config[key] = convert(value)
    if test_config:
        app.config.from_mapping(test_config)
    if not app.config.get("SECRET_KEY"):
        app.config["SECRET_KEY"] = persistent_secret_key(Path(app.instance_path))
    # Cookies set for HTTPS stay consistent with the session cookie.
    app.config.setdefault("REMEMBER_COOKIE_SECURE", app.config["SESSION_COOKIE_SECURE"])


def persistent_secret_key(instance: Path) -> str:
    """Read ``instance/secret_key``, creating it (mode 0600) on first start.

    Several workers may start at once: the key is written to a temporary file and
    linked into place, so every worker ends up reading the same complete key.
    """
    path = instance / "secret_key"
    instance.mkdir(parents=True, exist_ok=True)
    for _ in range(50):
        try:
            key = path.read_text().strip()
        except FileNotFoundError:
            key = ""
        if key:
            return key
        tmp = instance / f".secret_key.{os.getpid()}.{secrets.token_hex(4)}"
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as fh:
            fh.write(secrets.token_hex(32))
        try:
            os.link(tmp, path)
        except FileExistsError:
            time.sleep(0.01)
        finally:
            tmp.unlink()
    raise RuntimeError(f"could not read or create {path}")

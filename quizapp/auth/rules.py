"""Account rules shared by the web forms and the CLI (pure functions)."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

USERNAME_RE = re.compile(r"^[a-z0-9_.-]{3,32}$")
MIN_PASSWORD = 10
MAX_PASSWORD = 1024


def normalise_username(raw: str) -> str:
    """Usernames are case-insensitive: store and compare them lower-case."""
    return (raw or "").strip().lower()


def username_problem(username: str) -> str | None:
    """Why ``username`` (already normalised) is not acceptable, or None."""
    if not USERNAME_RE.fullmatch(username):
        return "Use 3 to 32 characters: letters a-z, digits, '_', '.' or '-'."
    return None


def password_problem(password: str) -> str | None:
    """Why ``password`` is not acceptable, or None."""
    if len(password) < MIN_PASSWORD:
        return f"Use at least {MIN_PASSWORD} characters."
    if len(password) > MAX_PASSWORD:
        return f"Use at most {MAX_PASSWORD} characters."
    return None


def safe_next(target: str | None) -> str | None:
    """Return ``target`` if it is a path on this site, else None.

    Rejects absolute and scheme-relative URLs (``//host``, ``/\\host``), any scheme
    (``http:``, ``javascript:``) and control characters that browsers strip.
    """
    if not target or len(target) > 2000:
        return None
    if any(ord(ch) < 32 or ord(ch) == 127 for ch in target):
        return None
    cleaned = target.replace("\\", "/")
    if not cleaned.startswith("/") or cleaned.startswith("//"):
        return None
    parts = urlsplit(cleaned)
    if parts.scheme or parts.netloc:
        return None
    return target

"""Accounts: students and teachers."""

from __future__ import annotations

from datetime import datetime

from flask import current_app, has_app_context
from flask_login import UserMixin
from sqlalchemy import Integer, String
from sqlalchemy.orm import Mapped, mapped_column
from werkzeug.security import check_password_hash, generate_password_hash

from ..extensions import db
from .types import UTCDateTime, utcnow

ROLES = ("student", "teacher", "admin")
TEACHER_ROLES = frozenset({"teacher", "admin"})
"""Roles that see the teacher pages; an admin is a teacher who also manages teachers."""


class AccountMixin(UserMixin):
    """What an account's ``role`` and ``session_version`` mean, for the ORM ``User`` and for
    the request's read-only ``auth.identity.SessionUser`` alike."""

    def get_id(self) -> str:
        """The id Flask-Login puts in the session and remember cookies: ``"<id>.<version>"``."""
        return f"{self.id}.{self.session_version}"

    @property
    def is_teacher(self) -> bool:
        """Teachers (and admins) see the teacher pages and edit the bank."""
        return self.role in TEACHER_ROLES

    @property
    def is_admin(self) -> bool:
        """Admins manage teachers and see every class and student."""
        return self.role == "admin"


def password_method() -> str:
    """How passwords are hashed: the app's ``PASSWORD_HASH_METHOD`` (scrypt; the test suite
    sets a cheap one, as hashing is most of the cost of a test that makes accounts)."""
    if has_app_context():
        return str(current_app.config.get("PASSWORD_HASH_METHOD", "scrypt"))
    return "scrypt"


class User(AccountMixin, db.Model):
    """A person who studies (student), runs classes (teacher) or also manages teachers (admin).

    ``username`` is stored lower-case, which makes it unique case-insensitively.
    """

    __tablename__ = "user"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(32), unique=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    role: Mapped[str] = mapped_column(String(16), default="student")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    session_version: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    """Part of every session and remember cookie (``get_id``): raising it (log-out, a new
    password) makes every cookie issued before refuse to log in."""

    def set_password(self, password: str) -> None:
        """Store a hash of ``password`` (``password_method``: scrypt), never the password."""
        self.password_hash = generate_password_hash(password, method=password_method())

    def check_password(self, password: str) -> bool:
        """True when ``password`` matches the stored hash."""
        return check_password_hash(self.password_hash, password)

    def __repr__(self) -> str:
        return f"<User {self.username} ({self.role})>"

"""Account write operations shared by views and CLI."""

from __future__ import annotations

from ..extensions import db
from ..models import ROLES, User
from .rules import normalise_username, password_problem, username_problem


class AccountError(ValueError):
    """A username or password that breaks the rules, with a message for people."""


def create_user(username: str, password: str, role: str = "student") -> User:
    """Validate and add a user; the caller commits."""
    name = normalise_username(username)
    problem = username_problem(name) or password_problem(password)
    if problem:
        raise AccountError(problem)
    if role not in ROLES:
        raise AccountError(f"Unknown role {role!r}; use one of {', '.join(ROLES)}.")
    if db.session.execute(db.select(User.id).filter_by(username=name)).first():
        raise AccountError(f"The username {name!r} is taken.")
    user = User(username=name, role=role)
    user.set_password(password)
    db.session.add(user)
    return user


def find_user(username: str) -> User | None:
    """The user with this username (any case), or None."""
    name = normalise_username(username)
    return db.session.execute(db.select(User).filter_by(username=name)).scalar_one_or_none()

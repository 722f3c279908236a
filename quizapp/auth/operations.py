"""Account write operations shared by views and CLI."""

from __future__ import annotations

from functools import cache

from sqlalchemy import update
from werkzeug.security import check_password_hash, generate_password_hash

from ..extensions import db
from ..models import ROLES, User
from ..models.user import password_method
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


def register_account(username: str, password: str) -> User:
    """A new account from the registration page: a student, except the very first account of
    the installation, which becomes its admin (who then makes teachers). The caller commits."""
    anyone = db.session.execute(db.select(User.id).limit(1)).first()
    return create_user(username, password, "student" if anyone else "admin")


#: The roles an admin gives on the admin page; admins themselves are made with `flask users`.
TEACHER_OR_STUDENT = ("teacher", "student")


def set_role(user: User, role: str) -> None:
    """Make an account a teacher or a student again (their classes and history stay).

    Refused for admins, so that the web never removes the last one: an admin's role is
    changed with ``flask users promote|demote``.
    """
    if role not in TEACHER_OR_STUDENT:
        raise AccountError(f"Unknown role {role!r}; use teacher or student.")
    if user.is_admin:
        raise AccountError(f"{user.username} is an admin; change admins with `flask users`.")
    user.role = role


def find_user(username: str) -> User | None:
    """The user with this username (any case), or None."""
    name = normalise_username(username)
    return db.session.execute(db.select(User).filter_by(username=name)).scalar_one_or_none()


@cache
def _decoy_hash(method: str) -> str:
    """A hash (by ``method``) of nothing anyone types, checked when the username is unknown."""
    return generate_password_hash("no account has this password", method=method)


def authenticate(username: str, password: str) -> User | None:
    """The account when ``password`` is its password, else None.

    An unknown username costs the same scrypt check as a wrong password, so the time a
    log-in takes does not tell whether the account exists.
    """
    user = find_user(username)
    if user is None:
        check_password_hash(_decoy_hash(password_method()), password)
        return None
    return user if user.check_password(password) else None


def end_sessions(user_id: int) -> None:
    """Revoke every session and remember cookie of the account (the caller commits)."""
    db.session.execute(
        update(User)
        .where(User.id == user_id)
        .values(session_version=User.session_version + 1)
        .execution_options(synchronize_session="fetch")
    )


def change_password(user: User, new_password: str) -> None:
    """Set a new password and end every session of the account (the caller commits and
    logs the current browser in again)."""
    problem = password_problem(new_password)
    if problem:
        raise AccountError(problem)
    user.set_password(new_password)
    end_sessions(user.id)

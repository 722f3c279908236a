"""Account write operations: delete an account, issue and redeem password-reset codes."""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, timedelta

from sqlalchemy import func, select, update

from ..auth.operations import AccountError, change_password
from ..extensions import db
from ..models import Classroom, Membership, PasswordReset, User

RESET_LIFETIME = timedelta(hours=24)
"""How long a reset code works: long enough to hand over in the next lesson's first minutes
is not enough, a day is; it works once."""


def deletion_problem(user: User) -> str | None:
    """Why this account may not be deleted yet, or None.

    A teacher's classes would go with the account (and every student's place in them), so a
    teacher hands them over or deletes them first; the last admin would leave no one able to
    manage teachers.
    """
    classes = db.session.scalar(
        select(func.count()).select_from(Classroom).where(Classroom.teacher_id == user.id)
    )
    if classes:
        return (
            f"You still teach {classes} class(es): delete them or ask an admin to move them "
            "to another teacher first."
        )
    if user.is_admin:
        admins = db.session.scalar(
            select(func.count()).select_from(User).where(User.role == "admin")
        )
        if admins <= 1:
            return "You are the only admin: make another account admin first."
    return None


def delete_account(user: User) -> None:
    """Delete the account and, through the foreign keys, every answer, quiz, card, rating,
    setting and class membership of it (the caller commits)."""
    problem = deletion_problem(user)
    if problem:
        raise AccountError(problem)
    db.session.delete(user)


CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
"""No 0/O, 1/I: a code read aloud or copied from paper is typed right."""
CODE_GROUPS = 3


def _new_code() -> str:
    """Twelve characters (60 random bits) in groups of four: ``K7QD-X2PM-9HTR``."""
    letters = "".join(secrets.choice(CODE_ALPHABET) for _ in range(4 * CODE_GROUPS))
    return "-".join(letters[i : i + 4] for i in range(0, len(letters), 4))


def normalise_code(typed: str) -> str:
    """A code as typed (any case, with or without spaces and dashes) in its canonical form."""
    letters = "".join(ch for ch in typed.upper() if ch.isalnum())
    return "-".join(letters[i : i + 4] for i in range(0, len(letters), 4))


def _digest(code: str) -> str:
    return hashlib.sha256(normalise_code(code).encode()).hexdigest()


def issue_reset_code(student: User, issued_by: User | int, moment: datetime) -> str:
    """A new one-time code for ``student`` (earlier unused codes stop working)."""
    db.session.execute(
        update(PasswordReset)
        .where(PasswordReset.user_id == student.id, PasswordReset.used_at.is_(None))
        .values(used_at=moment)
    )
    code = _new_code()
    issuer = issued_by if isinstance(issued_by, int) else issued_by.id
    db.session.add(
        PasswordReset(
            user_id=student.id,
            code_hash=_digest(code),
            created_by_id=issuer,
            created_at=moment,
            expires_at=moment + RESET_LIFETIME,
        )
    )
    return code


def usable_reset(code: str, moment: datetime) -> PasswordReset | None:
    """The unused, unexpired reset behind ``code``, or None."""
    if not code or len(code) > 64:
        return None
    reset = db.session.scalar(select(PasswordReset).where(PasswordReset.code_hash == _digest(code)))
    if reset is None or reset.used_at is not None or reset.expires_at <= moment:
        return None
    return reset


def redeem_reset_code(code: str, new_password: str, moment: datetime) -> User:
    """Set the new password with a code, once; every session of the account ends."""
    reset = usable_reset(code, moment)
    if reset is None:
        raise AccountError(
            "This reset code is unknown, used or expired: ask your teacher for a new one."
        )
    user = db.session.get(User, reset.user_id)
    change_password(user, new_password)
    reset.used_at = moment
    return user


def may_reset(actor: User, target: User) -> bool:
    """An admin resets anyone else's password; a teacher, a student of one of their classes."""
    if actor.id == target.id or not actor.is_teacher:
        return False
    if actor.is_admin:
        return True
    if target.role != "student":
        return False
    shared = (
        select(Membership.id)
        .join(Classroom, Classroom.id == Membership.classroom_id)
        .where(Membership.user_id == target.id, Classroom.teacher_id == actor.id)
        .limit(1)
    )
    return db.session.scalar(shared) is not None

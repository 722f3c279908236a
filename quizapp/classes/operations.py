"""Writes on classes: create, edit, rotate the code, join, and leave or be removed.

Nothing here commits; the view (or test) commits. Joining is safe against a double submit or
two tabs: the membership is inserted unless the (class, student) row exists already.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from sqlalchemy import delete

from ..exams.operations import catch_up_student
from ..extensions import db
from ..models import Classroom, Membership
from ..models.statements import InsertUnlessTaken
from .codes import CodeProblem, new_code, read_code, show_code
from .queries import find_by_code

__all__ = [
    "Joined",
    "NotJoined",
    "create_classroom",
    "join",
    "remove_member",
    "rotate_code",
    "update_classroom",
]

_INSERT_MEMBERSHIP = InsertUnlessTaken(
    Membership.__table__, ["classroom_id", "user_id"], Membership.__table__.c.id
)
_CODE_TRIES = 20


def _unused_code() -> str:
    """A random code no class has (a clash is about one in 3.8e10 per class)."""
    for _ in range(_CODE_TRIES):
        code = new_code()
        if find_by_code(code) is None:
            return code
    raise RuntimeError("could not find an unused class code")  # pragma: no cover


def create_classroom(teacher_id: int, name: str, time_zone: str, now: datetime) -> Classroom:
    """A new class of ``teacher_id`` with a fresh join code."""
    classroom = Classroom(
        name=name.strip(),
        time_zone=time_zone,
        join_code=_unused_code(),
        teacher_id=teacher_id,
        created_at=now,
    )
    db.session.add(classroom)
    db.session.flush()
    return classroom


def update_classroom(classroom: Classroom, name: str, time_zone: str) -> None:
    """Rename a class or change its time zone."""
    classroom.name, classroom.time_zone = name.strip(), time_zone


def rotate_code(classroom: Classroom) -> str:
    """Give the class a new join code; the old one stops working at once. Returns the old code."""
    old, classroom.join_code = classroom.join_code, _unused_code()
    return old


@dataclass(frozen=True)
class Joined:
    """The student is in ``classroom``; ``already``: they were before (nothing changed)."""

    classroom: Classroom
    already: bool = False


@dataclass(frozen=True)
class NotJoined:
    """Nothing was written, and why, for the student."""

    message: str


class Account(Protocol):
    """Who joins: ``current_user`` or a ``User``."""

    id: int
    role: str


def join(user: Account, typed_code: str, now: datetime) -> Joined | NotJoined:
    """Put a student in the class whose code they typed; joining twice changes nothing."""
    code = read_code(typed_code)
    if isinstance(code, CodeProblem):
        return NotJoined(code.message)
    if user.role != "student":
        return NotJoined("Only student accounts join classes; teachers create them.")
    classroom = find_by_code(code)
    if classroom is None:
        return NotJoined(
            f"No class has the code {show_code(code)}. Check it with your teacher: a code"
            " stops working when the teacher makes a new one."
        )
    values = {"classroom_id": classroom.id, "user_id": user.id, "joined_at": now}
    inserted = _INSERT_MEMBERSHIP.run(db.session.connection(), values)
    if inserted is not None:  # the class's exams now shape this student's schedule too
        catch_up_student(user.id, now)
    return Joined(classroom, already=inserted is None)


def remove_member(classroom_id: int, user_id: int) -> bool:
    """Take a student out of a class (they leave, or their teacher removes them).

    False, with nothing written, when they are not in it. Their answers, cards and history
    stay theirs; only the membership goes.
    """
    result = db.session.execute(
        delete(Membership).where(
            Membership.classroom_id == classroom_id, Membership.user_id == user_id
        )
    )
    return bool(result.rowcount)

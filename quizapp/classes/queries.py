"""Who may see which class and which student: the one home of teacher scoping.

A teacher sees the classes they teach and the students who are members of them; an admin sees
every class and every student; a student sees only the classes they are in. Every teacher page
that names a class or a student asks here, so another teacher's class or student is a 404.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from flask import abort
from sqlalchemy import Select, false, func, select

from ..extensions import db
from ..models import Classroom, Membership, User

__all__ = [
    "ClassSummary",
    "Viewer",
    "class_summaries",
    "classroom_or_404",
    "find_by_code",
    "member_class_ids",
    "member_ids",
    "student_classes",
    "student_or_404",
    "student_ids",
    "student_scope",
    "taught_class_ids",
    "visible_student_ids",
]


class Viewer(Protocol):
    """The account asking: ``current_user`` (a ``SessionUser``) or a ``User``."""

    id: int

    @property
    def is_admin(self) -> bool: ...

    @property
    def is_teacher(self) -> bool: ...


def student_ids() -> Select[tuple[int]]:
    """SELECT of the ids of every student (no teacher, no admin)."""
    return select(User.id).where(User.role == "student")


def visible_student_ids(viewer: Viewer) -> Select[tuple[int]]:
    """SELECT of the ids of the students ``viewer`` may see, for ``column.in_(...)``.

    Admins: every student. Teachers: the students of their classes. Anyone else: nobody.
    """
    students = student_ids()
    if viewer.is_admin:
        return students
    if not viewer.is_teacher:
        return students.where(false())
    taught = (
        select(Membership.user_id)
        .join(Classroom, Classroom.id == Membership.classroom_id)
        .where(Classroom.teacher_id == viewer.id)
    )
    return students.where(User.id.in_(taught))


def taught_class_ids(viewer: Viewer) -> Select[tuple[int]]:
    """SELECT of the ids of the classes ``viewer`` teaches (every class for an admin)."""
    query = select(Classroom.id)
    if viewer.is_admin:
        return query
    if not viewer.is_teacher:
        return query.where(false())
    return query.where(Classroom.teacher_id == viewer.id)


def member_class_ids(user_id: int) -> Select[tuple[int]]:
    """SELECT of the ids of the classes the student ``user_id`` is a member of."""
    return select(Membership.classroom_id).where(Membership.user_id == user_id)


def member_ids(classroom_id: int) -> Select[tuple[int]]:
    """SELECT of the ids of a class's students (members whose account is a student)."""
    return (
        select(User.id)
        .join(Membership, Membership.user_id == User.id)
        .where(Membership.classroom_id == classroom_id, User.role == "student")
    )


def student_scope(viewer: Viewer, classroom_id: int | None) -> tuple[Classroom | None, Select]:
    """What a teacher page counts: one of ``viewer``'s classes (``?class=<id>``; another
    teacher's is a 404) and its students, or with no class every student ``viewer`` may see."""
    if not classroom_id:
        return None, visible_student_ids(viewer)
    classroom = classroom_or_404(viewer, classroom_id)
    return classroom, member_ids(classroom.id)


def student_or_404(viewer: Viewer, user_id: int) -> User:
    """The student ``user_id`` if ``viewer`` may see them; 404 otherwise (unknown or not theirs)."""
    student = db.session.execute(
        select(User).where(User.id == user_id, User.id.in_(visible_student_ids(viewer)))
    ).scalar_one_or_none()
    if student is None:
        abort(404)
    return student


def classroom_or_404(viewer: Viewer, classroom_id: int) -> Classroom:
    """The class ``classroom_id`` if ``viewer`` teaches it (any class for an admin); else 404."""
    classroom = db.session.get(Classroom, classroom_id) if viewer.is_teacher else None
    if classroom is None or not (viewer.is_admin or classroom.teacher_id == viewer.id):
        abort(404)
    return classroom


def find_by_code(code: str) -> Classroom | None:
    """The class whose current join code is ``code`` (already read by ``codes.read_code``)."""
    return db.session.execute(
        select(Classroom).where(Classroom.join_code == code)
    ).scalar_one_or_none()


@dataclass(frozen=True)
class ClassSummary:
    """One line of a list of classes: the class, its teacher's name and how many students."""

    classroom: Classroom
    teacher: str
    students: int


def class_summaries(viewer: Viewer, *, everyone: bool = False) -> list[ClassSummary]:
    """The classes ``viewer`` teaches (every class when ``everyone`` and an admin), by name."""
    counts = (
        select(Membership.classroom_id, func.count().label("n"))
        .join(User, User.id == Membership.user_id)
        .where(User.role == "student")
        .group_by(Membership.classroom_id)
        .subquery()
    )
    query = (
        select(Classroom, User.username, func.coalesce(counts.c.n, 0))
        .join(User, User.id == Classroom.teacher_id)
        .outerjoin(counts, counts.c.classroom_id == Classroom.id)
        .order_by(func.lower(Classroom.name), Classroom.id)
    )
    if not (everyone and viewer.is_admin):
        query = query.where(Classroom.teacher_id == viewer.id)
    return [ClassSummary(c, name, int(n)) for c, name, n in db.session.execute(query)]


def student_classes(user_id: int) -> Sequence[tuple[Classroom, str]]:
    """The classes a student is in, with each teacher's username, by name."""
    rows = db.session.execute(
        select(Classroom, User.username)
        .join(Membership, Membership.classroom_id == Classroom.id)
        .join(User, User.id == Classroom.teacher_id)
        .where(Membership.user_id == user_id)
        .order_by(func.lower(Classroom.name), Classroom.id)
    )
    return [(classroom, teacher) for classroom, teacher in rows]

"""Who may see which class and assignment: the one home of the assignments' scoping.

A teacher sees the classes they teach (an admin every class); a student the assignments of
the classes they are a member of. Anything else is "not found" (404), never "forbidden", so
an id reveals nothing. When ``quizapp.classes.queries`` exists, its class lookups take the
place of :func:`teaching` and :func:`member_class_ids` here (the only two scoping queries).
"""

from __future__ import annotations

from typing import Protocol

from flask import abort
from sqlalchemy import Select, select

from ..extensions import db
from ..models import Assignment, Classroom, Membership, User


class Viewer(Protocol):
    """The account asking (``auth.identity.SessionUser`` or ``models.User``)."""

    id: int

    @property
    def is_admin(self) -> bool: ...


def teaching(viewer: Viewer) -> Select[tuple[Classroom]]:
    """SELECT the classes ``viewer`` teaches (every class for an admin), by name."""
    query = select(Classroom).order_by(Classroom.name, Classroom.id)
    return query if viewer.is_admin else query.where(Classroom.teacher_id == viewer.id)


def member_class_ids(user_id: int) -> Select[tuple[int]]:
    """SELECT the ids of the classes the student ``user_id`` is a member of."""
    return select(Membership.classroom_id).where(Membership.user_id == user_id)


def taught_classes(viewer: Viewer) -> list[Classroom]:
    """The classes ``viewer`` teaches, by name."""
    return list(db.session.execute(teaching(viewer)).scalars())


def taught_class_or_404(viewer: Viewer, classroom_id: int) -> Classroom:
    """Class ``classroom_id`` if ``viewer`` teaches it (or is an admin); else 404."""
    found = db.session.execute(
        teaching(viewer).where(Classroom.id == classroom_id)
    ).scalar_one_or_none()
    if found is None:
        abort(404)
    return found


def taught_assignment_or_404(viewer: Viewer, assignment_id: int) -> Assignment:
    """Assignment ``assignment_id`` if it is for a class ``viewer`` teaches; else 404."""
    classes = teaching(viewer).with_only_columns(Classroom.id).order_by(None)
    found = db.session.execute(
        select(Assignment).where(
            Assignment.id == assignment_id, Assignment.classroom_id.in_(classes)
        )
    ).scalar_one_or_none()
    if found is None:
        abort(404)
    return found


def assigned_or_404(user_id: int, assignment_id: int) -> Assignment:
    """Assignment ``assignment_id`` if the student is in its class; else 404."""
    found = db.session.execute(
        select(Assignment).where(
            Assignment.id == assignment_id,
            Assignment.classroom_id.in_(member_class_ids(user_id)),
        )
    ).scalar_one_or_none()
    if found is None:
        abort(404)
    return found


def class_students(classroom_id: int) -> list[tuple[int, str]]:
    """``(user id, username)`` of the class's students, by username."""
    rows = db.session.execute(
        select(User.id, User.username)
        .join(Membership, Membership.user_id == User.id)
        .where(Membership.classroom_id == classroom_id)
        .order_by(User.username)
    )
    return [(user_id, name) for user_id, name in rows]


def class_assignments(classroom: Classroom) -> list[Assignment]:
    """The class's assignments, latest due first (``assignments/_class_panel.html``; the
    caller has looked the class up through :func:`taught_class_or_404` or :func:`teaching`)."""
    query = (
        select(Assignment)
        .where(Assignment.classroom_id == classroom.id)
        .order_by(Assignment.due_at.desc(), Assignment.id.desc())
    )
    return list(db.session.execute(query).scalars())

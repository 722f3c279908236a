"""Who may see which class and assignment: the one home of the assignments' scoping.

A teacher sees the classes they teach (an admin every class); a student the assignments of
the classes they are a member of. Anything else is "not found" (404), never "forbidden", so
an id reveals nothing. Which classes those are is decided in ``quizapp.classes.queries``
(``taught_class_ids``, ``member_class_ids``, ``classroom_or_404``); this module only applies
it to assignments.
"""

from __future__ import annotations

from flask import abort
from sqlalchemy import Select, select

from ..classes.queries import (
    Viewer,
    classroom_or_404,
    member_class_ids,
    taught_class_ids,
)
from ..extensions import db
from ..models import Assignment, Classroom, Membership, User


def teaching(viewer: Viewer) -> Select[tuple[Classroom]]:
    """SELECT the classes ``viewer`` teaches (every class for an admin), by name."""
    return (
        select(Classroom)
        .where(Classroom.id.in_(taught_class_ids(viewer)))
        .order_by(Classroom.name, Classroom.id)
    )


def taught_classes(viewer: Viewer) -> list[Classroom]:
    """The classes ``viewer`` teaches, by name."""
    return list(db.session.execute(teaching(viewer)).scalars())


def taught_class_or_404(viewer: Viewer, classroom_id: int) -> Classroom:
    """Class ``classroom_id`` if ``viewer`` teaches it (or is an admin); else 404."""
    return classroom_or_404(viewer, classroom_id)


def taught_assignment_or_404(viewer: Viewer, assignment_id: int) -> Assignment:
    """Assignment ``assignment_id`` if it is for a class ``viewer`` teaches; else 404."""
    found = db.session.execute(
        select(Assignment).where(
            Assignment.id == assignment_id,
            Assignment.classroom_id.in_(taught_class_ids(viewer)),
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

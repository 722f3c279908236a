"""Who may see which assignment: the one home of the assignments' scoping.

A teacher sees the assignments of the classes they teach (an admin every class); a student
the assignments of the classes they are a member of. Anything else is "not found" (404),
never "forbidden", so an id reveals nothing. Which classes and students those are is decided
in ``quizapp.classes.queries`` (``taught_class_ids``, ``member_class_ids``, ``member_ids``,
``classroom_or_404``); this module only applies it to assignments.
"""

from __future__ import annotations

from flask import abort
from sqlalchemy import Select, select
from sqlalchemy.orm import selectinload

from ..classes.queries import Viewer, member_class_ids, member_ids, taught_class_ids
from ..extensions import db
from ..models import Assignment, Classroom, User


def taught_classes(viewer: Viewer) -> list[Classroom]:
    """The classes ``viewer`` teaches (every class for an admin), by name, each with its
    ``assignments`` loaded (one query for all of them)."""
    query = (
        select(Classroom)
        .where(Classroom.id.in_(taught_class_ids(viewer)))
        .options(selectinload(Classroom.assignments))
        .order_by(Classroom.name, Classroom.id)
    )
    return list(db.session.execute(query).scalars())


def _assignment_or_404(assignment_id: int, class_ids: Select[tuple[int]]) -> Assignment:
    """Assignment ``assignment_id`` if its class is one of ``class_ids``; else 404."""
    found = db.session.execute(
        select(Assignment).where(
            Assignment.id == assignment_id, Assignment.classroom_id.in_(class_ids)
        )
    ).scalar_one_or_none()
    if found is None:
        abort(404)
    return found


def taught_assignment_or_404(viewer: Viewer, assignment_id: int) -> Assignment:
    """Assignment ``assignment_id`` if it is for a class ``viewer`` teaches; else 404."""
    return _assignment_or_404(assignment_id, taught_class_ids(viewer))


def assigned_or_404(user_id: int, assignment_id: int) -> Assignment:
    """Assignment ``assignment_id`` if the student is in its class; else 404."""
    return _assignment_or_404(assignment_id, member_class_ids(user_id))


def class_students(classroom_id: int) -> list[tuple[int, str]]:
    """``(user id, username)`` of the class's students (``member_ids``), by username."""
    rows = db.session.execute(
        select(User.id, User.username)
        .where(User.id.in_(member_ids(classroom_id)))
        .order_by(User.username)
    )
    return [(user_id, name) for user_id, name in rows]

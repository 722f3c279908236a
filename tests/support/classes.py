"""Classes for tests: put students in a teacher's class through the operations."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime

from flask import Flask

from quizapp.classes import operations
from quizapp.extensions import db
from quizapp.models import Classroom, Membership

START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
"""When these classes are made and joined (the frozen clocks' start, tests/conftest.py)."""


def make_class(app: Flask, teacher_id: int, name: str = "Class A", zone: str = "UTC") -> int:
    """A new class of ``teacher_id``; returns its id."""
    with app.app_context():
        classroom = operations.create_classroom(teacher_id, name, zone, START)
        db.session.commit()
        return classroom.id


def enrol(app: Flask, teacher_id: int, students: Iterable[int], name: str = "Class A") -> int:
    """Put ``students`` in ``teacher_id``'s class called ``name`` (made if missing); its id."""
    with app.app_context():
        found = db.session.execute(
            db.select(Classroom.id).filter_by(teacher_id=teacher_id, name=name)
        ).scalar_one_or_none()
    classroom_id = found or make_class(app, teacher_id, name)
    with app.app_context():
        db.session.add_all(
            Membership(classroom_id=classroom_id, user_id=user_id, joined_at=START)
            for user_id in students
        )
        db.session.commit()
    return classroom_id

"""Exam fixtures: a frozen clock, the tiny bank synced, a teacher's class with a student in it.

Classes and memberships are made directly with the models (the classes pages are another
package's); ``card`` gives a student a studied card with a chosen due and last review.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

import pytest
from flask import Flask

from quizapp.bank.webapp import current_bank
from quizapp.extensions import db
from quizapp.models import Card, Classroom, Membership
from quizapp.models.card import card_values
from quizapp.scheduling import CardState, State
from tests.conftest import START, FrozenClock

__all__ = ["START"]


@pytest.fixture
def app_config(clock: FrozenClock) -> dict[str, object]:
    """Exam tests run on the frozen clock."""
    return {"CLOCK": clock}


@pytest.fixture
def classroom(app: Flask, teacher: int, student: int) -> int:
    """Class "3B" (Europe/Paris) of ``teacher`` with ``student`` in it; its id."""
    with app.app_context():
        current_bank()  # the question table, for the cards' foreign keys
        room = Classroom(name="3B", time_zone="Europe/Paris", join_code="JOIN3B")
        room.teacher_id = teacher
        db.session.add(room)
        db.session.flush()
        db.session.add(Membership(classroom_id=room.id, user_id=student))
        db.session.commit()
        return room.id


@pytest.fixture
def card(app: Flask) -> Callable[..., int]:
    """``card(user_id, question_id, due=, last_review=, stability=)``: a studied card; its id."""

    def make(
        user_id: int,
        question_id: str,
        *,
        due: datetime,
        last_review: datetime | None = None,
        stability: float = 30.0,
        suspended: bool = False,
    ) -> int:
        state = CardState(int(State.Review), None, stability, 5.0, due,
                          last_review or START - timedelta(days=10), 0, 3)  # fmt: skip
        with app.app_context():
            row = Card(user_id=user_id, question_id=question_id, suspended=suspended,
                       **card_values(state))  # fmt: skip
            db.session.add(row)
            db.session.commit()
            return row.id

    return make

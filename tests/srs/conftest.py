"""Spaced-repetition fixtures: a frozen clock, an app context with the bank, card helpers."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from flask import Flask
from sqlalchemy import select

from quizapp.bank.webapp import current_bank
from quizapp.extensions import db
from quizapp.models import Attempt, Card, RatingLog
from tests.conftest import START, FrozenClock

__all__ = ["START", "FrozenClock", "card_fields", "card_row", "logs"]


@pytest.fixture
def app_config(clock: FrozenClock) -> dict[str, object]:
    """Every spaced-repetition test runs on the frozen clock."""
    return {"CLOCK": clock}


@pytest.fixture
def ctx(app: Flask, student: int) -> Iterator[None]:
    """An app context with the tiny bank synced into the question table."""
    with app.app_context():
        current_bank()
        yield


CARD_FIELDS = [c.name for c in Card.__table__.columns]


def card_fields(card: Card) -> dict[str, Any]:
    """Every column of a card, to compare two states of it exactly."""
    return {name: getattr(card, name) for name in CARD_FIELDS}


def card_row(app: Flask, user_id: int, question_id: str) -> Card | None:
    """A card read back from the database in a fresh app context."""
    with app.app_context():
        card = db.session.execute(
            select(Card).filter_by(user_id=user_id, question_id=question_id)
        ).scalar_one_or_none()
        db.session.expunge_all()
        return card


def logs(app: Flask) -> list[RatingLog]:
    """Every review-log row, in id order."""
    with app.app_context():
        rows = list(db.session.execute(select(RatingLog).order_by(RatingLog.id)).scalars())
        db.session.expunge_all()
        return rows


def flashcard_attempts(app: Flask) -> list[Attempt]:
    """Every flashcard attempt, in id order."""
    with app.app_context():
        query = select(Attempt).filter_by(kind="flashcard").order_by(Attempt.id)
        rows = list(db.session.execute(query).scalars())
        db.session.expunge_all()
        return rows

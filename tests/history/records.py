"""Test data for the history and teacher pages: quizzes and attempts inserted with the models.

Import the fixtures into a conftest: ``from tests.history.records import ...``.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from flask import Flask
from sqlalchemy import event

from quizapp.bank.webapp import current_bank
from quizapp.extensions import db
from quizapp.models import Attempt, Card, Quiz, UserSettings
from quizapp.scheduling import CardState, Rating, new_card, rate

NOW = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def _push_request_context() -> None:
    """Replace pytest-flask's shared request context: each request gets its own session."""


@pytest.fixture
def app_config() -> dict[str, object]:
    """A frozen clock at NOW."""
    return {"CLOCK": lambda: NOW}


@pytest.fixture
def questions(app: Flask) -> list[str]:
    """The tiny bank, loaded and synced into the question table: its ids in bank order."""
    with app.app_context():
        return list(current_bank().questions)


class Records:
    """Insert quizzes and attempts for a user directly, without the quiz pages."""

    def __init__(self, app: Flask) -> None:
        self.app = app

    def quiz(
        self,
        user_id: int,
        question_ids: Sequence[str],
        scores: Sequence[float],
        started: datetime = NOW - timedelta(hours=1),
        *,
        topics: Sequence[str] = ("people",),
        finished: bool = True,
        answers: Sequence[object] | None = None,
        seconds_each: int = 30,
    ) -> int:
        """A quiz over `question_ids` with one attempt per score, `seconds_each` apart."""
        with self.app.app_context():
            quiz = Quiz(
                user_id=user_id,
                mode="topics",
                topics=list(topics),
                question_ids=list(question_ids),
                position=len(scores),
                started_at=started,
                last_activity_at=started + timedelta(seconds=seconds_each * len(scores)),
                finished_at=started + timedelta(seconds=seconds_each * len(scores))
                if finished
                else None,
            )
            db.session.add(quiz)
            db.session.flush()
            for position, score in enumerate(scores):
                answer = answers[position] if answers else f"answer {position}"
                db.session.add(
                    attempt_row(
                        user_id,
                        question_ids[position],
                        score,
                        started + timedelta(seconds=seconds_each * (position + 1)),
                        quiz_id=quiz.id,
                        position=position,
                        raw_answer=answer,
                        time_taken_ms=seconds_each * 1000,
                    )
                )
            db.session.commit()
            return quiz.id

    def attempts(self, user_id: int, rows: Sequence[tuple[str, float, datetime]], **kw) -> None:
        """Loose attempts (no quiz), e.g. flashcard ratings: `(question id, score, when)`."""
        with self.app.app_context():
            db.session.add_all(attempt_row(user_id, q, s, when, **kw) for q, s, when in rows)
            db.session.commit()

    def card(
        self, user_id: int, question_id: str, state: CardState, *, suspended: bool = False
    ) -> None:
        """A card in `state` (its leech flag follows the lapses)."""
        with self.app.app_context():
            card = Card(user_id=user_id, question_id=question_id, suspended=suspended)
            card.set_state(state)
            db.session.add(card)
            db.session.commit()

    def settings(self, user_id: int, **values: object) -> None:
        """Save study settings, e.g. ``timezone="Asia/Tokyo"``."""
        with self.app.app_context():
            row = UserSettings.defaults(user_id)
            for name, value in values.items():
                setattr(row, name, value)
            db.session.add(row)
            db.session.commit()


def learned(when: datetime = NOW, *, lapses: int = 0) -> CardState:
    """A card rated Good once at `when`: in review, recalled at about 100 % right then."""
    return replace(rate(new_card(when), Rating.Good, when).new_state, lapses=lapses)


def attempt_row(
    user_id: int,
    question_id: str,
    score: float,
    when: datetime,
    *,
    quiz_id: int | None = None,
    position: int | None = None,
    kind: str = "quiz",
    raw_answer: object = "an answer",
    normalised: str | None = None,
    confidence: int | None = None,
    time_taken_ms: int = 1500,
) -> Attempt:
    """An Attempt as the quiz would record it (``confidence``: marked 1..3, or not)."""
    text = raw_answer if isinstance(raw_answer, str) else str(raw_answer)
    return Attempt(
        user_id=user_id,
        question_id=question_id,
        question_version="v1",
        quiz_id=quiz_id,
        position=position,
        kind=kind,
        raw_answer=raw_answer,
        normalised=normalised if normalised is not None else text.lower(),
        score=score,
        correct=score >= 1.0,
        time_taken_ms=time_taken_ms,
        created_at=when,
        confidence=confidence,
    )


@pytest.fixture
def records(app: Flask, questions: list[str]) -> Records:
    """The inserter, with the tiny bank synced first."""
    return Records(app)


@contextmanager
def count_queries(app: Flask) -> Iterator[list[str]]:
    """Collect every SQL statement the app's engine runs inside the block."""
    with app.app_context():
        engine = db.engine
    statements: list[str] = []

    def before(_conn, _cursor, statement, *_args) -> None:  # type: ignore[no-untyped-def]
        statements.append(statement)

    event.listen(engine, "before_cursor_execute", before)
    try:
        yield statements
    finally:
        event.remove(engine, "before_cursor_execute", before)

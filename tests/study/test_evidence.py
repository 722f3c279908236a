"""What a quiz answer rates its card (docs/learning.md), end to end through plan_answer.

What is guaranteed, and tested here: a not fully right answer rates Again and is asked again
in the same quiz once its step is due; a first right answer to a guessable type leaves a new
card in its learning step; and any answer on a card already rated earlier the student's local
day leaves it due no later than the start of the student's next local day.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
from flask import Flask
from sqlalchemy import select

from quizapp.bank.webapp import current_bank
from quizapp.extensions import db
from quizapp.models import Card, Quiz, RatingLog
from quizapp.scheduling import Rating, State, day_bounds, ensure_utc
from quizapp.srs.operations import save_settings
from quizapp.study import operations as ops
from tests.support.answers import record_answer

from .conftest import START

RIGHT = {
    "mistral-is-french": True,
    "lample-model": "LLaMA",
    "founders-from-meta": ["Guillaume Lample", "Timothée Lacroix"],
    "mensch-former-lab": "Google DeepMind",
}
PARTLY = ["Guillaume Lample"]


@pytest.fixture
def ctx(app: Flask, student: int) -> Iterator[None]:
    """An app context with the bank loaded."""
    with app.app_context():
        current_bank()
        yield


def card(user_id: int, question_id: str) -> Card:
    db.session.expire_all()
    return db.session.execute(
        select(Card).filter_by(user_id=user_id, question_id=question_id)
    ).scalar_one()


def last_rating(user_id: int, question_id: str) -> Rating:
    row = db.session.execute(
        select(RatingLog.rating)
        .join(Card, Card.id == RatingLog.card_id)
        .where(Card.user_id == user_id, Card.question_id == question_id)
        .order_by(RatingLog.id.desc())
        .limit(1)
    ).scalar_one()
    return Rating(row)


def quiz_of(user_id: int, ids: list[str]) -> Quiz:
    return ops.create_quiz(user_id, "topics", ids, START, topics=["people"], seed=7)


def answer_all(user_id: int, answers: dict[str, object], at) -> Quiz:
    """One quiz answering ``answers`` in order, all at ``at``; committed."""
    bank = current_bank()
    quiz = quiz_of(user_id, list(answers))
    for question_id, raw in answers.items():
        record_answer(quiz, bank.questions[question_id], raw, at)
    db.session.commit()
    return quiz


def test_a_partly_right_answer_rates_again_and_comes_back_in_the_quiz(ctx, student) -> None:
    bank = current_bank()
    ids = ["founders-from-meta", "lample-model", "mistral-is-french", "mensch-former-lab"]
    quiz = quiz_of(student, ids)
    attempt = record_answer(quiz, bank.questions[ids[0]], PARTLY, START)
    assert attempt.score == 0.5 and not attempt.correct  # the quiz score keeps partial credit
    assert last_rating(student, ids[0]) == Rating.Again
    missed = card(student, ids[0])
    assert missed.state == State.Learning and ensure_utc(missed.due) == START + timedelta(
        minutes=10
    )
    for minutes, question_id in zip((4, 8, 11), ids[1:], strict=True):
        record_answer(
            quiz,
            bank.questions[question_id],
            RIGHT[question_id],
            START + timedelta(minutes=minutes),
        )
    assert quiz.question_ids[4] == ids[0]  # asked again in the same quiz


def test_a_guessed_first_answer_does_not_graduate(ctx, student) -> None:
    bank = current_bank()
    quiz = quiz_of(student, ["mensch-former-lab", "lample-model"])
    record_answer(quiz, bank.questions["mensch-former-lab"], "Google DeepMind", START)
    guessed = card(student, "mensch-former-lab")
    assert last_rating(student, "mensch-former-lab") == Rating.Hard
    assert guessed.state == State.Learning  # one more right answer before it graduates
    assert ensure_utc(guessed.due) - START <= timedelta(minutes=15)
    record_answer(quiz, bank.questions["lample-model"], "LLaMA", START)
    typed = card(student, "lample-model")
    assert last_rating(student, "lample-model") == Rating.Good and typed.state == State.Review


def test_a_retry_a_minute_later_leaves_every_card_due_by_the_next_local_day(ctx, student) -> None:
    """A quiz with misses and partly right answers, then "Retry" a minute later."""
    for days_ago in (30, 20, 10):  # three good days make every card a review card
        at = START - timedelta(days=days_ago)
        answer_all(student, RIGHT, at)
        answer_all(student, RIGHT, at + timedelta(minutes=20))  # the guessable ones graduate
    assert all(card(student, q).state == State.Review for q in RIGHT)
    wrong = {
        "mistral-is-french": False,
        "founders-from-meta": PARTLY,
        "mensch-former-lab": "Meta",
        "lample-model": "LLaMA",
    }
    quiz = answer_all(student, wrong, START)
    missed = ops.missed_question_ids(quiz)
    assert missed == ["mistral-is-french", "founders-from-meta", "mensch-former-lab"]
    assert all(card(student, q).state == State.Relearning for q in missed)
    retry_at = START + timedelta(minutes=1)
    retry = ops.retry_missed(quiz, current_bank(), retry_at)
    assert retry is not None
    for question_id in missed:
        record_answer(retry, current_bank().questions[question_id], RIGHT[question_id], retry_at)
    db.session.commit()
    _, next_day = day_bounds(retry_at, "UTC")
    for question_id in missed:
        retried = card(student, question_id)
        assert last_rating(student, question_id) == Rating.Good
        assert ensure_utc(retried.due) <= next_day, question_id  # no long interval
    assert ensure_utc(card(student, "lample-model").due) > next_day  # recalled: days ahead


@pytest.mark.parametrize(("zone", "capped"), [("UTC", True), ("Pacific/Auckland", False)])
def test_the_day_is_the_students_local_day(ctx, student, zone, capped) -> None:
    """22:00 and 00:30 the next day in Auckland are the same UTC day (09:00, 11:30)."""
    save_settings(student, 0.9, 20, 200, zone)
    db.session.commit()
    answer_all(student, {"lample-model": "nope"}, START)
    later = START + timedelta(hours=2, minutes=30)
    answer_all(student, {"lample-model": "LLaMA"}, later)
    _, next_day = day_bounds(later, zone)
    due = ensure_utc(card(student, "lample-model").due)
    assert (due <= next_day) == capped

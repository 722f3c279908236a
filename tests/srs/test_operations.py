"""Rating, undo, leeches and settings through the operations, with database round trips."""

from __future__ import annotations

from datetime import UTC, timedelta

import fsrs
import pytest
from flask import Flask
from sqlalchemy import select, text

from quizapp.bank.webapp import current_bank
from quizapp.extensions import db
from quizapp.models import Attempt, Card, RatingLog
from quizapp.models.statements import Changed
from quizapp.scheduling import LEECH_LAPSES, Rating, State, rate
from quizapp.srs import operations as ops
from quizapp.srs.cards import card_for, settings_for
from quizapp.study import operations as study_ops
from tests.support.answers import record_answer

from .conftest import START, card_fields, card_row, logs

QID = "mensch-former-lab"


def rate_now(app: Flask, user_id: int, rating: Rating, when, question_id: str = QID) -> None:
    """One flashcard rating in its own app context and transaction, as a request would."""
    with app.app_context():
        spec = current_bank().questions[question_id]
        card = card_for(user_id, question_id)
        ops.rate_flashcard(user_id, spec, rating, when, card.reps if card else 0)
        db.session.commit()


def test_good_path_matches_py_fsrs(app, student) -> None:
    """Due dates after a run of Goods equal a direct py-fsrs call with the same inputs."""
    with app.app_context():
        ops.save_settings(student, 0.85, 20, 200, "UTC")
        db.session.commit()
    scheduler = fsrs.Scheduler(
        desired_retention=0.85,
        learning_steps=(timedelta(minutes=10),),
        relearning_steps=(timedelta(minutes=10),),
        enable_fuzzing=False,
    )
    expected = fsrs.Card()
    when = START
    for _ in range(6):
        rate_now(app, student, Rating.Good, when)
        expected, _log = scheduler.review_card(expected, fsrs.Rating.Good, when)
        card = card_row(app, student, QID)
        assert card.due == expected.due and card.due.tzinfo is UTC
        assert (card.stability, card.difficulty) == (expected.stability, expected.difficulty)
        assert card.state == expected.state == State.Review
        when = card.due  # answered right on the day it falls due
    assert card.reps == 6 and card.lapses == 0 and (card.due - START).days > 100


def test_quiz_grades_rate_cards(app, ctx, student) -> None:
    """Wrong -> Again, partly right -> Again too, right -> Good, each logged with its attempt."""
    bank = current_bank()
    ids = ["mistral-is-french", "founders-from-meta", "lample-model"]
    quiz = study_ops.create_quiz(student, "topics", ids, START)
    record_answer(quiz, bank.questions[ids[0]], False, START)
    record_answer(quiz, bank.questions[ids[1]], ["Guillaume Lample"], START)
    record_answer(quiz, bank.questions[ids[2]], "llama", START)
    db.session.commit()
    rows = db.session.execute(
        select(RatingLog.rating, RatingLog.kind, Attempt.question_id, Attempt.kind)
        .join(Attempt, Attempt.id == RatingLog.attempt_id)
        .order_by(RatingLog.id)
    ).all()
    assert [tuple(r) for r in rows] == [
        (Rating.Again, "new", ids[0], "quiz"),
        (Rating.Again, "new", ids[1], "quiz"),
        (Rating.Good, "new", ids[2], "quiz"),
    ]
    missed = card_for(student, ids[0])
    assert missed.state == State.Learning and missed.due == START + timedelta(minutes=10)


def test_undo_restores_the_card_exactly(app, student, clock) -> None:
    rate_now(app, student, Rating.Good, START)
    rate_now(app, student, Rating.Again, START + timedelta(days=3))  # a lapse
    before = card_fields(card_row(app, student, QID))
    attempts_before = {a.id for a in _attempts(app)}
    rate_now(app, student, Rating.Hard, START + timedelta(days=3, minutes=12))
    after = card_fields(card_row(app, student, QID))
    assert after != before and len(logs(app)) == 3
    with app.app_context():
        card, rating = ops.undo_last_rating(student)
        assert rating == Rating.Hard and card.question_id == QID
        db.session.commit()
    assert card_fields(card_row(app, student, QID)) == before  # every column, exactly
    assert {a.id for a in _attempts(app)} == attempts_before and len(logs(app)) == 2


def test_undo_of_a_first_rating_makes_the_card_new_again(app, student) -> None:
    rate_now(app, student, Rating.Easy, START)
    with app.app_context():
        assert ops.undo_last_rating(student) is not None
        db.session.commit()
    card = card_row(app, student, QID)
    assert card.last_review is None and card.reps == 0 and card.due == START
    assert logs(app) == [] and _attempts(app) == []
    with app.app_context():
        assert ops.undo_last_rating(student) is None  # nothing left to undo


def test_quiz_ratings_are_not_undone(app, ctx, student) -> None:
    spec = current_bank().questions["mistral-is-french"]
    quiz = study_ops.create_quiz(student, "topics", [spec.id], START)
    record_answer(quiz, spec, True, START)
    db.session.commit()
    assert ops.last_undoable(student) is None and ops.undo_last_rating(student) is None


def test_leech_at_the_eighth_lapse(app, student) -> None:
    when = START
    rate_now(app, student, Rating.Good, when)  # graduates to Review
    for lapse in range(1, LEECH_LAPSES + 1):
        when = card_row(app, student, QID).due
        rate_now(app, student, Rating.Again, when)  # forgotten: a lapse
        card = card_row(app, student, QID)
        assert card.lapses == lapse and card.leech == (lapse >= LEECH_LAPSES)
        rate_now(app, student, Rating.Good, card.due)  # relearnt, back to Review
    assert card_row(app, student, QID).leech  # stays a leech


def test_a_stale_flashcard_rating_writes_nothing(app, ctx, student) -> None:
    spec = current_bank().questions[QID]
    with pytest.raises(Changed):
        ops.rate_flashcard(student, spec, Rating.Good, START, seen_reps=1)
    db.session.rollback()
    assert db.session.execute(select(Card)).first() is None


@pytest.mark.sqlite_only
def test_a_card_read_back_from_sqlite_schedules(app, student) -> None:
    """SQLite stores naive UTC text; the card comes back aware and py-fsrs accepts it."""
    rate_now(app, student, Rating.Again, START)
    with app.app_context():
        raw = db.session.execute(text("SELECT due, last_review FROM card")).one()
        assert raw[0].startswith("2026-03-02 09:10:00")  # naive text, no offset
        card = card_for(student, QID)
        assert card.due.tzinfo is UTC and card.last_review.tzinfo is UTC
        later = card.due + timedelta(minutes=1)
        outcome = rate(card.to_state(), Rating.Good, later, settings_for(student).scheduler)
        assert outcome.new_state.state == State.Review
    rate_now(app, student, Rating.Good, START + timedelta(minutes=11))  # through the app, too
    assert card_row(app, student, QID).state == State.Review


def test_suspend_keeps_the_schedule(app, student) -> None:
    rate_now(app, student, Rating.Good, START)
    before = card_fields(card_row(app, student, QID))
    with app.app_context():
        card = card_for(student, QID)
        ops.set_suspended(card, True)
        db.session.commit()
        ops.set_suspended(card_for(student, QID), False)
        db.session.commit()
    assert card_fields(card_row(app, student, QID)) == before


def test_settings_default_until_saved(app, student) -> None:
    with app.app_context():
        settings = settings_for(student)
        assert (settings.desired_retention, settings.timezone) == (0.9, "UTC")
        assert (settings.limits.new_per_day, settings.limits.reviews_per_day) == (20, 200)
        ops.save_settings(student, 0.95, 5, 50, "Europe/Paris")
        db.session.commit()
        db.session.expunge_all()
        saved = settings_for(student)
        assert saved.scheduler.desired_retention == 0.95 and saved.timezone == "Europe/Paris"


def _attempts(app: Flask) -> list[Attempt]:
    with app.app_context():
        rows = list(db.session.execute(select(Attempt).order_by(Attempt.id)).scalars())
        db.session.expunge_all()
        return rows

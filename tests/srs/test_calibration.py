"""Each rating of a card last rated on an earlier day keeps FSRS's prediction: the student's
calibration is fitted on those (docs/learning.md, "Calibration")."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from quizapp.bank.webapp import current_bank
from quizapp.extensions import db
from quizapp.models import RatingLog
from quizapp.scheduling import IDENTITY, Rating
from quizapp.srs import operations as ops
from quizapp.srs.calibration import calibration_for, stability_before
from quizapp.srs.cards import card_for

from .conftest import START


def rate(user_id: int, question_id: str, rating: Rating, days: float) -> None:
    """A flashcard rating ``days`` after START, committed."""
    spec = current_bank().questions[question_id]
    card = card_for(user_id, question_id)
    when = START + timedelta(days=days)
    ops.rate_flashcard(user_id, spec, rating, when, card.reps if card else 0)
    db.session.commit()


def logged() -> list[tuple[float | None, float | None]]:
    rows = db.session.execute(
        select(RatingLog.predicted_recall, RatingLog.guess_chance).order_by(RatingLog.id)
    )
    return [tuple(row) for row in rows]


def test_only_reviews_on_a_later_day_are_tests(ctx, student) -> None:
    question_id = next(iter(current_bank().questions))
    rate(student, question_id, Rating.Good, 0)  # new: nothing predicted
    rate(student, question_id, Rating.Good, 0.01)  # the same day: not a test either
    rate(student, question_id, Rating.Again, 5)  # a later day: FSRS's recall then
    first, same_day, later = logged()
    assert first == (None, None) and same_day == (None, None)
    predicted, guess = later
    assert 0.0 < predicted < 1.0 and guess == 0.0  # a flashcard is never a guess


def test_a_student_without_reviews_sees_fsrs_as_it_is(ctx, student) -> None:
    assert calibration_for(student) == IDENTITY


def test_lapses_lower_the_students_curve(ctx, student) -> None:
    for question_id in list(current_bank().questions)[:8]:
        rate(student, question_id, Rating.Good, 0)
        rate(student, question_id, Rating.Again, 3)  # due about now: FSRS said 0.9
    fitted = calibration_for(student)
    assert fitted.reviews == 8
    assert fitted.recall(0.9) < 0.8


def test_each_review_carries_its_topic_and_the_missed_topic_is_shown_lower(ctx, student) -> None:
    bank = current_bank()
    by_topic: dict[str, list[str]] = {}
    for spec in bank.questions.values():
        by_topic.setdefault(spec.topic, []).append(spec.id)
    (missed, *_), (kept, *_) = sorted(by_topic.items(), key=lambda item: -len(item[1]))[:2]
    for question_id in by_topic[missed][:4] + by_topic[kept][:4]:
        rate(student, question_id, Rating.Good, 0)
        rating = Rating.Again if question_id in by_topic[missed] else Rating.Good
        rate(student, question_id, rating, 3)
    fitted = calibration_for(student)
    assert {topic for topic, _ in fitted.topics} == {missed, kept}
    assert fitted.for_topic(missed).recall(0.9) < fitted.for_topic(kept).recall(0.9)


def test_each_review_carries_the_cards_stability_before_it(ctx, student) -> None:
    # Cards given little stability passed, cards given much missed: the long-term curve
    # (mastery's) finds recall falling with stability faster than FSRS says.
    questions = list(current_bank().questions)
    half = len(questions) // 2
    for question_id in questions[:half]:
        rate(student, question_id, Rating.Again, 0)  # a lapse first: little stability
        rate(student, question_id, Rating.Good, 1)
        rate(student, question_id, Rating.Good, 2)
    for question_id in questions[half : 2 * half]:
        rate(student, question_id, Rating.Easy, 0)  # much stability
        rate(student, question_id, Rating.Again, 30)
    logged_ = db.session.execute(
        select(RatingLog.previous, RatingLog.rating).where(RatingLog.kind == "review")
    ).all()
    low = [stability_before(p) for p, r in logged_ if r == Rating.Good]
    high = [stability_before(p) for p, r in logged_ if r == Rating.Again]
    assert half >= 4 and max(low) < min(high)
    fitted = calibration_for(student)
    assert fitted.long_term[2] < 0


def test_a_log_without_the_cards_stability_has_none() -> None:
    assert stability_before({"stability": None}) is None
    assert stability_before(None) is None
    assert stability_before({"stability": 12.5}) == 12.5

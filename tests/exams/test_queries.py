"""A student's exam plans (cards, minutes a day from their own answer times) and class recall."""

from __future__ import annotations

from datetime import date, timedelta

from flask import Flask

from quizapp.bank.webapp import current_bank
from quizapp.exams.queries import class_recall, seconds_per_answer, student_plans
from quizapp.extensions import db
from quizapp.models import Attempt, Classroom, ExamDate
from quizapp.scheduling import DEFAULT_SECONDS_PER_ANSWER

from .conftest import START

EXAM_DAY = date(2026, 3, 11)  # 9 days after START


def add_exam(
    classroom: int, topics: list[str], day: date = EXAM_DAY, name: str = "Midterm"
) -> None:
    db.session.add(ExamDate(classroom_id=classroom, name=name, topics=topics, exam_on=day))
    db.session.commit()


def timed(user_id: int, *milliseconds: int | None) -> None:
    for ms in milliseconds:
        db.session.add(Attempt(user_id=user_id, question_id="mensch-former-lab",
                               question_version="v", kind="quiz", raw_answer="x", score=1.0,
                               correct=True, time_taken_ms=ms, created_at=START))  # fmt: skip
    db.session.commit()


def test_time_per_answer_is_the_students_median_or_the_default(
    app: Flask, student: int, classroom: int
) -> None:
    with app.app_context():
        assert seconds_per_answer(student) == DEFAULT_SECONDS_PER_ANSWER
        timed(student, None, 0, 11 * 60 * 1000)  # untimed, nonsense, the page left open
        assert seconds_per_answer(student) == DEFAULT_SECONDS_PER_ANSWER
        timed(student, 9000, 12000, 30000)
        assert seconds_per_answer(student) == 12.0


def test_the_plan_counts_the_exams_cards_and_minutes(
    app: Flask, student: int, classroom: int, card
) -> None:
    card(student, "microsoft-investment", due=START + timedelta(days=40))  # 1 answer
    card(student, "founders-count", due=START + timedelta(days=1))  # 2: now and final days
    card(student, "deal-announced", due=START + timedelta(days=1), suspended=True)  # left out
    with app.app_context():
        add_exam(classroom, ["timeline"], name="Midterm")
        add_exam(classroom, ["people"], date(2026, 3, 2), "Today's")  # begun: not shown
        plans = student_plans(student, current_bank(), START)
        assert len(plans) == 1
        plan = plans[0]
        assert (plan.name, plan.class_name, plan.topics, plan.days) == (
            "Midterm", "3B", ["Money and dates"], 9)  # fmt: skip
        assert (plan.work.cards, plan.work.answers) == (5, 1 + 2 + 3 * 2)
        assert plan.sentence == "Exam in 9 days: 5 cards, about 1 minute a day"
        timed(student, *[300_000] * 5)  # five minutes an answer: 9 × 300 s / 9 days
        plan = student_plans(student, current_bank(), START)[0]
        assert plan.sentence == "Exam in 9 days: 5 cards, about 5 minutes a day"
        tomorrow = student_plans(student, current_bank(), START + timedelta(days=8))[0]
        assert tomorrow.sentence.startswith("Exam tomorrow: 5 cards")


def test_no_plans_without_classes(app: Flask, make_user) -> None:
    with app.app_context():
        assert student_plans(make_user("loner"), current_bank(), START) == []


def test_class_recall_counts_unseen_as_zero(
    app: Flask, student: int, classroom: int, card, make_user
) -> None:
    from quizapp.models import Membership

    other = make_user("other")
    card(student, "microsoft-investment", due=START, stability=1000.0)  # about 100% on the day
    with app.app_context():
        db.session.add(Membership(classroom_id=classroom, user_id=other))
        add_exam(classroom, ["timeline", "people"])
        room = db.session.get(Classroom, classroom)
        rows = class_recall(room, room.exams[0], current_bank())
    timeline, people = rows
    assert (timeline.questions, timeline.pairs, timeline.studied) == (6, 12, 1)
    assert 0.08 < timeline.recall < 1 / 12  # one card of 12 question-student pairs
    assert (people.recall, people.studied) == (0.0, 0)

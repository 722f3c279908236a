"""Adding an exam brings cards forward; a student joining later catches up; removing moves none."""

from __future__ import annotations

from datetime import date, timedelta

from flask import Flask
from sqlalchemy import select

from quizapp.exams.operations import add_exam, catch_up_student, remove_exam
from quizapp.extensions import db
from quizapp.models import Card, Classroom, ExamDate, Membership
from quizapp.scheduling import FINAL_DAYS, local_today

from .conftest import START

EXAM_DAY = date(2026, 3, 11)


def dues(app: Flask) -> dict[int, object]:
    with app.app_context():
        return {c.id: c.due for c in db.session.execute(select(Card)).scalars()}


def test_cards_spread_over_the_final_days(app: Flask, student: int, classroom: int, card) -> None:
    ids = ["mensch-former-lab", "founders-from-meta", "mistral-is-french", "lample-model",
           "founders-employers"]  # fmt: skip
    made = [card(student, q, due=START + timedelta(days=30 + i)) for i, q in enumerate(ids)]
    reviewed_late = card(student, "microsoft-investment", due=START + timedelta(days=30),
                         last_review=START + timedelta(days=5))  # fmt: skip
    with app.app_context():
        room = db.session.get(Classroom, classroom)
        add_exam(room, "Midterm", ["people", "timeline"], EXAM_DAY, START)
        db.session.commit()
    after = dues(app)
    days = sorted(local_today(after[i], "Europe/Paris") for i in made)
    assert days == [EXAM_DAY - timedelta(days=k) for k in range(FINAL_DAYS, 0, -1)]
    assert after[reviewed_late] == START + timedelta(days=30)  # in the final days already


def test_a_student_who_joins_later_catches_up(
    app: Flask, student: int, classroom: int, card, make_user, teacher: int
) -> None:
    late = make_user("late")
    moved = card(late, "lample-model", due=START + timedelta(days=60))
    with app.app_context():
        room = db.session.get(Classroom, classroom)
        add_exam(room, "Midterm", ["people"], EXAM_DAY, START)
        db.session.add(Membership(classroom_id=classroom, user_id=late))
        db.session.commit()
        assert catch_up_student(late, START) == 1
        assert catch_up_student(late, START) == 0  # nothing left to move
        db.session.commit()
    assert local_today(dues(app)[moved], "Europe/Paris") == EXAM_DAY - timedelta(days=1)


def test_removing_an_exam_moves_no_card(app: Flask, student: int, classroom: int, card) -> None:
    moved = card(student, "lample-model", due=START + timedelta(days=60))
    with app.app_context():
        room = db.session.get(Classroom, classroom)
        add_exam(room, "Midterm", ["people"], EXAM_DAY, START)
        db.session.commit()
        before = dues(app)
        remove_exam(db.session.execute(select(ExamDate)).scalar_one())
        db.session.commit()
    assert dues(app) == before and before[moved] < START + timedelta(days=60)


def test_joining_with_the_code_catches_up_at_once(
    app: Flask, student: int, classroom: int, card, make_user
) -> None:
    """The class join operation itself brings a newcomer's exam cards forward."""
    from quizapp.classes.codes import new_code
    from quizapp.classes.operations import join
    from quizapp.models import User

    late = make_user("late")
    moved = card(late, "lample-model", due=START + timedelta(days=60))
    with app.app_context():
        room = db.session.get(Classroom, classroom)
        add_exam(room, "Midterm", ["people"], EXAM_DAY, START)
        room.join_code = new_code()
        db.session.commit()
        joined = join(db.session.get(User, late), room.join_code, START)
        assert not joined.already
        db.session.commit()
    assert local_today(dues(app)[moved], "Europe/Paris") == EXAM_DAY - timedelta(days=1)

"""Exam-date mode on the database: ratings capped for the student's exams, exam cards first."""

from __future__ import annotations

from datetime import date, timedelta

from flask import Flask

from quizapp.bank.webapp import current_bank
from quizapp.extensions import db
from quizapp.models import Classroom, ExamDate, Membership
from quizapp.scheduling import Rating, local_today
from quizapp.srs.exams import due_load, upcoming_exams
from quizapp.srs.operations import rate_flashcard
from quizapp.srs.queue import counts, draw_queue, next_question

from .conftest import START

EXAM_DAY = date(2026, 3, 11)  # 9 days after START (Monday 2 March)


def exam_for(student: int, teacher: int, topics: list[str], day: date = EXAM_DAY) -> None:
    """A class of ``teacher`` with ``student`` in it and an exam on ``topics``."""
    room = Classroom(name="3B", time_zone="Europe/Paris", join_code=f"J{day:%m%d}{len(topics)}")
    room.teacher_id = teacher
    db.session.add(room)
    db.session.flush()
    db.session.add(Membership(classroom_id=room.id, user_id=student))
    db.session.add(ExamDate(classroom_id=room.id, name="Midterm", topics=topics, exam_on=day))
    db.session.commit()


def test_the_students_exams_ahead(app: Flask, ctx, student: int, teacher: int) -> None:
    exam_for(student, teacher, ["people"])
    exam_for(student, teacher, ["timeline"], date(2026, 3, 2))  # today in Paris: begun
    exams = upcoming_exams(student, START)
    assert [(e.day, e.zone, e.topics) for e in exams] == [
        (EXAM_DAY, "Europe/Paris", frozenset({"people"}))
    ]
    assert upcoming_exams(teacher, START) == []


def test_a_rating_is_capped_before_the_exam(app: Flask, ctx, student: int, teacher: int) -> None:
    """Easy twice, on 2 and 4 March: FSRS's next due is weeks away; the exam's cap puts the
    card on the latest least loaded final day (the 10th has the other card, due then), and
    another topic's card keeps FSRS's due."""
    exam_for(student, teacher, ["people"])
    bank = current_bank()
    spec, other = bank.questions["mensch-former-lab"], bank.questions["microsoft-investment"]
    for reps, at in enumerate([START, START + timedelta(days=2)]):
        planned = rate_flashcard(student, spec, Rating.Easy, at, reps)
        free = rate_flashcard(student, other, Rating.Easy, at, reps)
        db.session.commit()
    exam = upcoming_exams(student, START)[0]
    assert free.outcome.new_state.due > exam.starts  # another topic: FSRS's own due
    due = planned.outcome.new_state.due
    assert local_today(due, "Europe/Paris") == EXAM_DAY - timedelta(days=2)
    assert due_load(student, exam) == {EXAM_DAY - timedelta(days=2): 1}
    rated_in_final_days = rate_flashcard(student, spec, Rating.Easy, due, 2)
    assert rated_in_final_days.outcome.new_state.due > exam.starts  # its final review is done


def test_exam_questions_come_first_with_a_raised_limit(
    app: Flask, ctx, student: int, teacher: int
) -> None:
    """Timeline's 6 new questions, 4 days to introduce them (final days begin 6 March): 2 a
    day, and first, even with the student's new-card limit at 1."""
    from quizapp.srs.operations import save_settings

    save_settings(student, 0.9, 1, 200, "Europe/Paris")
    bank = current_bank()
    assert next_question(student, bank, START) == "mensch-former-lab"  # bank order
    exam_for(student, teacher, ["timeline"])
    assert next_question(student, bank, START) == "microsoft-investment"
    assert counts(student, bank, START)["new"] == 2
    drawn = draw_queue(student, bank, START, None)
    assert drawn == ["microsoft-investment", "founders-count"]
    assert all(bank.questions[q].topic == "timeline" for q in drawn)
    later = START + timedelta(days=5)  # 7 March: in the final days, 4 days left: all 6 by then
    assert counts(student, bank, later)["new"] == 2

"""The start page: the student's exams ahead with cards and minutes a day."""

from __future__ import annotations

from datetime import date

from quizapp.extensions import db
from quizapp.models import Classroom, ExamDate, Membership
from tests.security.activity import log_in_as


def test_the_home_page_shows_the_exam_plan(app, client, clock, student, teacher) -> None:
    app.config["CLOCK"] = clock
    with app.app_context():
        room = Classroom(name="3B", time_zone="Europe/Paris", join_code="JOIN3B")
        room.teacher_id = teacher
        db.session.add(room)
        db.session.flush()
        db.session.add(Membership(classroom_id=room.id, user_id=student))
        db.session.add(ExamDate(classroom_id=room.id, name="Midterm", topics=["timeline"],
                                exam_on=date(2026, 3, 11)))  # fmt: skip
        db.session.commit()
    log_in_as(client, student)
    page = client.get("/").get_data(as_text=True)
    assert "Exam in 9 days: 6 cards, about 1 minute a day" in page
    assert "Midterm · 3B · Money and dates" in page
    log_in_as(client, teacher)
    assert "Exams ahead" not in client.get("/").get_data(as_text=True)
    log_in_as(client, None)
    assert "Exams ahead" not in client.get("/").get_data(as_text=True)

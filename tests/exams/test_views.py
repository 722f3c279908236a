"""The class's exam dates pages: add, refuse bad input, remove, recall per topic, the panel."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from flask import Flask, render_template
from sqlalchemy import select

from quizapp.extensions import db
from quizapp.models import Card, Classroom, ExamDate
from quizapp.scheduling import local_today
from tests.security.activity import log_in_as

from .conftest import START

EXAM_DAY = date(2026, 3, 11)  # START is Monday 2 March: 9 days ahead


def exams(app: Flask) -> list[tuple[str, list[str], date]]:
    with app.app_context():
        rows = db.session.execute(select(ExamDate).order_by(ExamDate.id)).scalars()
        return [(row.name, row.topics, row.exam_on) for row in rows]


def post(client, classroom: int, **form: object):
    data = {"name": "Midterm", "exam_on": EXAM_DAY.isoformat(), "topics": ["people"]} | form
    return client.post(f"/teacher/classes/{classroom}/exams", data=data)


def test_a_teacher_adds_an_exam_and_sees_it(app, client, teacher, classroom) -> None:
    log_in_as(client, teacher)
    page = client.get(f"/teacher/classes/{classroom}/exams").get_data(as_text=True)
    assert "Exam dates of 3B" in page and "Founders and people" in page
    resp = post(client, classroom, topics=["people", "timeline"])
    assert resp.status_code == 302
    assert exams(app) == [("Midterm", ["people", "timeline"], EXAM_DAY)]
    page = client.get(resp.headers["Location"]).get_data(as_text=True)
    assert "Exam “Midterm” set for 11 March 2026." in page
    assert "Founders and people, Money and dates" in page


def test_adding_an_exam_brings_the_students_cards_forward(
    app, client, teacher, student, classroom, card
) -> None:
    far = card(student, "mensch-former-lab", due=START + timedelta(days=40))
    other_topic = card(student, "microsoft-investment", due=START + timedelta(days=40))
    soon = card(student, "mistral-is-french", due=START + timedelta(days=2))
    log_in_as(client, teacher)
    assert post(client, classroom).status_code == 302
    with app.app_context():
        due = {c.id: c.due for c in db.session.execute(select(Card)).scalars()}
    assert local_today(due[far], "Europe/Paris") == EXAM_DAY - timedelta(days=1)
    assert due[other_topic] == START + timedelta(days=40)
    assert due[soon] == START + timedelta(days=2)


@pytest.mark.parametrize(
    ("form", "message"),
    [
        ({"exam_on": "2026-03-01"}, "The exam day must be after today (02 March 2026"),
        ({"exam_on": "2026-03-02"}, "The exam day must be after today"),
        ({"exam_on": "2031-01-01"}, "Set an exam at most two years ahead."),
        ({"exam_on": "11/03/2026"}, "Not a valid date value."),
        ({"exam_on": ""}, "Enter the exam day"),
        ({"topics": ["no-such-topic"]}, "Unknown topic &#39;no-such-topic&#39;"),
        ({"topics": []}, "Choose at least one topic."),
        ({"name": ""}, "Give the exam a name."),
        ({"name": "   "}, "Give the exam a name."),
        ({"name": "x" * 81}, "Use at most 80 characters."),
    ],
)
def test_bad_input_is_refused_with_a_message(
    app, client, teacher, classroom, form, message
) -> None:
    log_in_as(client, teacher)
    resp = post(client, classroom, **form)
    assert resp.status_code == 400
    page = resp.get_data(as_text=True)
    assert message in page
    assert exams(app) == []
    if form.get("name") == "":  # the rest of the input is kept
        assert 'value="2026-03-11"' in page


def test_one_exam_per_topic_set(app, client, teacher, classroom) -> None:
    log_in_as(client, teacher)
    assert post(client, classroom, topics=["people", "timeline"]).status_code == 302
    resp = post(client, classroom, name="Again", exam_on="2026-04-01",
                topics=["timeline", "people"])  # fmt: skip
    assert resp.status_code == 400
    assert "This class already has an exam on these topics (Midterm" in resp.get_data(True)
    assert post(client, classroom, name="Part", exam_on="2026-04-01").status_code == 302
    assert len(exams(app)) == 2


def test_a_teacher_removes_an_exam(app, client, teacher, classroom) -> None:
    log_in_as(client, teacher)
    post(client, classroom)
    with app.app_context():
        exam_id = db.session.execute(select(ExamDate.id)).scalar_one()
    resp = client.post(f"/teacher/classes/{classroom}/exams/{exam_id}/remove")
    assert resp.status_code == 302
    assert exams(app) == []
    assert "Exam “Midterm” removed." in client.get(resp.headers["Location"]).get_data(True)


def test_the_recall_page_says_what_it_means(
    app, client, teacher, student, classroom, card, make_user
) -> None:
    card(student, "mensch-former-lab", due=START + timedelta(days=3), stability=30.0)
    log_in_as(client, teacher)
    post(client, classroom, topics=["people", "timeline"])
    with app.app_context():
        exam_id = db.session.execute(select(ExamDate.id)).scalar_one()
    page = client.get(f"/teacher/classes/{classroom}/exams/{exam_id}").get_data(as_text=True)
    assert "if nobody studied them\n      again before then" in page
    assert "never studied counting as 0" in page
    body = page[page.index("<tbody>") : page.index("</tbody>")]
    assert "1 of 5" in body and "0 of 6" in body  # 5 people questions served, 6 timeline
    # one card (stability 30 days, 19 days since its review on exam day: about 95%) of 5
    assert "<td>19%</td>" in body and "<td>0%</td>" in body


def test_the_class_panel_lists_the_exams(app, teacher, classroom) -> None:
    with app.app_context():
        db.session.add(ExamDate(classroom_id=classroom, name="Final", topics=["people"],
                                exam_on=EXAM_DAY))  # fmt: skip
        db.session.commit()
        with app.test_request_context():
            room = db.session.get(Classroom, classroom)
            html = render_template("exams/_class_panel.html", classroom=room)
    assert "Final</a>\n          on 11 March 2026" in html
    assert f"/teacher/classes/{classroom}/exams" in html


def test_names_are_shown_as_text(app, client, teacher, student, classroom) -> None:
    """An exam and a class named with HTML: every page shows the names escaped."""
    from tests.security.html_audit import script_problems

    payload = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    with app.app_context():
        db.session.get(Classroom, classroom).name = payload
        db.session.commit()
    log_in_as(client, teacher)
    resp = post(client, classroom, name=payload[:80])
    page = client.get(resp.headers["Location"]).get_data(as_text=True)
    with app.app_context():
        exam_id = db.session.execute(select(ExamDate.id)).scalar_one()
    shown = client.get(f"/teacher/classes/{classroom}/exams/{exam_id}").get_data(as_text=True)
    log_in_as(client, student)
    home = client.get("/").get_data(as_text=True)
    for html in (page, shown, home):
        assert script_problems(html) == []
        assert "&lt;script&gt;alert(" in html

"""A try at an assignment runs by its rules: a test shows nothing before its due date."""

from __future__ import annotations

import re
from datetime import timedelta

from quizapp.extensions import db
from quizapp.models import Card, Quiz

from ..assignments.conftest import (
    START,
    answer_all,
    log_in_as,
    make_assignment,
    school,
    start_try,
)
from .conftest import RIGHT, WRONG

__all__ = ["school"]

DUE = START + timedelta(days=1)


def test_practice_shows_feedback_and_rates_cards(app, client, school) -> None:
    assignment_id = make_assignment(app, school.class_a, reveal="each")
    log_in_as(client, school.ann)
    driver = start_try(client, assignment_id)
    resp = driver.answer(right=False)
    page = client.get(resp.location).get_data(as_text=True)
    assert "The right answer" in page and "Google DeepMind" in page
    with app.app_context():
        assert db.session.execute(db.select(Card).filter_by(user_id=school.ann)).first()


def test_a_test_hides_verdicts_scores_and_answers_until_due(app, client, school, clock) -> None:
    assignment_id = make_assignment(app, school.class_a, reveal="after_due")
    log_in_as(client, school.ann)
    driver = start_try(client, assignment_id)
    assert "Save answer" in driver.page()
    feedback = client.get(driver.answer(right=False).location, follow_redirects=True)
    text = feedback.get_data(as_text=True)
    assert "Answer saved" in text and "Google DeepMind" not in text and "Wrong" not in text
    answer_all(driver, right={q: False for q in WRONG})
    results = client.get(f"{driver.url}/results").get_data(as_text=True)
    assert "Handed in" in results and "Google DeepMind" not in results and "%" not in results
    assert client.get(f"{driver.url}/answers/0", follow_redirects=True).request.path != (
        f"{driver.url}/answers/0"
    )
    history = client.get(f"/history/quiz/{driver.id}").get_data(as_text=True)
    assert "shown after the due date" in history and "OpenAI" not in history
    overview = client.get("/history/").get_data(as_text=True)
    link = f'/history/quiz/{driver.id}"'
    row = re.search(rf"<tr>(?:(?!</tr>).)*{link}(?:(?!</tr>).)*</tr>", overview, re.S)
    assert row and "%" not in row[0]  # the try's score is not shown
    assert "<circle" not in overview and "No data yet." in overview  # no score on the chart
    with client.get("/history/export.csv") as resp:
        assert len(resp.get_data(as_text=True).splitlines()) == 1  # the header only
    missed = client.post("/study", data={"mode": "missed", "topics": ["people"], "length": "all"})
    assert missed.status_code == 200 and "no questions to ask" in missed.get_data(as_text=True)
    retry = client.post(f"{driver.url}/retry", data={})
    assert retry.status_code == 302 and retry.location.endswith("/results")
    with app.app_context():
        assert db.session.execute(db.select(Card).filter_by(user_id=school.ann)).first() is None
        assert db.session.execute(db.select(Quiz).filter_by(mode="retry")).first() is None

    clock.now = DUE  # the due time: everything shows
    results = client.get(f"{driver.url}/results").get_data(as_text=True)
    assert "Your score" in results and "Google DeepMind" in results and "0%" in results
    history = client.get(f"/history/quiz/{driver.id}").get_data(as_text=True)
    assert "OpenAI" in history


def test_the_assignment_decides_confidence_marking(app, client, school) -> None:
    """The student never switched it on; the assignment asks "How sure are you?" anyway."""
    assignment_id = make_assignment(app, school.class_a, confidence_marking=True)
    log_in_as(client, school.ann)
    driver = start_try(client, assignment_id)
    assert "How sure are you?" in driver.page()
    position, question_id = driver.current()
    again = driver.post(position, question_id, RIGHT[question_id])
    assert again.status_code == 422 or "How sure are you?" in again.get_data(as_text=True)
    recorded = driver.post(position, question_id, dict(RIGHT[question_id], confidence="3"))
    assert recorded.status_code == 302
    with app.app_context():
        quiz = db.session.get(Quiz, driver.id)
        assert [a.confidence for a in quiz.attempts] == [3]


def test_own_study_keeps_the_students_setting(app, client, school) -> None:
    make_assignment(app, school.class_a, confidence_marking=True)
    log_in_as(client, school.ann)
    resp = client.post("/study", data={"mode": "topics", "topics": ["people"], "length": "5"})
    assert "How sure are you?" not in client.get(resp.location).get_data(as_text=True)

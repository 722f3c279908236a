"""The student's side: "Assigned to you", starting a try, and the bad inputs."""

from __future__ import annotations

from datetime import timedelta

from quizapp.extensions import db
from quizapp.models import Quiz

from .conftest import START, answer_all, log_in_as, make_assignment, start_try

DUE = START + timedelta(days=1)


def test_home_shows_the_work_with_due_time_and_status(app, client, school, clock) -> None:
    assignment_id = make_assignment(app, school.class_a, title="Founders homework")
    log_in_as(client, school.ann)
    home = client.get("/").get_data(as_text=True)
    assert "Assigned to you" in home and "Founders homework" in home
    assert "Tue 3 Mar 2026, 10:00 (Europe/Paris)" in home  # 09:00 UTC next day, Paris clock
    assert "not started" in home
    driver = start_try(client, assignment_id)
    driver.answer()
    assert "in progress" in client.get("/").get_data(as_text=True)
    answer_all(driver)
    assert ">done<" in client.get("/").get_data(as_text=True)


def test_work_handed_in_after_the_due_time_is_marked_late(app, client, school, clock) -> None:
    assignment_id = make_assignment(app, school.class_a)
    log_in_as(client, school.ann)
    clock.advance(days=2)
    page = client.get(f"/assignments/{assignment_id}").get_data(as_text=True)
    assert "not started (overdue)" in page and "marked late" in page
    answer_all(start_try(client, assignment_id))
    page = client.get(f"/assignments/{assignment_id}").get_data(as_text=True)
    assert ">late<" in page


def test_opening_before_the_open_time_says_when(app, client, school) -> None:
    assignment_id = make_assignment(app, school.class_a, opens_at=START + timedelta(hours=2))
    log_in_as(client, school.ann)
    page = client.get(f"/assignments/{assignment_id}").get_data(as_text=True)
    assert "This assignment opens Mon 2 Mar 2026, 12:00 (Europe/Paris)" in page
    resp = client.post(f"/assignments/{assignment_id}/start", follow_redirects=True)
    assert "not open yet" in resp.get_data(as_text=True)
    with app.app_context():
        assert db.session.execute(db.select(Quiz)).first() is None


def test_used_up_attempts_are_refused(app, client, school) -> None:
    assignment_id = make_assignment(app, school.class_a, attempts_allowed=1)
    log_in_as(client, school.ann)
    answer_all(start_try(client, assignment_id))
    page = client.get(f"/assignments/{assignment_id}").get_data(as_text=True)
    assert "You have used every attempt" in page
    resp = client.post(f"/assignments/{assignment_id}/start", follow_redirects=True)
    assert "used all 1 attempt" in resp.get_data(as_text=True)


def test_a_second_try_when_allowed(app, client, school) -> None:
    assignment_id = make_assignment(app, school.class_a, attempts_allowed=2)
    log_in_as(client, school.ann)
    first = start_try(client, assignment_id)
    assert start_try(client, assignment_id).id == first.id  # resumed, not a second try
    answer_all(first)
    assert start_try(client, assignment_id).id != first.id


def test_another_classes_assignment_is_not_found(app, client, school) -> None:
    assignment_id = make_assignment(app, school.class_a)
    log_in_as(client, school.cat)
    assert client.get(f"/assignments/{assignment_id}").status_code == 404
    assert client.post(f"/assignments/{assignment_id}/start").status_code == 404
    assert "Assigned to you" not in client.get("/").get_data(as_text=True)


def test_a_try_asks_exactly_the_assignments_questions(app, client, school) -> None:
    """No re-asks: a missed question is not put back into the try (the grid has one column)."""
    assignment_id = make_assignment(app, school.class_a)
    log_in_as(client, school.ann)
    driver = start_try(client, assignment_id)
    answer_all(driver, right={"mensch-former-lab": False})
    with app.app_context():
        quiz = db.session.get(Quiz, driver.id)
        assert quiz.finished and len(quiz.attempts) == 3


def test_a_try_is_handed_in_not_discarded(app, client, school) -> None:
    """The Study page's Discard is for practice quizzes: an assignment's answers count."""
    assignment_id = make_assignment(app, school.class_a)
    log_in_as(client, school.ann)
    driver = start_try(client, assignment_id)
    driver.answer()
    page = client.get("/study").get_data(as_text=True)
    assert f'href="/quiz/{driver.id}"' in page and f"/quiz/{driver.id}/discard" not in page
    resp = client.post(f"/quiz/{driver.id}/discard")
    assert resp.status_code == 302 and resp.location == f"/quiz/{driver.id}"
    with app.app_context():
        assert db.session.get(Quiz, driver.id).finished_at is None  # still in progress
    assert "in progress" in client.get("/").get_data(as_text=True)

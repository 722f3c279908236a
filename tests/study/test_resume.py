"""State lives in the database: a quiz survives logout, another browser and a restart."""

from __future__ import annotations

from pathlib import Path

from flask import Flask

from quizapp import create_app
from quizapp.extensions import db
from tests.conftest import PASSWORD, AuthActions, make_config

from .conftest import attempts, quiz_row, start


def test_resume_after_logout_and_login(app, client, auth, student) -> None:
    auth.login()
    driver = start(client)
    driver.answer()
    driver.answer(right=False)
    expected = driver.current()
    auth.logout()
    assert client.get(driver.url).status_code == 302  # to the login page
    auth.login()
    study = client.get("/study").get_data(as_text=True)
    assert "Unfinished quiz" in study and f'href="/quiz/{driver.id}">Resume' in study
    assert "2 of 11 answered" in study
    assert driver.current() == expected


def test_resume_in_another_browser(app, client, auth, student) -> None:
    auth.login()
    driver = start(client)
    driver.answer()
    other = app.test_client()
    AuthActions(other).login()
    page = other.get(driver.url).get_data(as_text=True)
    assert f'name="question_id" type="hidden" value="{driver.current()[1]}"' in page


def test_resume_after_a_restart(app: Flask, client, auth, student, tmp_path: Path) -> None:
    auth.login()
    driver = start(client)
    driver.answer()
    expected = driver.current()
    same_database = {
        key: app.config[key] for key in ("SQLALCHEMY_DATABASE_URI", "CLOCK", "QUESTIONS_DIR")
    }
    restarted = create_app(
        make_config(tmp_path / "unused.sqlite", **same_database),
        instance_path=str(tmp_path / "instance2"),
    )
    try:
        browser = restarted.test_client()
        browser.post("/auth/login", data={"username": "student1", "password": PASSWORD})
        page = browser.get(driver.url).get_data(as_text=True)
        assert f'name="question_id" type="hidden" value="{expected[1]}"' in page
        assert f'name="position" type="hidden" value="{expected[0]}"' in page
    finally:
        with restarted.app_context():
            db.engine.dispose()


def test_reload_keeps_the_first_shown_time(app, client, auth, student, clock) -> None:
    auth.login()
    driver = start(client)
    driver.page()
    shown = quiz_row(app, driver.id).current_shown_at
    assert shown == clock.now
    clock.advance(seconds=20)
    driver.page()  # a reload: still measured from the first showing
    clock.advance(seconds=5)
    driver.answer()
    assert attempts(app)[0].time_taken_ms == 25_000
    assert quiz_row(app, driver.id).current_shown_at is None


def test_time_taken_is_capped(app, client, auth, student, clock) -> None:
    auth.login()
    driver = start(client)
    driver.page()
    clock.advance(hours=16)
    driver.answer()
    assert attempts(app)[0].time_taken_ms == 30 * 60 * 1000


def test_finished_quizzes_leave_the_resume_box(client, auth, student) -> None:
    auth.login()
    driver = start(client, ["people"], "5")
    for _ in range(5):
        driver.answer()
    assert "Resume" not in client.get("/study").get_data(as_text=True)


def test_ending_early_scores_over_the_whole_quiz(app, client, auth, student) -> None:
    auth.login()
    driver = start(client)
    driver.answer()
    driver.answer(right=False)
    resp = client.post(f"{driver.url}/end")
    assert resp.location == f"{driver.url}/results"
    page = client.get(resp.location).get_data(as_text=True)
    # Unanswered questions score 0: 1 point of 11 questions, not 1 of the 2 answered.
    text = " ".join(page.split())
    assert "Final score: <strong>1 of 11</strong> · <strong>9%</strong> · 9 not answered" in text
    assert page.count("not answered</span>") == 9
    assert quiz_row(app, driver.id).finished_at is not None
    assert "Resume" not in client.get("/study").get_data(as_text=True)

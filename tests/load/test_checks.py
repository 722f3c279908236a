"""The checks the load and crash tests rely on: quiet on whole answers, loud on torn ones."""

from __future__ import annotations

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import text

from bench.loadkit.checks import attempt_problems
from quizapp.extensions import db

from ..study.conftest import start


def test_whole_answers_pass_and_torn_ones_are_named(
    app: Flask, client: FlaskClient, auth, student: int
) -> None:
    auth.login()
    quiz = start(client)
    quiz.answer(right=True)
    quiz.answer(right=False)
    with app.app_context():
        engine = db.engine
        assert attempt_problems(engine) == []
        with engine.begin() as conn:
            conn.execute(text("DELETE FROM review_log WHERE id = (SELECT min(id) FROM review_log)"))
            conn.execute(text("UPDATE quiz_session SET position = position + 1"))
        problems = attempt_problems(engine)
    assert len(problems) == 3, problems
    assert "1 sessions whose position != answers" in problems[0]
    assert "1 attempts without their card rating" in problems[1]
    assert "1 cards whose reps != their ratings" in problems[2]

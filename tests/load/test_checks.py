"""The checks the load and crash tests rely on: quiet on whole answers, loud on torn ones."""

from __future__ import annotations

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import text

from quizapp.extensions import db
from quizapp.models import Quiz
from tests.support.checks import attempt_problems

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
            conn.execute(text("DELETE FROM rating_log WHERE id = (SELECT min(id) FROM rating_log)"))
            conn.execute(text("UPDATE quiz SET position = position + 1"))
        problems = attempt_problems(engine)
    assert len(problems) == 3, problems
    assert "1 sessions whose position != answers" in problems[0]
    assert "1 attempts without their card rating" in problems[1]
    assert "1 cards whose reps != their ratings" in problems[2]


def test_answers_in_the_wrong_session_slot_or_rated_twice_are_named(
    app: Flask, client: FlaskClient, auth, student: int, make_user
) -> None:
    auth.login()
    quiz = start(client)
    quiz.answer(right=True)
    quiz.answer(right=True)
    other = make_user("someone-else")
    with app.app_context():
        engine = db.engine
        session = db.session.get(Quiz, quiz.id)
        session.question_ids = ["not-asked", *session.question_ids[1:]]  # slot 0 changed
        db.session.commit()
        with engine.begin() as conn:
            first, second = conn.execute(text("SELECT id FROM attempt ORDER BY id")).scalars()
            conn.execute(
                text("UPDATE attempt SET user_id = :u WHERE id = :a"), {"u": other, "a": second}
            )
            conn.execute(
                text(
                    "INSERT INTO rating_log (card_id, user_id, attempt_id, rating, kind,"
                    " reviewed_at, previous) SELECT card_id, user_id, attempt_id, rating, kind,"
                    " reviewed_at, previous FROM rating_log WHERE attempt_id = :a"
                ),
                {"a": first},
            )
        problems = "\n".join(attempt_problems(engine))
    assert f"1 attempts without their own session (e.g. {second})" in problems
    assert f"1 attempts not answering their session's slot (e.g. {first})" in problems
    assert f"1 attempts rated more than once (e.g. {first})" in problems

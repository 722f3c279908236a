"""Regrading from the question statistics page: the forms, accept, undo (frozen clock)."""

from __future__ import annotations

from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from quizapp.bank.webapp import current_bank
from quizapp.extensions import db
from quizapp.models import Attempt, Regrade
from quizapp.study import operations as study_ops
from tests.support.answers import record_answer
from tests.support.classes import enrol
from tests.support.clock import FrozenClock

QID = "lample-led-llama"
PAGE = f"/teacher/questions/{QID}"


@pytest.fixture
def app_config(bank_dir: Path, clock: FrozenClock) -> dict[str, object]:
    """A private copy of the real bank, reloaded only by a save; the frozen clock."""
    return {"QUESTIONS_DIR": str(bank_dir), "BANK_RELOAD_SECONDS": 3600, "CLOCK": clock}


@pytest.fixture
def wrong_answer(app: Flask, make_user, teacher: int, clock: FrozenClock) -> int:
    """A student of the teacher's class answered "LLaMA 1", which the bank marks wrong: the
    attempt's id."""
    student = make_user("stu")
    enrol(app, teacher, [student])
    with app.app_context():
        quiz = study_ops.create_quiz(student, "topics", [QID], clock.now)
        attempt = record_answer(quiz, current_bank().questions[QID], "LLaMA 1", clock.now)
        db.session.commit()
        return attempt.id


def test_a_teacher_accepts_a_common_wrong_answer_and_undoes_it(
    app: Flask, client: FlaskClient, auth, teacher, wrong_answer: int, bank_dir: Path
) -> None:
    original = (bank_dir / "people.yaml").read_text()
    auth.login("teacher1")
    page = client.get(PAGE).get_data(as_text=True)
    assert f'action="/teacher/questions/{QID}/regrade"' in page
    assert 'name="answer" value="llama 1"' in page
    assert '<label for="percent-1">' in page
    resp = client.post(f"{PAGE}/regrade", data={"answer": "llama 1"})
    assert resp.status_code == 302 and resp.location.endswith(f"{PAGE}#regrading")
    page = client.get(PAGE).get_data(as_text=True)
    assert "Regraded 1 attempt(s) and corrected 1 card(s)" in page
    assert "LLaMA 1</strong>\n            accepted" in page
    with app.app_context():
        assert db.session.get(Attempt, wrong_answer).score == 1.0
        regrade_id = db.session.execute(select(Regrade.id)).scalar_one()
    assert (bank_dir / "people.yaml").read_text() != original
    resp = client.post(f"{PAGE}/regrades/{regrade_id}/undo")
    assert resp.status_code == 302
    assert "Undone: 1 attempt(s) and 1 card(s) restored." in client.get(PAGE).get_data(as_text=True)
    assert (bank_dir / "people.yaml").read_text() == original
    with app.app_context():
        assert db.session.get(Attempt, wrong_answer).score == 0.0


def test_a_partly_right_score_and_bad_input(
    app: Flask, client: FlaskClient, auth, teacher, wrong_answer: int
) -> None:
    auth.login("teacher1")
    resp = client.post(f"{PAGE}/regrade", data={"answer": "llama 1", "percent": "150"})
    assert "a score between 1 and 99 %" in client.get(resp.location).get_data(as_text=True)
    client.post(f"{PAGE}/regrade", data={"answer": "llama 1", "percent": "50"})
    with app.app_context():
        attempt = db.session.get(Attempt, wrong_answer)
        assert (attempt.score, attempt.correct) == (0.5, False)
    assert "partly right (50%)" in client.get(PAGE).get_data(as_text=True)


def test_students_cannot_regrade(client: FlaskClient, auth, wrong_answer: int) -> None:
    auth.login("stu")
    assert client.post(f"{PAGE}/regrade", data={"answer": "llama 1"}).status_code == 403

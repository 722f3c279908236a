"""Study fixtures: a frozen clock, right and wrong answers for the tiny bank, a quiz driver."""

from __future__ import annotations

import re
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from werkzeug.test import TestResponse

from quizapp.extensions import db
from quizapp.models import Attempt, Quiz
from tests.conftest import START, FrozenClock

__all__ = ["START", "FrozenClock"]

#: The tiny bank's questions a blind guess gets right often enough (``guess_chance`` >= 0.1:
#: choice 1/4, truefalse 1/2, multi of 3 1/7, order of 3 1/6, match Meta twice 1/3): a right
#: first answer rates Hard and the new card stays in its learning step (docs/learning.md).
GUESSABLE = frozenset(
    {
        "mensch-former-lab",
        "founders-from-meta",
        "mistral-is-french",
        "founders-employers",
        "timeline-order",
    }
)

#: Form data answering each served question of tests/data/bank/tiny fully right.
RIGHT: dict[str, dict[str, Any]] = {
    "mensch-former-lab": {"answer": "Google DeepMind"},
    "founders-from-meta": {"answer": ["Guillaume Lample", "Timothée Lacroix"]},
    "mistral-is-french": {"answer": "true"},
    "lample-model": {"answer": "meta llama"},
    "founders-employers": {"match-0": "Google DeepMind", "match-1": "Meta", "match-2": "Meta"},
    "microsoft-investment": {"answer": "EUR 15,000,000"},
    "founders-count": {"answer": "3 founders"},
    "deal-announced": {"answer": "Feb 26, 2024"},
    "founded-year": {"answer": "2022"},
    "timeline-order": {
        "order-0": "Mistral AI founded",
        "order-1": "Seed round",
        "order-2": "Microsoft deal",
    },
    "deal-cloze": {"blank-0": "fifteen million", "blank-1": "Mistral"},
}

#: Form data answering each question wrong (a plausible mistake, never empty).
WRONG: dict[str, dict[str, Any]] = {
    "mensch-former-lab": {"answer": "OpenAI"},
    "founders-from-meta": {"answer": ["Arthur Mensch"]},
    "mistral-is-french": {"answer": "false"},
    "lample-model": {"answer": "GPT-4"},
    "founders-employers": {"match-0": "Meta", "match-1": "Google DeepMind", "match-2": ""},
    "microsoft-investment": {"answer": "$15m"},
    "founders-count": {"answer": "4"},
    "deal-announced": {"answer": "2024"},
    "founded-year": {"answer": "2021"},
    "timeline-order": {
        "order-0": "Microsoft deal",
        "order-1": "Seed round",
        "order-2": "Mistral AI founded",
    },
    "deal-cloze": {"blank-0": "16 million", "blank-1": "OpenAI"},
}


@pytest.fixture
def app_config(clock: FrozenClock) -> dict[str, object]:
    """Every study test runs on the frozen clock."""
    return {"CLOCK": clock}


def hidden(page: str, name: str) -> str:
    """The value of the hidden input ``name`` on ``page``."""
    found = re.search(rf'name="{name}" type="hidden" value="([^"]*)"', page)
    assert found, f"no hidden {name} on the page"
    return found[1]


class QuizDriver:
    """Drive one quiz through the test client, as a browser would."""

    def __init__(self, client: FlaskClient, quiz_id: int) -> None:
        self.client = client
        self.id = quiz_id
        self.url = f"/quiz/{quiz_id}"

    def page(self) -> str:
        """The question page (asserting one is shown)."""
        resp = self.client.get(self.url)
        assert resp.status_code == 200, resp.status_code
        return resp.get_data(as_text=True)

    def current(self) -> tuple[int, str]:
        """(position, question id) of the question shown now."""
        page = self.page()
        return int(hidden(page, "position")), hidden(page, "question_id")

    def post(self, position: int, question_id: str, data: dict[str, Any]) -> TestResponse:
        """Post an answer for a given slot."""
        form = {"position": str(position), "question_id": question_id, **data}
        return self.client.post(self.url, data=form)

    def answer(self, right: bool = True, data: dict[str, Any] | None = None) -> TestResponse:
        """Answer the question shown now (right or wrong unless ``data`` is given)."""
        position, question_id = self.current()
        if data is None:
            data = (RIGHT if right else WRONG)[question_id]
        return self.post(position, question_id, data)


def start(client: FlaskClient, topics: list[str] | None = None, length: str = "all") -> QuizDriver:
    """Start a new quiz from the study page and return its driver."""
    form = {"mode": "topics", "topics": topics or ["people", "timeline"], "length": length}
    resp = client.post("/study", data=form)
    assert resp.status_code == 302, resp.get_data(as_text=True)
    match = re.fullmatch(r"/quiz/(\d+)", resp.location)
    assert match, resp.location
    return QuizDriver(client, int(match[1]))


def quiz_row(app: Flask, quiz_id: int) -> Quiz:
    """A quiz read back from the database (attempts loaded)."""
    with app.app_context():
        quiz = db.session.get(Quiz, quiz_id)
        assert quiz is not None
        _ = quiz.attempts
        db.session.expunge_all()
        return quiz


def attempts(app: Flask) -> list[Attempt]:
    """Every attempt in the database, in id order."""
    with app.app_context():
        rows = list(db.session.execute(db.select(Attempt).order_by(Attempt.id)).scalars())
        db.session.expunge_all()
        return rows

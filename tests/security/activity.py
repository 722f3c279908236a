"""A student's activity made through the real pages: quizzes, answers, flashcards, cards.

Shared by the fuzzing, XSS and IDOR tests, which need real ids to aim at.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from flask import Flask
from flask.testing import FlaskClient

from quizapp.extensions import db
from quizapp.models import Card, User

from ..study.conftest import RIGHT, WRONG, QuizDriver, hidden, start


@dataclass(frozen=True)
class Activity:
    """The ids a student's activity created."""

    user_id: int
    finished_quiz: int
    unfinished_quiz: int
    answered: int  # answers in the finished quiz
    card_ids: tuple[int, ...]
    card_questions: tuple[str, ...]


def log_in_as(client: FlaskClient, user_id: int | None) -> None:
    """Make ``client`` the user ``user_id`` (None: anonymous) without the log-in form."""
    cookie_id = None
    if user_id is not None:
        with client.application.app_context():
            cookie_id = db.session.get(User, user_id).get_id()
    with client.session_transaction() as sess:
        sess.clear()
        if cookie_id is not None:
            sess["_user_id"] = cookie_id
            sess["_fresh"] = True


def answer_all(quiz: QuizDriver, answers: dict[str, dict[str, object]] | None = None) -> int:
    """Answer every question of ``quiz``, alternately wrong and right; return how many."""
    count = 0
    while quiz.client.get(quiz.url).status_code == 200:
        position, question_id = quiz.current()
        given = (answers or (WRONG if count % 2 == 0 else RIGHT))[question_id]
        assert quiz.post(position, question_id, given).status_code == 302
        count += 1
    return count


def rate_flashcards(client: FlaskClient, times: int) -> None:
    """Flip the next ``times`` flashcards and rate them Again."""
    for _ in range(times):
        front = client.get("/flashcards/").get_data(as_text=True)
        found = re.search(r'<form method="get" action="/flashcards/q/([^"]+)" class="flip">', front)
        assert found, "no flashcard to flip"
        back = client.get(f"/flashcards/q/{found[1]}?flipped=1").get_data(as_text=True)
        resp = client.post(
            f"/flashcards/q/{found[1]}", data={"rating": "1", "reps": hidden(back, "reps")}
        )
        assert resp.status_code == 302


def make_activity(app: Flask, client: FlaskClient, user_id: int) -> Activity:
    """As ``user_id``: one finished quiz, one unfinished, two flashcard ratings."""
    log_in_as(client, user_id)
    finished = start(client, ["people"])
    answered = answer_all(finished)
    unfinished = start(client, ["timeline"])
    unfinished.answer(right=False)
    rate_flashcards(client, 2)
    with app.app_context():
        cards = db.session.execute(
            db.select(Card.id, Card.question_id).where(Card.user_id == user_id).order_by(Card.id)
        ).all()
    return Activity(
        user_id=user_id,
        finished_quiz=finished.id,
        unfinished_quiz=unfinished.id,
        answered=answered,
        card_ids=tuple(card_id for card_id, _ in cards),
        card_questions=tuple(question_id for _, question_id in cards),
    )

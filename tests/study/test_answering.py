"""The answer operation: submit()'s outcomes, the view's mapping of them, one rating path."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from flask import Flask
from werkzeug.datastructures import MultiDict

from quizapp.bank.webapp import current_bank
from quizapp.extensions import db
from quizapp.qtypes import get_type
from quizapp.srs.rating import CardRating
from quizapp.study import answering, views
from quizapp.study import operations as ops
from quizapp.study.answering import AskAgain, Moved, Recorded, Refused, submit
from quizapp.study.forms import AnswerProblem

from .conftest import RIGHT, START

MONEY = "microsoft-investment"


@pytest.fixture
def ctx(app: Flask, student: int) -> Iterator[None]:
    """A request context with the bank loaded (submit commits what it writes)."""
    with app.test_request_context():
        current_bank()
        yield


def quiz(user_id: int, ids: list[str], *, finished: bool = False) -> int:
    """A committed quiz asking ``ids``; its id."""
    quiz = ops.create_quiz(user_id, "topics", ids, START)
    if finished:
        ops.finish_quiz(quiz, START)
    quiz_id = quiz.id  # read before the commit expires it (no read transaction left open)
    db.session.commit()
    return quiz_id


def form(position: int, question_id: str, **fields: Any) -> MultiDict[str, Any]:
    """An answer form for a slot."""
    return MultiDict({"position": str(position), "question_id": question_id, **fields})


def test_a_right_answer_is_recorded_and_read_once(ctx, student, monkeypatch) -> None:
    reads: list[object] = []
    numeric = get_type("numeric")
    read = numeric.read
    monkeypatch.setattr(
        numeric, "read", lambda spec, answer: reads.append(answer) or read(spec, answer)
    )
    quiz_id = quiz(student, [MONEY, "lample-model"])
    assert submit(quiz_id, student, form(0, MONEY, answer="€15 million"), START) == Recorded(0)
    assert reads == ["€15 million"]  # read by read_answer, not again by grade
    assert ops.find_quiz(student, quiz_id).attempts[0].normalised == "EUR 15,000,000"
    again = submit(quiz_id, student, form(0, MONEY, answer="€15 million"), START)
    assert again == Recorded(0)  # the form sent twice: its feedback, nothing written


def test_an_unreadable_answer_is_asked_again(ctx, student) -> None:
    quiz_id = quiz(student, [MONEY])
    outcome = submit(quiz_id, student, form(0, MONEY, answer="15 milion"), START)
    assert isinstance(outcome, AskAgain) and outcome.given == "15 milion"
    assert "not a number we can read" in outcome.problem.message
    assert ops.find_quiz(student, quiz_id).attempts == []


def test_refused_and_moved(ctx, student, make_user) -> None:
    quiz_id = quiz(student, [MONEY, "lample-model"])
    other = make_user("student2")
    right = form(0, MONEY, **RIGHT[MONEY])
    assert submit(quiz_id, other, right, START) == Refused(404)
    assert submit(quiz_id, student, MultiDict({"position": "x"}), START) == Refused(400)
    assert submit(quiz_id, student, form(1, MONEY), START) == Refused(400)
    assert submit(quiz(student, [MONEY], finished=True), student, right, START) == Moved()
    retired = quiz(student, ["gone", "lample-model"])
    assert submit(retired, student, form(0, "gone", answer="x"), START) == Moved(("gone",))


@pytest.mark.parametrize(
    ("outcome", "status", "location"),
    [
        (Recorded(3), 302, "/quiz/{id}/answers/3"),
        (Moved(), 302, "/quiz/{id}"),
        (Moved(("gone",)), 302, "/quiz/{id}"),
        (Refused(400), 400, None),
        (Refused(404), 404, None),
        (Refused(503), 503, None),
    ],
)
def test_the_view_maps_each_outcome(
    app, client, auth, student, monkeypatch, outcome, status, location
) -> None:
    with app.app_context():
        quiz_id = quiz(student, ["lample-model"])
    monkeypatch.setattr(views, "submit", lambda *args, **kwargs: outcome)
    auth.login()
    resp = client.post(f"/quiz/{quiz_id}", data={})
    assert resp.status_code == status
    if location is not None:
        assert resp.location == location.format(id=quiz_id)


def test_the_view_asks_again_with_the_problem(app, client, auth, student, monkeypatch) -> None:
    with app.app_context():
        quiz_id = quiz(student, [MONEY])

    def ask_again(quiz_id: int, user_id: int, *args: Any, **kwargs: Any) -> AskAgain:
        quiz = ops.find_quiz(user_id, quiz_id)
        return AskAgain(
            quiz, current_bank().questions[MONEY], "lots", AnswerProblem("Say it.", 200)
        )

    monkeypatch.setattr(views, "submit", ask_again)
    auth.login()
    resp = client.post(f"/quiz/{quiz_id}", data={})
    page = resp.get_data(as_text=True)
    assert resp.status_code == 200 and "Say it." in page and 'value="lots"' in page


def test_quiz_answers_and_flashcards_rate_through_one_write(
    app, client, auth, student, monkeypatch
) -> None:
    written: list[tuple[str, int | None]] = []
    write = CardRating.write

    def spy(rating: CardRating, conn, attempt_id):  # type: ignore[no-untyped-def]
        written.append((rating.question_id, attempt_id))
        return write(rating, conn, attempt_id)

    monkeypatch.setattr(CardRating, "write", spy)
    with app.app_context():
        quiz_id = quiz(student, ["lample-model"])
    auth.login()
    client.post(
        f"/quiz/{quiz_id}",
        data={"position": "0", "question_id": "lample-model", **RIGHT["lample-model"]},
    )
    client.post("/flashcards/q/mensch-former-lab", data={"reps": "0", "rating": "3"})
    assert [question_id for question_id, _ in written] == ["lample-model", "mensch-former-lab"]
    assert all(attempt_id is not None for _, attempt_id in written)
    assert answering.PLAN_TRIES == 3

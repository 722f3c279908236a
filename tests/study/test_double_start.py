"""A form that starts a quiz, sent twice (double click, refresh), starts one quiz.

The study form and the results page's "Retry" form carry a random start token; the quiz
remembers it, and the same token again leads to that quiz.
"""

from __future__ import annotations

import re

from sqlalchemy import func, select

from quizapp.bank.webapp import current_bank
from quizapp.extensions import db
from quizapp.models import Quiz
from quizapp.study import operations as ops

from .conftest import START, hidden, start

FORM = {"mode": "topics", "topics": ["people", "timeline"], "length": "5"}


def quizzes(app) -> int:  # type: ignore[no-untyped-def]
    with app.app_context():
        return db.session.execute(select(func.count()).select_from(Quiz)).scalar_one()


def study_token(client) -> str:  # type: ignore[no-untyped-def]
    page = client.get("/study").get_data(as_text=True)
    token = hidden(page, "start_token")
    assert re.fullmatch(r"[A-Za-z0-9_-]{22}", token)
    return token


def test_the_same_study_form_twice_starts_one_session(app, client, auth, student) -> None:
    auth.login()
    token = study_token(client)
    first = client.post("/study", data={**FORM, "start_token": token})
    second = client.post("/study", data={**FORM, "start_token": token})
    assert first.status_code == second.status_code == 302
    assert first.location == second.location and quizzes(app) == 1


def test_each_study_page_gets_a_new_token(app, client, auth, student) -> None:
    auth.login()
    assert study_token(client) != study_token(client)
    client.post("/study", data={**FORM, "start_token": study_token(client)})
    client.post("/study", data={**FORM, "start_token": study_token(client)})
    assert quizzes(app) == 2


def test_a_missing_or_tampered_token_still_starts_a_session(app, client, auth, student) -> None:
    auth.login()
    for token in (None, "", "x" * 33, "<script>", "a b"):
        data = dict(FORM) if token is None else {**FORM, "start_token": token}
        resp = client.post("/study", data=data)
        assert resp.status_code == 302 and re.fullmatch(r"/quiz/\d+", resp.location)
    assert quizzes(app) == 5
    with app.app_context():
        assert db.session.execute(select(Quiz.start_token)).scalars().all() == [None] * 5


def test_another_students_token_is_not_theirs(app, client, auth, student, make_user) -> None:
    auth.login()
    token = study_token(client)
    mine = client.post("/study", data={**FORM, "start_token": token}).location
    auth.logout()
    make_user("student2")
    auth.login("student2")
    theirs = client.post("/study", data={**FORM, "start_token": token}).location
    assert theirs != mine and quizzes(app) == 2


def test_retry_sent_twice_starts_one_retry(app, client, auth, student) -> None:
    auth.login()
    quiz = start(client, ["people"], length="5")
    while client.get(quiz.url).status_code == 200:
        quiz.answer(right=False)
    page = client.get(f"/quiz/{quiz.id}/results").get_data(as_text=True)
    token = hidden(page, "start_token")
    first = client.post(f"/quiz/{quiz.id}/retry", data={"start_token": token})
    second = client.post(f"/quiz/{quiz.id}/retry", data={"start_token": token})
    assert first.location == second.location and first.location != f"/quiz/{quiz.id}/results"
    assert quizzes(app) == 2  # the quiz and one retry


def test_the_same_token_at_once_finds_the_first_session(app, student) -> None:
    """Two requests that both found no quiz for the token: the unique constraint decides."""
    with app.app_context():
        current_bank()
        first = ops.create_quiz(student, "topics", ["mistral-is-french"], START, start_token="t1")
        again = ops.create_quiz(student, "topics", ["lample-model"], START, start_token="t1")
        db.session.commit()
        assert again.id == first.id and again.question_ids == ["mistral-is-french"]
        assert db.session.execute(select(func.count()).select_from(Quiz)).scalar_one() == 1


def test_a_form_sent_again_after_its_quiz_ended_starts_a_new_one(
    app, client, auth, student
) -> None:
    """Back to the study page (the browser shows it as it was) and Start again: a new quiz."""
    auth.login()
    token = study_token(client)
    first = client.post("/study", data={**FORM, "start_token": token}).location
    client.post(f"{first}/end")
    again = client.post("/study", data={**FORM, "start_token": token}).location
    assert again != first and quizzes(app) == 2

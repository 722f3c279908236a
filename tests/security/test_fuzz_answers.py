"""Fuzz the answer of every question type through the web: recorded, then shown everywhere.

Each example answers a one-question quiz with random form values, then opens every page that
shows that answer: the feedback, the results, the history session (the student's and the
teacher's view), the question statistics and both CSV exports. None may be a 500.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from werkzeug.datastructures import MultiDict

from quizapp.bank.webapp import current_bank
from quizapp.extensions import db
from quizapp.models import Quiz

from .activity import log_in_as
from .test_fuzz import NASTY

QUESTIONS = [
    "mensch-former-lab", "founders-from-meta", "mistral-is-french", "lample-model",
    "founders-employers", "microsoft-investment", "founders-count", "deal-announced",
    "founded-year", "timeline-order", "deal-cloze",
]  # fmt: skip
PLAUSIBLE = [
    "Google DeepMind", "Meta", "Guillaume Lample", "true", "false", "LLaMA", "15 million",
    "€15 million", "EUR 1e309", "$-0", "15,000,000,000,000,000,000,000", "2024-02-26",
    "2024-02-30", "0000-00-00", "31/12/99999", "February 2024", "9999999999", "3 founders",
    "Mistral AI founded", "Seed round", "Microsoft deal", "fifteen million", "Mistral",
]  # fmt: skip
VALUE = st.one_of(
    st.sampled_from(PLAUSIBLE),
    st.sampled_from(NASTY).filter(lambda v: "\x00" not in v),
    st.text(max_size=300).filter(lambda v: "\x00" not in v),
)
NAMES = ["answer", "order-0", "order-1", "order-2", "match-0", "match-1", "match-2", "blank-0",
         "blank-1", "blank-7", "order-99"]  # fmt: skip
ANSWER_FORMS = st.lists(st.tuples(st.sampled_from(NAMES), VALUE), max_size=8)


def one_question_quiz(app, user_id: int, question_id: str) -> int:
    """A new session asking just ``question_id``."""
    with app.app_context():
        spec = current_bank().questions[question_id]
        quiz = Quiz(user_id=user_id, topics=[spec.topic], question_ids=[question_id])
        db.session.add(quiz)
        db.session.commit()
        return quiz.id


def get_ok(client, url: str) -> str:
    """GET ``url`` (reading streamed bodies), asserting it is not a server error."""
    with client.get(url) as resp:
        body = resp.get_data(as_text=True)
    assert resp.status_code < 500, (url, resp.status_code)
    return body


@pytest.mark.parametrize("question_id", QUESTIONS)
def test_any_answer_is_recorded_and_shown_without_error(fuzz_app, question_id: str) -> None:
    app, users, _ = fuzz_app
    student, teacher = app.test_client(), app.test_client()
    log_in_as(student, users["student"])
    log_in_as(teacher, users["teacher"])

    @settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(fields=ANSWER_FORMS)
    def check(fields: list[tuple[str, str]]) -> None:
        quiz_id = one_question_quiz(app, users["student"], question_id)
        page = get_ok(student, f"/quiz/{quiz_id}")
        assert re.search(rf'name="question_id" type="hidden" value="{question_id}"', page)
        form = MultiDict([("position", "0"), ("question_id", question_id), *fields])
        resp = student.post(f"/quiz/{quiz_id}", data=form)
        assert resp.status_code < 500, (fields, resp.status_code)
        for url in (
            f"/quiz/{quiz_id}/answers/0",
            f"/quiz/{quiz_id}/results",
            f"/history/quiz/{quiz_id}",
        ):
            get_ok(student, url)
        get_ok(teacher, f"/teacher/students/{users['student']}/history/quiz/{quiz_id}")

    check()
    get_ok(student, "/history/")
    get_ok(student, "/history/export.csv")
    for url in ("/teacher/questions", f"/teacher/students/{users['student']}/export.csv"):
        get_ok(teacher, url)

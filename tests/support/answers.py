"""Recording quiz answers directly, without the answer page: for tests and scripts."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from quizapp.bank.spec import QuestionSpec
from quizapp.extensions import db
from quizapp.models import Attempt, Quiz
from quizapp.study.answering import plan_answer, write_answer


def record_answer(
    quiz: Quiz, spec: QuestionSpec, raw_answer: Any, now: datetime, *, confidence: int | None = None
) -> Attempt:
    """Plan and write an answer inside the caller's transaction (a savepoint); its Attempt.

    ``quiz`` is reloaded afterwards. Raises AlreadyAnswered, Changed or ValueError as the
    answer page's plan and write do, with the caller's transaction as it was. The caller
    commits.
    """
    plan = plan_answer(quiz, spec, raw_answer, now, confidence=confidence)
    with db.session.begin_nested():
        attempt_id = write_answer(plan)
    db.session.expire(quiz)
    attempt = db.session.get(Attempt, attempt_id)
    assert attempt is not None
    return attempt

"""Quiz write operations: start a quiz, show a question, skip, finish, retry.

Views call these and then commit; nothing here commits. Answering a question lives in
:mod:`.answering`. Every function takes ``now`` (from ``quizapp.clock.now``) instead of
reading the clock itself.
"""

from __future__ import annotations

import random
import secrets
from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import bindparam, select

from ..bank.spec import Bank
from ..extensions import db
from ..models import Quiz
from ..models.statements import InsertUnlessTaken
from .modes import DrawRequest, get_mode
from .queries import (  # noqa: F401 - the reads are part of the operations' public face
    Submission,
    attempt_at,
    classify_submission,
    find_quiz,
    is_answered,
    question_display,
    quiz_or_404,
    unfinished_quizzes,
)


class NothingToAsk(ValueError):
    """The chosen mode and topics give no question; the message says so to the student."""


# Writing ---------------------------------------------------------------------------------


def new_seed() -> int:
    """A random seed for a quiz's shuffles (stored, so reloads shuffle the same way)."""
    return secrets.randbelow(2**31)


def new_start_token() -> str:
    """A random token for a form that starts a session (see ``Quiz.start_token``)."""
    return secrets.token_urlsafe(16)


_SESSIONS = Quiz.__table__
_INSERT_SESSION = InsertUnlessTaken(_SESSIONS, ["user_id", "start_token"], _SESSIONS.c.id)
_STARTED_WITH = select(Quiz).where(
    Quiz.user_id == bindparam("user_id"), Quiz.start_token == bindparam("token")
)


def started_with(user_id: int, start_token: str | None) -> Quiz | None:
    """The student's quiz started by the form with ``start_token``, if any."""
    if not start_token:
        return None
    params = {"user_id": user_id, "token": start_token}
    return db.session.execute(_STARTED_WITH, params).scalar_one_or_none()


def resent(user_id: int, start_token: str | None) -> tuple[Quiz | None, str | None]:
    """(the quiz a re-sent form started, None) or (None, the token to start one with).

    A form whose quiz is finished was not sent twice by accident: the student went back to
    it (the browser's Back button) to start again, so it starts a new quiz, without a token.
    """
    existing = started_with(user_id, start_token)
    if existing is None:
        return None, start_token
    return (None, None) if existing.finished else (existing, None)


def create_quiz(
    user_id: int,
    mode: str,
    question_ids: Sequence[str],
    now: datetime,
    *,
    topics: Sequence[str] = (),
    seed: int | None = None,
    start_token: str | None = None,
    assignment_id: int | None = None,
) -> Quiz:
    """Add a quiz asking ``question_ids`` in order; the building block of the modes (and of
    an assignment's tries, ``assignment_id``).

    With a ``start_token`` already used by this student (the same form sent twice at once),
    the quiz it started is returned instead and nothing is added.
    """
    values = {
        "user_id": user_id,
        "mode": mode,
        "topics": list(topics),
        "question_ids": list(question_ids),
        "position": 0,
        "seed": new_seed() if seed is None else seed,
        "started_at": now,
        "last_activity_at": now,
        "start_token": start_token or None,
        "assignment_id": assignment_id,
    }
    quiz_id = _INSERT_SESSION.run(db.session.connection(), values)
    quiz = db.session.get(Quiz, quiz_id) if quiz_id is not None else None
    if quiz is None:  # the token is taken: the same form started a quiz meanwhile
        quiz = started_with(user_id, start_token)
        assert quiz is not None
    return quiz


def start_quiz(
    user_id: int,
    mode: str,
    topics: Sequence[str],
    length: int | None,
    bank: Bank,
    now: datetime,
    seed: int | None = None,
    start_token: str | None = None,
) -> Quiz:
    """Draw the questions with ``mode``'s picker and add the quiz. Raises NothingToAsk.

    A ``start_token`` that started an unfinished quiz gives that quiz back (a re-sent
    form; see :func:`resent`).
    """
    existing, start_token = resent(user_id, start_token)
    if existing is not None:
        return existing
    found = get_mode(mode)
    if found is None or found.draw is None:
        raise NothingToAsk(f"'{mode}' is not a way to start a quiz.")
    seed = new_seed() if seed is None else seed
    request = DrawRequest(user_id, bank, tuple(topics), length, random.Random(seed), now)
    question_ids = found.draw(request)
    if not question_ids:
        raise NothingToAsk("There are no questions to ask for that choice yet.")
    return create_quiz(
        user_id, mode, question_ids, now, topics=topics, seed=seed, start_token=start_token
    )


def missed_question_ids(quiz: Quiz) -> list[str]:
    """The questions answered not fully right in ``quiz``, in the order they were asked."""
    return list(dict.fromkeys(a.question_id for a in quiz.attempts if not a.correct))


def retry_missed(
    quiz: Quiz, bank: Bank, now: datetime, start_token: str | None = None
) -> Quiz | None:
    """A new ``retry`` quiz of the questions missed in ``quiz`` that are still served.

    A ``start_token`` that started an unfinished quiz gives that quiz back (see
    :func:`resent`).
    """
    existing, start_token = resent(quiz.user_id, start_token)
    if existing is not None:
        return existing
    ids = [qid for qid in missed_question_ids(quiz) if qid in bank]
    if not ids:
        return None
    return create_quiz(quiz.user_id, "retry", ids, now, topics=quiz.topics, start_token=start_token)


def finish_quiz(quiz: Quiz, now: datetime) -> None:
    """End the session (all answered, or the student stopped early); a no-op when ended."""
    if quiz.finished_at is None:
        quiz.finished_at = now
        quiz.current_shown_at = None
        quiz.last_activity_at = now


def discard_quiz(quiz: Quiz, now: datetime) -> bool:
    """Take an unfinished quiz off the student's "Resume" list; True when it was deleted.

    A quiz without answers is deleted. One with answers is ended instead: each answer has
    already rated its card, so the answers stay in the history (as an ended quiz would).
    """
    if quiz.finished:
        return False
    if quiz.attempts:
        finish_quiz(quiz, now)
        return False
    db.session.delete(quiz)
    return True


def _advance(quiz: Quiz, now: datetime) -> None:
    quiz.position += 1
    quiz.current_shown_at = None
    quiz.last_activity_at = now


def skip_unavailable(quiz: Quiz, bank: Bank, now: datetime) -> list[str]:
    """Move past questions that are no longer served (retired or drafted); their ids.

    The quiz finishes when that leaves nothing to ask.
    """
    skipped: list[str] = []
    while not quiz.finished and quiz.position < quiz.length:
        question_id = quiz.question_ids[quiz.position]
        if question_id in bank:
            break
        skipped.append(question_id)
        _advance(quiz, now)
    if not quiz.finished and quiz.position >= quiz.length:
        finish_quiz(quiz, now)
    return skipped


def mark_shown(quiz: Quiz, now: datetime) -> bool:
    """Remember when the current question was first shown; False if known (a reload)."""
    if quiz.finished or quiz.current_shown_at is not None:
        return False
    quiz.current_shown_at = now
    return True


def needs_preparing(quiz: Quiz, bank: Bank) -> bool:
    """True when showing the quiz page must write: skip a retired question or mark one shown."""
    if quiz.finished:
        return False
    if quiz.position >= quiz.length or quiz.question_ids[quiz.position] not in bank:
        return True
    return quiz.current_shown_at is None


def prepare_question(quiz: Quiz, bank: Bank, now: datetime) -> list[str]:
    """Skip what is no longer served, then mark the question to show as shown; skipped ids."""
    skipped = skip_unavailable(quiz, bank, now)
    mark_shown(quiz, now)
    return skipped

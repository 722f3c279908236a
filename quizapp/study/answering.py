"""Answering a quiz question: from the posted form to the stored attempt, in one call.

:func:`submit` is the answer POST's whole protocol. It checks that the form answers the slot
the quiz asks now, reads the answer (``forms.read_answer``) and plans every write in the
request's read transaction (:func:`plan_answer`: grade it, plan the card's rating, put the
quiz's due misses next). SQLite has one writer at a time, so whatever a write transaction
does, every other answer waits for: :func:`write_answer` therefore only runs the plan:

1. ``INSERT`` the attempt ``ON CONFLICT (quiz_id, position) DO NOTHING``: no row back
   means the slot was answered already: :class:`AlreadyAnswered`, nothing written;
2. ``UPDATE`` the quiz ``WHERE`` its position is still the answered slot;
3. the card rating's write (``review.rating``: the card, if unchanged, and its log row).

If 2 or 3 find their row changed since it was read (a skip, an "end", a flashcard rating of
the same card in another tab), they raise ``Changed``: the write rolls back and the answer is
planned again, at most :data:`PLAN_TRIES` times. Nothing here commits but ``submit``'s writes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import bindparam, update
from werkzeug.datastructures import MultiDict

from ..bank.spec import QuestionSpec
from ..bank.webapp import current_bank
from ..database import write_transaction
from ..extensions import db
from ..models import Attempt, Quiz
from ..models.statements import Changed, InsertUnlessTaken
from ..qtypes import get_type
from ..scheduling import GradedAnswer
from ..srs.rating import CardRating, plan_rating
from .forms import NO_CONFIDENCE, AnswerForm, AnswerProblem, read_answer, read_confidence
from .operations import skip_unavailable
from .policy import quiz_rules
from .queries import Submission, classify_submission, find_quiz, question_display
from .requeue import requeue_due_misses

MAX_TIME_TAKEN = timedelta(minutes=30)
"""Longest time recorded for one answer: a question left open overnight is not 16 hours' work."""
PLAN_TRIES = 3
"""Plans of one answer before giving up (503): each retry means another request just wrote."""

_ATTEMPTS = Attempt.__table__
_INSERT_ATTEMPT = InsertUnlessTaken(_ATTEMPTS, ["quiz_id", "position"], _ATTEMPTS.c.id)
_QUIZZES = Quiz.__table__
_ADVANCE = update(_QUIZZES).where(
    _QUIZZES.c.id == bindparam("quiz_id"),
    _QUIZZES.c.position == bindparam("answered"),
    _QUIZZES.c.finished_at.is_(None),
)


# What the page does next -----------------------------------------------------------------


@dataclass(frozen=True)
class Recorded:
    """The slot has its answer (stored now, or by an earlier send of the form): its feedback."""

    position: int


@dataclass(frozen=True)
class AskAgain:
    """The answer cannot be graded (empty, too long, unreadable): the question again."""

    quiz: Quiz
    spec: QuestionSpec
    given: Any
    problem: AnswerProblem


@dataclass(frozen=True)
class Moved:
    """The quiz asks another slot now (it moved on or ended); ``skipped``: the retired
    questions (this answer's among them) that this request passed over."""

    skipped: tuple[str, ...] = ()


@dataclass(frozen=True)
class Refused:
    """No answer taken: 400 a malformed form, 404 not the student's quiz or slot, 503 the
    answer kept meeting other writes (nothing was written)."""

    status: int


Outcome = Recorded | AskAgain | Moved | Refused


def submit(
    quiz_id: int,
    user_id: int,
    form: MultiDict[str, str],
    now: datetime,
    *,
    confidence_marking: bool = False,
) -> Outcome:
    """Take the answer ``form`` posts to the student's quiz ``quiz_id``: record it or say why not.

    A re-sent form records nothing: its slot is answered already (:class:`Recorded`) or the
    quiz has moved on (:class:`Moved`). With ``confidence_marking`` (the student's setting; an
    assignment's try uses the assignment's, ``policy.quiz_rules``) an answer without its "How
    sure are you?" level is asked again, nothing recorded.
    """
    quiz = find_quiz(user_id, quiz_id)
    if quiz is None:
        return Refused(404)
    confidence_marking = quiz_rules(quiz, now).asks_confidence(confidence_marking)
    slot = AnswerForm(form)
    if not slot.validate():
        return Refused(400)
    position, question_id = slot.position.data, slot.question_id.data
    if (elsewhere := _not_current(quiz, position, question_id)) is not None:
        return elsewhere
    bank = current_bank()
    spec = bank.get(question_id)
    if spec is None:
        with write_transaction():
            skipped = skip_unavailable(quiz, bank, now)
        return Moved(tuple(skipped))
    read = read_answer(form, spec, question_display(quiz, position, spec))
    if read.problem is not None:
        return AskAgain(quiz, spec, read.given, read.problem)
    confidence = read_confidence(form) if confidence_marking else None
    if confidence_marking and confidence is None:
        return AskAgain(quiz, spec, read.given, NO_CONFIDENCE)
    for _ in range(PLAN_TRIES):
        plan = plan_answer(quiz, spec, read.given, now, read.parsed, confidence=confidence)
        try:
            with write_transaction():
                write_answer(plan)
        except AlreadyAnswered:
            return Recorded(position)
        except Changed:
            quiz = find_quiz(user_id, quiz_id)
            if quiz is None:
                return Refused(404)
            if (elsewhere := _not_current(quiz, position, question_id)) is not None:
                return elsewhere
        else:
            return Recorded(position)
    return Refused(503)


def _not_current(quiz: Quiz, position: int, question_id: str) -> Outcome | None:
    """Where an answer for any slot but the one asked now goes; None for the one asked now."""
    match classify_submission(quiz, position, question_id):
        case Submission.NOT_FOUND:
            return Refused(404)
        case Submission.INVALID:
            return Refused(400)
        case Submission.ANSWERED:
            return Recorded(position)
        case Submission.STALE:
            return Moved()
    return None


# Planning and writing one answer ----------------------------------------------------------


class AlreadyAnswered(Exception):
    """The slot has an attempt already (a refreshed, re-sent or double-clicked form)."""


@dataclass(frozen=True)
class AnswerPlan:
    """An answer ready to write: the attempt row, the quiz's new progress, the card rating."""

    quiz_id: int
    position: int
    attempt: dict[str, Any]
    progress: dict[str, Any]
    rating: CardRating | None
    """None when the quiz rates no card (a test's answers, ``policy.QuizRules.rate_cards``)."""


def time_taken_ms(shown_at: datetime | None, now: datetime) -> int | None:
    """Milliseconds from showing to answering, capped at ``MAX_TIME_TAKEN``; None if unknown."""
    if shown_at is None or now < shown_at:
        return None
    return int(min(now - shown_at, MAX_TIME_TAKEN) / timedelta(milliseconds=1))


def plan_answer(
    quiz: Quiz,
    spec: QuestionSpec,
    given: Any,
    now: datetime,
    parsed: Any = None,
    *,
    confidence: int | None = None,
) -> AnswerPlan:
    """Grade ``given`` (read as ``parsed`` already, or None) to the question ``quiz`` asks now,
    rate its card from the grade and put the quiz's due misses next: every write it causes.

    The rating is ``scheduling.evidence_for_answer``'s (docs/learning.md): only a fully right
    answer passes the card, a same-day one only as a learning step, a first right answer to a
    guessable type or an unsure one (``confidence`` 1 of 1..3, when marked) as Hard. An
    assignment's try may do neither (``policy.quiz_rules``).

    Raises ValueError when ``spec`` is not the question asked now.
    """
    position = quiz.position
    if quiz.finished or position >= quiz.length or quiz.question_ids[position] != spec.id:
        raise ValueError(f"question {spec.id!r} is not the one quiz {quiz.id} asks now")
    qtype = get_type(spec.type)
    grade = qtype.grade(spec, given, parsed)
    answer = GradedAnswer(grade.score, grade.correct, qtype.guess_chance(spec), confidence)
    rules = quiz_rules(quiz, now)
    rating = plan_rating(quiz.user_id, spec.id, answer, now) if rules.rate_cards else None
    question_ids = list(quiz.question_ids)
    if rules.requeue:
        answers = (  # read only at the quiz's last slot, where its misses are asked once more
            [(a.question_id, a.correct) for a in quiz.attempts] + [(spec.id, grade.correct)]
            if position + 1 >= quiz.length
            else []
        )
        question_ids = requeue_due_misses(
            quiz.user_id, quiz.question_ids, position, now, answers=answers
        )
    attempt = {
        "user_id": quiz.user_id,
        "question_id": spec.id,
        "question_version": spec.version,
        "quiz_id": quiz.id,
        "position": position,
        "kind": "quiz",
        "raw_answer": given,
        "normalised": grade.normalised,
        "score": grade.score,
        "correct": grade.correct,
        "note": grade.note,
        "time_taken_ms": time_taken_ms(quiz.current_shown_at, now),
        "created_at": now,
        "confidence": confidence,
    }
    progress = {
        "position": position + 1,
        "question_ids": question_ids,
        "current_shown_at": None,
        "last_activity_at": now,
        "finished_at": now if position + 1 >= len(question_ids) else None,
    }
    return AnswerPlan(quiz.id, position, attempt, progress, rating)


def write_answer(plan: AnswerPlan) -> int:
    """Write ``plan`` in the current transaction; the new attempt's id.

    Raises AlreadyAnswered (nothing written) or Changed (roll back, then plan again).
    """
    conn = db.session.connection()
    attempt_id = _INSERT_ATTEMPT.run(conn, plan.attempt)
    if attempt_id is None:
        raise AlreadyAnswered(plan.position)
    params = dict(plan.progress, quiz_id=plan.quiz_id, answered=plan.position)
    if conn.execute(_ADVANCE, params).rowcount != 1:
        raise Changed(f"quiz {plan.quiz_id} moved on from slot {plan.position}")
    if plan.rating is not None:
        plan.rating.write(conn, attempt_id)
    return attempt_id

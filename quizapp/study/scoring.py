"""A quiz's score: one rule for the end page, the history list and the teacher pages (pure).

A quiz asks its *distinct questions*; ``study.requeue`` may put a missed one back later in
``Quiz.question_ids`` (a *re-ask*), so a question can hold several slots. Every figure counts
distinct questions:

* **final score**: the last answer to each question, over *all* the quiz's questions; a question
  never answered (skipped, or the quiz ended early) scores 0. "7 of 12 · 58 % · 5 not answered".
* **first-try score**: the first answer to each question, over the same count.

Nothing answered at all gives no percentage (None, shown as "—"): there is nothing to count.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TypeVar

__all__ = [
    "Progress",
    "QuizTally",
    "first_answers",
    "progress",
    "quiz_score",
    "tally",
    "time_taken",
]

T = TypeVar("T")


def quiz_score(points: float, questions: int, answered: int = 1) -> float | None:
    """A quiz's score, 0..1: ``points`` over all ``questions`` (unanswered ones count 0).

    None when the quiz has no questions or none was ``answered``.
    """
    return points / questions if questions and answered else None


def time_taken(times: Iterable[int | None]) -> int | None:
    """A quiz's time taken, in ms: the sum of its answers' times (each from the question shown
    to its answer, capped by ``answering.MAX_TIME_TAKEN``); None when no time is known.

    The end page and the history list both use it, so a quiz shows one duration: time spent
    reading feedback, or away from a quiz left unfinished, does not count.
    """
    known = [ms for ms in times if ms is not None]
    return sum(known) if known else None


@dataclass(frozen=True)
class QuizTally:
    """A quiz's answers counted per distinct question."""

    questions: int
    """Distinct questions in the quiz."""
    answered: int
    """Distinct questions answered at least once."""
    first_points: float
    """Sum of the first answer's score to each answered question."""
    final_points: float
    """Sum of the last answer's score to each answered question."""
    reasked: int
    """Slots that ask a question again (``len(question_ids) - questions``)."""

    @property
    def unanswered(self) -> int:
        """Distinct questions never answered (skipped or the quiz ended early)."""
        return self.questions - self.answered

    @property
    def share(self) -> float | None:
        """The final score, 0..1 (see `quiz_score`)."""
        return quiz_score(self.final_points, self.questions, self.answered)

    @property
    def first_share(self) -> float | None:
        """The first-try score, 0..1 (see `quiz_score`)."""
        return quiz_score(self.first_points, self.questions, self.answered)


def first_answers(answers: Iterable[tuple[int, str, T]]) -> dict[str, T]:
    """Each question's first try: ``answers`` are ``(slot position, question id, answer)``,
    and the lowest position holds the first try (a re-ask takes a later slot)."""
    first: dict[str, tuple[int, T]] = {}
    for position, question_id, answer in answers:
        if question_id not in first or position < first[question_id][0]:
            first[question_id] = (position, answer)
    return {question_id: answer for question_id, (_, answer) in first.items()}


def tally(question_ids: Sequence[str], answers: Iterable[tuple[int, str, float]]) -> QuizTally:
    """Count a quiz's answers: ``answers`` are ``(slot position, question id, score)``.

    Within a question, answers are ordered by slot position: the lowest is the first try
    (:func:`first_answers`), the highest the final answer.
    """
    answers = list(answers)
    first = first_answers(answers)
    last: dict[str, tuple[int, float]] = {}
    for position, question_id, score in answers:
        if question_id not in last or position >= last[question_id][0]:
            last[question_id] = (position, score)
    distinct = set(question_ids) | set(first)
    return QuizTally(
        questions=len(distinct),
        answered=len(first),
        first_points=round(sum(first.values()), 2),
        final_points=round(sum(score for _, score in last.values()), 2),
        reasked=max(0, len(question_ids) - len(set(question_ids))),
    )


@dataclass(frozen=True)
class Progress:
    """Where slot ``position`` stands: question `number` of `questions`, `again` re-asks so far."""

    number: int
    questions: int
    again: int
    reask: bool
    """True when this slot asks a question already asked earlier in the quiz."""

    @property
    def text(self) -> str:
        """``Question 8 of 12 · 2 asked again``: distinct questions, re-asks counted apart."""
        line = f"Question {self.number} of {self.questions}"
        return line + (f" · {self.again} asked again" if self.again else "")


def progress(question_ids: Sequence[str], position: int) -> Progress:
    """The progress line of slot ``position``: re-asks do not grow the question count."""
    seen = question_ids[: position + 1]
    return Progress(
        number=len(set(seen)),
        questions=len(set(question_ids)),
        again=len(seen) - len(set(seen)),
        reask=question_ids[position] in question_ids[:position],
    )

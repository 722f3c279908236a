"""A past quiz's answers as the history page shows them: yours beside the right one.

The right answer and the explanation come from the bank served now; a question retired since
keeps its recorded answer, score and prompt (the database copy), without the right answer.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from markupsafe import Markup

from ..bank.spec import Bank
from ..models import Attempt, Question
from ..presentation import markdown, markdown_inline, verdict
from ..qtypes import Part, get_type

__all__ = ["AnswerRow", "MisconceptionRow", "answer_rows", "misconception_rows"]


@dataclass(frozen=True)
class AnswerRow:
    """One answered question of a quiz."""

    attempt: Attempt
    question_id: str
    prompt: Markup
    given: str
    right_answer: str | None
    explanation: Markup | None
    parts: tuple[Part, ...] = ()
    """The answer marked part by part (match, order, cloze, multi); empty otherwise."""

    @property
    def verdict(self) -> str:
        """``right``, ``partly right`` or ``wrong``."""
        return verdict(self.attempt.score, self.attempt.correct)


def answer_rows(rows: Iterable[tuple[Attempt, Question]], bank: Bank) -> list[AnswerRow]:
    """Build the rows from `(attempt, question)` pairs; no queries."""
    result = []
    for attempt, question in rows:
        spec = bank.get(question.id)
        given, right, explanation, parts = attempt.normalised, None, None, ()
        prompt = question.prompt
        if spec is not None:
            qtype = get_type(spec.type)
            given = qtype.answer_display(spec, attempt.raw_answer)
            right = qtype.answer_text(spec)
            explanation = markdown(spec.explanation)
            parts = tuple(qtype.parts(spec, attempt.raw_answer))
            prompt = spec.prompt
        result.append(
            AnswerRow(
                attempt=attempt,
                question_id=question.id,
                prompt=markdown_inline(prompt),
                given=given,
                right_answer=right,
                explanation=explanation,
                parts=parts,
            )
        )
    return result


@dataclass(frozen=True)
class MisconceptionRow:
    """A question answered wrong while "very sure": a belief to correct, not a gap."""

    question_id: str
    prompt: Markup
    right_answer: str | None
    times: int
    last: datetime


def misconception_rows(
    rows: Iterable[tuple[Question, int, datetime]], bank: Bank
) -> list[MisconceptionRow]:
    """Rows from ``history.queries.misconceptions``; the right answer from the served bank."""
    out = []
    for question, times, last in rows:
        spec = bank.get(question.id)
        right = get_type(spec.type).answer_text(spec) if spec is not None else None
        prompt = spec.prompt if spec is not None else question.prompt
        out.append(MisconceptionRow(question.id, markdown_inline(prompt), right, times, last))
    return out

"""A past quiz's answers as the history page shows them: yours beside the right one.

The right answer and the explanation come from the bank served now; a question retired since
keeps its recorded answer, score and prompt (the database copy), without the right answer.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from markupsafe import Markup

from ..bank.spec import Bank
from ..models import Attempt, Question
from ..presentation import markdown, markdown_inline, verdict
from ..qtypes import Part, get_type

__all__ = ["AnswerRow", "answer_rows"]


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

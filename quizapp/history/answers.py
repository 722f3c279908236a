"""A past session's answers as the history page shows them: yours beside the right one.

The right answer and the explanation come from the bank served now; a question retired since
keeps its recorded answer, score and prompt (the database copy), without the right answer.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from markupsafe import Markup

from ..bank.markup import render_markdown
from ..bank.spec import Bank
from ..models import Attempt, Question
from ..qtypes import get_type

__all__ = ["AnswerRow", "answer_rows", "markdown"]


@dataclass(frozen=True)
class AnswerRow:
    """One answered question of a session."""

    attempt: Attempt
    question_id: str
    prompt: Markup
    given: str
    right_answer: str | None
    explanation: Markup | None

    @property
    def verdict(self) -> str:
        """``right``, ``partly right`` or ``wrong``."""
        if self.attempt.correct:
            return "right"
        return "partly right" if self.attempt.score > 0 else "wrong"


def markdown(text: str, *, inline: bool = False) -> Markup:
    """Bank Markdown as HTML; safe because `render_markdown` cleans it with an allow-list."""
    return Markup(render_markdown(text, inline=inline))  # noqa: S704


def answer_rows(rows: Iterable[tuple[Attempt, Question]], bank: Bank) -> list[AnswerRow]:
    """Build the rows from `(attempt, question)` pairs; no queries."""
    result = []
    for attempt, question in rows:
        spec = bank.get(question.id)
        given, right, explanation = attempt.normalised, None, None
        prompt = question.prompt
        if spec is not None:
            qtype = get_type(spec.type)
            given = qtype.answer_display(spec, attempt.raw_answer)
            right = qtype.answer_text(spec)
            explanation = markdown(spec.explanation)
            prompt = spec.prompt
        result.append(
            AnswerRow(
                attempt=attempt,
                question_id=question.id,
                prompt=markdown(prompt, inline=True),
                given=given,
                right_answer=right,
                explanation=explanation,
            )
        )
    return result

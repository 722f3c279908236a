"""short: a typed text answer.

YAML: ``answer`` (text); optional ``accept`` (other accepted answers) and ``typos`` (edits
tolerated, a whole number >= 0; default: scaled to the answer's length by ``grading``).
Form: one text input named ``answer``.
Display: ``{"name": "answer"}``.
Grading: ``grading.match_text`` against the answer and the ``accept`` alternatives: case,
accents, punctuation and leading articles never matter; small typos are tolerated within the
budget (never in numbers, never into another real word); a generic head noun after the answer
("LLaMA model") is left out; a lenient match carries a note giving the exact spelling. There
is no list of forbidden near-misses for this type (``forbidden`` is empty).
"""

from __future__ import annotations

from typing import Any

from quizapp.bank.schema import Field, text, text_list, whole_number
from quizapp.bank.spec import QuestionSpec
from quizapp.grading import TextMatch, match_text

from . import register
from .base import Grade, QuestionType, as_text

TYPOS = Field("typos", whole_number, "1", required=False, default=None)


def lenient_note(match: TextMatch) -> str:
    """The note on an answer accepted despite a small difference, or a generic head noun."""
    if match.head:
        return f"'{match.head}' is not part of the answer — the answer is '{match.matched}'"
    return f"accepted with a small difference — the exact answer is '{match.matched}'"


@register
class Short(QuestionType):
    """Typed text, with alternatives and typo tolerance."""

    name = "short"
    fields = (
        Field("answer", text, "LLaMA"),
        Field("accept", text_list(1), "[Llama, Meta LLaMA]", required=False, default=()),
        TYPOS,
    )

    def grade(self, spec: QuestionSpec, answer: Any, parsed: Any = None) -> Grade:
        accepted = [spec.fields["answer"], *spec.fields["accept"]]
        match = match_text(as_text(answer), accepted, typos=spec.fields["typos"])
        if not match.ok:
            return Grade.wrong(match.normalised)
        return Grade.right(match.normalised, None if match.exact else lenient_note(match))

"""short: a typed text answer.

YAML: ``answer`` (text); optional ``accept`` (other accepted answers), ``typos`` (edits
tolerated, a whole number >= 0; default: scaled to the answer's length by ``grading``) and
``partly`` (answers worth part of the marks: ``{"LLaMA 2": 0.5}``, a teacher's regrade).
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

from quizapp.bank.schema import Field, Invalid, describe, text, text_list, whole_number
from quizapp.bank.spec import QuestionSpec
from quizapp.bank.yamlload import Pos, YamlMap
from quizapp.grading import TextMatch, match_text

from . import register
from .base import Grade, QuestionType, as_text

TYPOS = Field("typos", whole_number, "1", required=False, default=None)


def _scores(value: Any, pos: Pos, name: str) -> tuple[tuple[str, float], ...]:
    """``partly``: answers that earn part of the marks, each with its score (above 0, below 1)."""
    if not isinstance(value, YamlMap):
        raise Invalid(
            f"'{name}' must be a mapping like {{\"LLaMA 2\": 0.5}}, not {describe(value)}"
        )
    scores = []
    for answer, score in value.items():
        try:
            number = float(score) if isinstance(score, str) else None
        except ValueError:
            number = None
        if number is None or not 0 < number < 1:
            raise Invalid(
                f"the score of '{answer}' in '{name}' must be a number above 0 and below 1 — "
                f'e.g. "{answer}": 0.5',
                value.where(answer),
            )
        scores.append((str(answer).strip(), number))
    return tuple(scores)


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
        Field("partly", _scores, '{"LLaMA 2": 0.5}', required=False, default=()),
    )

    def grade(self, spec: QuestionSpec, answer: Any, parsed: Any = None) -> Grade:
        accepted = [spec.fields["answer"], *spec.fields["accept"]]
        match = match_text(as_text(answer), accepted, typos=spec.fields["typos"])
        if not match.ok:
            return self._partly(spec, answer) or Grade.wrong(match.normalised)
        return Grade.right(match.normalised, None if match.exact else lenient_note(match))

    def _partly(self, spec: QuestionSpec, answer: Any) -> Grade | None:
        """Part of the marks for an answer in ``partly``; None when it is in none."""
        scores = dict(spec.fields["partly"])
        if not scores:
            return None
        accepted = [spec.fields["answer"], *spec.fields["accept"]]
        match = match_text(as_text(answer), list(scores), forbidden=accepted)
        if not match.ok or match.matched is None:
            return None
        note = f"partly right — the answer is '{spec.fields['answer']}'"
        return Grade(scores[match.matched], False, match.normalised, note)

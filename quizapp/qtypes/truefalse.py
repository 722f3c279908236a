"""truefalse: a statement that is true or false.

YAML: ``answer`` (``true`` or ``false``).
Form: radio buttons named ``answer`` with values ``true`` and ``false``.
Display: ``{"name": "answer", "choices": [{"value": "true", "label": "True"}, ...]}``.
Grading: right when the given truth value is the answer; anything that is not true or false
counts as empty (``is_empty``) and, if graded anyway, as wrong.
"""

from __future__ import annotations

import random
from typing import Any

from quizapp.bank.schema import Field, boolean
from quizapp.bank.spec import QuestionSpec

from . import register
from .base import FormData, Grade, QuestionType, form_value


def truth(answer: Any) -> bool | None:
    """A stored answer as a bool: True, False, or None when it is neither."""
    if isinstance(answer, bool):
        return answer
    if isinstance(answer, str) and answer.strip().lower() in ("true", "false"):
        return answer.strip().lower() == "true"
    return None


def _label(value: bool | None) -> str:
    return "" if value is None else ("True" if value else "False")


@register
class TrueFalse(QuestionType):
    """True or false."""

    name = "truefalse"
    choice_keys = True
    fields = (Field("answer", boolean, "true"),)

    def display(self, spec: QuestionSpec, rng: random.Random) -> dict[str, Any]:
        choices = [{"value": "true", "label": "True"}, {"value": "false", "label": "False"}]
        return {"name": "answer", "choices": choices}

    def parse_form(
        self, form: FormData, spec: QuestionSpec, display: dict[str, Any] | None = None
    ) -> bool | None:
        return truth(form_value(form, "answer"))

    def is_empty(self, answer: Any) -> bool:
        return truth(answer) is None

    def guess_chance(self, spec: QuestionSpec) -> float:
        """True or false: 1/2."""
        return 0.5

    def grade(self, spec: QuestionSpec, answer: Any, parsed: Any = None) -> Grade:
        given = truth(answer)
        if given is None:
            return Grade.wrong("", "not an answer: choose true or false")
        if given == spec.fields["answer"]:
            return Grade.right(_label(given))
        return Grade.wrong(_label(given))

    def answer_text(self, spec: QuestionSpec) -> str:
        return _label(spec.fields["answer"])

    def answer_display(self, spec: QuestionSpec, answer: Any) -> str:
        return _label(truth(answer))

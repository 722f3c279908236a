"""multi: several right answers among the choices ("select all that apply").

YAML: ``choices`` (>= 2 distinct texts), ``answers`` (>= 1, all among the choices),
``shuffle`` (default true).
Form: checkboxes named ``answer`` (several values), each value a choice text.
Display: ``{"name": "answer", "choices": [...], "multiple": True}``, shuffled unless
``shuffle: false``.
Grading: partial credit = max(0, right ones selected / number of right ones − wrong ones
selected / number of wrong ones). Each right tick adds its share and each wrong tick takes
its share away, so ticking every box earns 0 whenever a wrong choice exists, however many
right ones there are. A value that is not a choice counts as a wrong selection. Correct only
when exactly the right ones are selected.
"""

from __future__ import annotations

import random
from typing import Any

from quizapp.bank.schema import Context, Field, text_list
from quizapp.bank.spec import BankError, QuestionSpec
from quizapp.bank.yamlload import YamlMap

from . import register
from .base import FormData, Grade, Part, QuestionType, as_texts, form_values
from .choice import CHOICES, SHUFFLE, choices_display, not_a_choice


def _unique(values: list[str]) -> list[str]:
    return list(dict.fromkeys(v.strip() for v in values if v.strip()))


@register
class Multi(QuestionType):
    """Several right answers; partial credit."""

    name = "multi"
    choice_keys = True
    fields = (CHOICES, Field("answers", text_list(1), "[Meta, Google DeepMind]"), SHUFFLE)

    def check(self, fields: dict[str, Any], raw: YamlMap, ctx: Context) -> list[BankError]:
        positions = raw["answers"].item_pos
        return [
            not_a_choice(answer, fields["choices"], pos, ctx)
            for answer, pos in zip(fields["answers"], positions, strict=True)
            if answer not in fields["choices"]
        ]

    def display(self, spec: QuestionSpec, rng: random.Random) -> dict[str, Any]:
        return {"name": "answer", "choices": choices_display(spec, rng), "multiple": True}

    def parse_form(
        self, form: FormData, spec: QuestionSpec, display: dict[str, Any] | None = None
    ) -> list[str]:
        return _unique(form_values(form, "answer"))

    def is_empty(self, answer: Any) -> bool:
        return not _unique(as_texts(answer))

    def guess_chance(self, spec: QuestionSpec) -> float:
        """One non-empty subset of k choices: 1/(2^k - 1)."""
        return 1 / (2 ** len(spec.fields["choices"]) - 1)

    def grade(self, spec: QuestionSpec, answer: Any, parsed: Any = None) -> Grade:
        selected = _unique(as_texts(answer))
        right_answers = set(spec.fields["answers"])
        right = sum(1 for s in selected if s in right_answers)
        wrong = len(selected) - right
        order = {c: i for i, c in enumerate(spec.fields["choices"])}
        normalised = ", ".join(sorted(selected, key=lambda s: (order.get(s, len(order)), s)))
        if set(selected) == right_answers:
            return Grade.right(normalised)
        wrong_choices = len(spec.fields["choices"]) - len(right_answers)
        score = max(0.0, right / len(right_answers) - wrong / max(wrong_choices, 1))
        note = f"{right} of {len(right_answers)} right, {wrong} wrong selected"
        return Grade(score, False, normalised, note)

    def parts(self, spec: QuestionSpec, answer: Any) -> list[Part]:
        """Each choice, in the bank's order: ticked or not, and whether it should be."""
        selected = set(_unique(as_texts(answer)))
        rights = set(spec.fields["answers"])

        def word(ticked: bool) -> str:
            return "ticked" if ticked else "not ticked"

        return [
            Part(choice, word(choice in selected), word(choice in rights),
                 (choice in selected) == (choice in rights))
            for choice in spec.fields["choices"]
        ]  # fmt: skip

    def answer_text(self, spec: QuestionSpec) -> str:
        return ", ".join(spec.fields["answers"])

    def answer_display(self, spec: QuestionSpec, answer: Any) -> str:
        return ", ".join(_unique(as_texts(answer)))

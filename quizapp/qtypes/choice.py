"""choice: one right answer among the choices.

YAML: ``choices`` (>= 2 distinct texts), ``answer`` (one of them), ``shuffle`` (default true).
Form: radio buttons named ``answer`` whose values are the choice texts.
Display: ``{"name": "answer", "choices": [...]}``, shuffled unless ``shuffle: false``.
Grading: exact — the submitted text must be the answer as written; anything else (another
choice, or a value that is not a choice at all) is wrong. No partial credit.
"""

from __future__ import annotations

import random
from typing import Any

from quizapp.bank.schema import Context, Field, boolean, did_you_mean, text, text_list
from quizapp.bank.spec import BankError, QuestionSpec
from quizapp.bank.yamlload import Pos, YamlMap

from . import register
from .base import Grade, QuestionType, as_text, shuffled

CHOICES = Field("choices", text_list(2), "[Google DeepMind, Meta, OpenAI]")
SHUFFLE = Field("shuffle", boolean, "false", required=False, default=True)


def not_a_choice(value: str, choices: tuple[str, ...], pos: Pos, ctx: Context) -> BankError:
    """The error for an answer missing from the choices, suggesting the closest choice."""
    guess = did_you_mean(value, choices, cutoff=0.6)
    fix = f"did you mean '{guess}'?" if guess else "copy it exactly from 'choices'"
    return ctx.error(pos, f"answer '{value}' is not one of the choices — {fix}")


def choices_display(spec: QuestionSpec, rng: random.Random) -> list[str]:
    """The choices in the order to show them."""
    choices = spec.fields["choices"]
    return shuffled(choices, rng) if spec.fields["shuffle"] else list(choices)


@register
class Choice(QuestionType):
    """One right answer among several choices."""

    name = "choice"
    choice_keys = True
    fields = (CHOICES, Field("answer", text, "Google DeepMind"), SHUFFLE)

    def check(self, fields: dict[str, Any], raw: YamlMap, ctx: Context) -> list[BankError]:
        if fields["answer"] in fields["choices"]:
            return []
        return [not_a_choice(fields["answer"], fields["choices"], raw.where("answer"), ctx)]

    def display(self, spec: QuestionSpec, rng: random.Random) -> dict[str, Any]:
        return {"name": "answer", "choices": choices_display(spec, rng)}

    def guess_chance(self, spec: QuestionSpec) -> float:
        """One of k choices: 1/k."""
        return 1 / len(spec.fields["choices"])

    def grade(self, spec: QuestionSpec, answer: Any, parsed: Any = None) -> Grade:
        given = as_text(answer).strip()
        if given == spec.fields["answer"]:
            return Grade.right(given)
        return Grade.wrong(given)

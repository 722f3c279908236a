"""match: pair each left-hand item with its right-hand partner (e.g. person and employer).

YAML: ``pairs`` (>= 2 one-key mappings, ``- Arthur Mensch: Google DeepMind``; left-hand
texts distinct, right-hand texts may repeat).
Form: one select per left-hand item, named ``match-0`` .. ``match-<n-1>`` in the YAML order;
the value is the chosen right-hand text.
Display: ``{"left": [{"name": "match-0", "label": ...}, ...], "options": [...]}``: the left
side in YAML order, the distinct right-hand texts shuffled.
Answer: a mapping ``{left text: chosen right text}``.
Grading: partial credit = the share of left-hand items matched to their partner. Correct only
when all are.
"""

from __future__ import annotations

import math
import random
from collections import Counter
from typing import Any

from quizapp.bank.schema import Field, Invalid, describe, is_empty
from quizapp.bank.spec import QuestionSpec
from quizapp.bank.yamlload import Pos, YamlList, YamlMap

from . import register
from .base import FormData, Grade, Part, QuestionType, as_text, as_texts, form_value, shuffled

PAIR_EXAMPLE = "'- Arthur Mensch: Google DeepMind'"


def _pair(item: Any, pos: Pos) -> tuple[str, str]:
    if not isinstance(item, YamlMap) or len(item) != 1:
        raise Invalid(f"each pair must be one 'left: right' line, e.g. {PAIR_EXAMPLE}", pos)
    ((left, right),) = item.items()
    if is_empty(right) or not isinstance(right, str) or not left.strip():
        raise Invalid(
            f"the pair '{left}' must have text on both sides, not {describe(right)} — "
            f"write e.g. {PAIR_EXAMPLE}",
            pos,
        )
    return left.strip(), right.strip()


def _pairs(value: Any, pos: Pos, name: str) -> tuple[tuple[str, str], ...]:
    if not isinstance(value, YamlList):
        raise Invalid(
            f"'{name}' must be a list, not {describe(value)} — write one {PAIR_EXAMPLE} per line"
        )
    pairs: list[tuple[str, str]] = []
    for item, item_pos in zip(value, value.item_pos, strict=True):
        left, right = _pair(item, item_pos)
        if any(left == seen for seen, _ in pairs):
            raise Invalid(f"'{left}' is listed twice in '{name}' — remove one", item_pos)
        pairs.append((left, right))
    if len(pairs) < 2:
        raise Invalid(f"'{name}' needs at least 2 items, found {len(pairs)} — add more")
    return tuple(pairs)


def _chosen(answer: Any, pairs: tuple[tuple[str, str], ...]) -> list[str]:
    """The right-hand text chosen for each pair, in YAML order ("" when none)."""
    if isinstance(answer, dict):
        return [as_text(answer.get(left)).strip() for left, _ in pairs]
    values = list(answer) if isinstance(answer, list | tuple) else []
    values += [""] * len(pairs)
    return [as_text(v).strip() for v in values[: len(pairs)]]


@register
class Match(QuestionType):
    """Pairs to match; partial credit by pair."""

    name = "match"
    lists = True
    form_fields = "match-0 .. match-<n-1>"
    fields = (Field("pairs", _pairs, "\n      - Arthur Mensch: Google DeepMind"),)

    def display(self, spec: QuestionSpec, rng: random.Random) -> dict[str, Any]:
        pairs = spec.fields["pairs"]
        left = [{"name": f"match-{i}", "label": left} for i, (left, _) in enumerate(pairs)]
        options = shuffled(list(dict.fromkeys(right for _, right in pairs)), rng)
        return {"left": left, "options": options}

    def guess_chance(self, spec: QuestionSpec) -> float:
        """One arrangement of the options over the n left items: 1/n! when they all differ."""
        rights = Counter(right for _, right in spec.fields["pairs"])
        arrangements = math.factorial(rights.total())
        for count in rights.values():
            arrangements //= math.factorial(count)
        return 1 / arrangements

    def parse_form(
        self, form: FormData, spec: QuestionSpec, display: dict[str, Any] | None = None
    ) -> dict[str, str]:
        pairs = spec.fields["pairs"]
        return {left: form_value(form, f"match-{i}").strip() for i, (left, _) in enumerate(pairs)}

    def is_empty(self, answer: Any) -> bool:
        return not any(t.strip() for t in as_texts(answer))

    def parts(self, spec: QuestionSpec, answer: Any) -> list[Part]:
        """Each left-hand item with the text chosen for it and its partner."""
        pairs = spec.fields["pairs"]
        chosen = _chosen(answer, pairs)
        return [
            Part(left, got, want, got == want)
            for (left, want), got in zip(pairs, chosen, strict=True)
        ]

    def grade(self, spec: QuestionSpec, answer: Any, parsed: Any = None) -> Grade:
        pairs = spec.fields["pairs"]
        chosen = _chosen(answer, pairs)
        right = sum(1 for part in self.parts(spec, answer) if part.ok)
        normalised = self._describe(pairs, chosen)
        note = None if right == len(pairs) else f"{right} of {len(pairs)} pairs right"
        return Grade.share(right, len(pairs), normalised, note)

    @staticmethod
    def _describe(pairs: tuple[tuple[str, str], ...], chosen: list[str]) -> str:
        return "; ".join(f"{left} → {got}" for (left, _), got in zip(pairs, chosen, strict=True))

    def answer_text(self, spec: QuestionSpec) -> str:
        pairs = spec.fields["pairs"]
        return self._describe(pairs, [right for _, right in pairs])

    def answer_display(self, spec: QuestionSpec, answer: Any) -> str:
        pairs = spec.fields["pairs"]
        return self._describe(pairs, _chosen(answer, pairs))

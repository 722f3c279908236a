"""order: put items in the right order (e.g. a timeline).

YAML: ``items`` (>= 2 distinct texts, written in the right order).
Form: one select per position, named ``order-0`` .. ``order-<n-1>``; the value of
``order-<i>`` is the text of the item the student puts at position i.
Display: ``{"items": [...shuffled, never already in order], "names": ["order-0", ...]}``.
Grading: partial credit = the share of neighbouring pairs of the right order (first and
second, second and third, ...) that the answer puts in the right relative order, whatever lies
between them. One item moved to another place therefore costs one or two pairs; a reversed
list earns 0. A missing item breaks its pairs. Correct only when the order is exactly right.
An item chosen for two positions is a slip, not an answer: it is asked again, not graded.
"""

from __future__ import annotations

import math
import random
from collections import Counter
from typing import Any

from quizapp.bank.schema import Field, text_list
from quizapp.bank.spec import QuestionSpec

from . import register
from .base import (
    FormData,
    Grade,
    Part,
    QuestionType,
    Unreadable,
    as_texts,
    form_value,
    shuffled,
)

ARROW = " → "


def _names(count: int, prefix: str) -> list[str]:
    return [f"{prefix}-{i}" for i in range(count)]


@register
class Order(QuestionType):
    """Items to put in order; partial credit by neighbouring pairs."""

    name = "order"
    lists = True
    form_fields = "order-0 .. order-<n-1>"
    fields = (Field("items", text_list(2), "[Founded, Seed round, Microsoft deal]"),)

    def display(self, spec: QuestionSpec, rng: random.Random) -> dict[str, Any]:
        items = spec.fields["items"]
        return {
            "items": shuffled(items, rng, avoid_original=True),
            "names": _names(len(items), "order"),
        }

    def guess_chance(self, spec: QuestionSpec) -> float:
        """One order of n items: 1/n!."""
        return 1 / math.factorial(len(spec.fields["items"]))

    def parse_form(
        self, form: FormData, spec: QuestionSpec, display: dict[str, Any] | None = None
    ) -> list[str]:
        names = _names(len(spec.fields["items"]), "order")
        return [form_value(form, name).strip() for name in names]

    def is_empty(self, answer: Any) -> bool:
        return not any(t.strip() for t in as_texts(answer))

    def read(self, spec: QuestionSpec, answer: Any) -> Any:
        given = [t.strip() for t in as_texts(answer) if t.strip()]
        twice = next((item for item, n in Counter(given).items() if n > 1), None)
        if twice is None:
            return answer
        return Unreadable(
            f"Each item goes in one position only, but “{twice}” is chosen more than"
            " once. Nothing was recorded; please fix the order."
        )

    def grade(self, spec: QuestionSpec, answer: Any, parsed: Any = None) -> Grade:
        items: tuple[str, ...] = spec.fields["items"]
        given = [t.strip() for t in as_texts(answer)]
        place: dict[str, int] = {}
        for index, item in enumerate(given):
            place.setdefault(item, index)
        normalised = ARROW.join(given)
        if given == list(items):
            return Grade.right(normalised)
        pairs = list(zip(items, items[1:], strict=False))
        right = sum(1 for a, b in pairs if a in place and b in place and place[a] < place[b])
        note = f"{right} of {len(pairs)} neighbouring pairs in the right order"
        return Grade(right / len(pairs), False, normalised, note)

    def parts(self, spec: QuestionSpec, answer: Any) -> list[Part]:
        """Each position with the item put there and the item that belongs there (the score
        counts neighbouring pairs: an item one place off can still keep its pairs)."""
        items: tuple[str, ...] = spec.fields["items"]
        given = ([t.strip() for t in as_texts(answer)] + [""] * len(items))[: len(items)]
        return [
            Part(f"Position {index + 1}", got, want, got == want)
            for index, (got, want) in enumerate(zip(given, items, strict=True))
        ]

    def answer_text(self, spec: QuestionSpec) -> str:
        return ARROW.join(spec.fields["items"])

    def answer_display(self, spec: QuestionSpec, answer: Any) -> str:
        return ARROW.join(t.strip() for t in as_texts(answer))

"""How drafted values are written out for readers (labels, choices, explanations)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from quizapp.drafting.distractors import shown


@pytest.mark.parametrize(
    ("kind", "key", "answer", "detail", "expected"),
    [
        ("date", "2024-02-26", "2024-02-26", None, "26 February 2024"),
        ("date", "2023-06", "2023-06", None, "June 2023"),
        ("date", "2023", "2023", None, "2023"),
        ("amount", "EUR:15000000", "15 million", "EUR", "€15 million"),
        ("amount", ":40000", "40000", None, "40000"),
        ("person", "arthur mensch", "Arthur Mensch", None, "Arthur Mensch"),
    ],
)
def test_shown(kind: str, key: str, answer: str, detail: str | None, expected: str) -> None:
    mention = SimpleNamespace(kind=kind, key=key, answer=answer, detail=detail)
    assert shown(mention) == expected  # type: ignore[arg-type]

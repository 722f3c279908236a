"""Counts, percentages and durations in running text."""

from __future__ import annotations

import pytest

from quizapp.drafting.counts import find_counts


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The round came from 97 investors.", [("97", "investors", "97")]),
        ("It employs 1,200 new engineers", [("1,200", "engineers", "1200")]),
        ("It granted Korvana a 49 % stake.", [("49 %", "%", "49")]),
        ("They hold a 70-80% market share.", [("70-80%", "%", "70-80%")]),
        ("Margins rose 12.5 per cent.", [("12.5 per cent", "%", "12.5")]),
        ("The regulator opened a two-year investigation.", [("two", "years", "2")]),
        ("a 3-month review", [("3", "months", "3")]),
    ],
)
def test_counts(text: str, expected: list[tuple[str, str, str]]) -> None:
    found = [(text[c.start : c.end], c.unit, c.answer) for c in find_counts(text)]
    assert found == expected


@pytest.mark.parametrize(
    "text",
    [
        "In 2023 investors were wary.",  # a year
        "It was 3 times bigger.",
        "Sec. 37 of the act",  # no plural noun: a section number
        "one of the people said",
        "$40 billion",
    ],
)
def test_not_counts(text: str) -> None:
    assert list(find_counts(text)) == []

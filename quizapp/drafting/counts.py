"""Counts, percentages and durations in running text: "97 investors", "a 49 % stake", "a
70-80% share", "a two-year investigation".

Sums of money and dates are ``numbers.py``'s; a count here is a number written in digits
right before a plural noun (the noun is the unit a question asks in), a percentage is a
number with "%" or "per cent", and a duration is a number or number word joined to "year",
"month", "week" or "day" ("two-year").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from .words import word_set

_WORDS = [
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
]
_RANGE = re.compile(
    r"(?<![\w.,$€£-])(?P<a>\d+(?:\.\d+)?)\s?(?:-|–|to)\s?(?P<b>\d+(?:\.\d+)?)\s?"
    r"(?:%|per ?cent\b|percent\b)"
)
_PERCENT = re.compile(r"(?<![\w.,$€£-])(?P<n>\d+(?:\.\d+)?)\s?(?:%|per ?cent\b|percent\b)")
_COUNT = re.compile(
    r"(?<![\w.,$€£/-])(?P<n>\d{1,3}(?:,\d{3})+|\d+)(?![\w.,%-])"
    r"(?: (?:new|more|other|additional|full-time|active))? (?P<unit>[a-z]{3,}s)\b"
)
_DURATION = re.compile(
    rf"(?<![\w-])(?P<n>\d+|{'|'.join(_WORDS)})-(?P<unit>year|month|week|day)(?![\w-])",
    re.IGNORECASE,
)
_NOT_UNITS = word_set("was is has as its this his does says sees thus plus percent cents times")
"""Words ending in "s" that are no counted things ("in 2023 was", "3 times")."""
_YEAR = re.compile(r"^(?:19|20)\d\d$")
_YEAR_BEFORE = re.compile(r"\b(?:in|since|by|from|of|until|before|after|early|late)\s+$", re.I)


@dataclass(frozen=True)
class Count:
    """A number found at ``start:end`` (the number only, not its unit); ``answer`` as a
    teacher writes it ("97", "49", "70-80%"), ``unit`` a plural noun, "%" or "years"."""

    start: int
    end: int
    answer: str
    unit: str
    value: Decimal | None

    @property
    def key(self) -> str:
        """A comparable key: unit and value ("investors:97", "%:70-80")."""
        return f"{self.unit}:{self.answer}"


def _number(written: str) -> Decimal:
    word = written.lower()
    return Decimal(_WORDS.index(word) + 1) if word in _WORDS else Decimal(written.replace(",", ""))


def find_counts(text: str) -> Iterator[Count]:
    """Percentage ranges, percentages, durations and counts in ``text``, in that order of
    precedence (a span one of them takes is not read again)."""
    taken: list[tuple[int, int]] = []

    def free(start: int, end: int) -> bool:
        return not any(a < end and start < b for a, b in taken)

    for match in _RANGE.finditer(text):
        taken.append(match.span())
        answer = f"{match['a']}-{match['b']}%"
        yield Count(match.start(), match.end(), answer, "%", None)
    for match in _PERCENT.finditer(text):
        if free(*match.span()):
            taken.append(match.span())
            yield Count(match.start(), match.end(), match["n"], "%", Decimal(match["n"]))
    for match in _DURATION.finditer(text):
        value = _number(match["n"])
        taken.append(match.span())
        yield Count(match.start("n"), match.end("n"), f"{value}", f"{match['unit']}s", value)
    for match in _COUNT.finditer(text):
        number, unit = match["n"], match["unit"]
        if unit in _NOT_UNITS or not free(*match.span()):
            continue
        if _YEAR.match(number) and _YEAR_BEFORE.search(text[: match.start()]):
            continue  # "in 2023 investors …": a year, not a count
        value = _number(number)
        if value > 0:
            yield Count(match.start("n"), match.end("n"), f"{value}", unit, value)

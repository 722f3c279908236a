"""date: a full date, a month, or a year.

YAML: ``answer`` (``2024-02-26``, ``26 February 2024``, ``February 2024`` or a year ``2023``;
never an ambiguous ``03/04/2024``); optional ``accept`` (other accepted dates or years, e.g.
where the articles disagree).
Form: one text input named ``answer``.
Display: ``{"name": "answer", "precision": "day" | "month" | "year"}``.
Grading: ``grading.parse_date`` reads the given text in many formats. The given date must be
as precise as the expected one and agree with it: a year-only question needs the year (a full
date in that year is accepted too); a full-date question needs day, month and year — the
right year alone earns nothing. A note says when the reading was a guess (e.g. day first).
A date inside a sentence is read ("in 2023", "on 26 Febuary 2024": a misspelt month is read
with a note); a sentence with two different dates, or a negated one, is asked again.
"""

from __future__ import annotations

import random
from typing import Any

from quizapp.bank.schema import DATE_EXAMPLES, Context, Field, Invalid, read_date, text, text_list
from quizapp.bank.spec import BankError, QuestionSpec
from quizapp.bank.yamlload import Pos, YamlMap
from quizapp.grading import ParsedDate, Several, date_in, parse_date

from . import register
from .base import Grade, QuestionType, Unreadable, as_text


def _date(value: Any, pos: Pos, name: str) -> ParsedDate:
    return read_date(text(value, pos, name))


def _dates(value: Any, pos: Pos, name: str) -> tuple[ParsedDate, ...]:
    written = text_list(1)(value, pos, name)
    dates = []
    for item, item_pos in zip(written, value.item_pos, strict=True):
        try:
            dates.append(read_date(item))
        except Invalid as exc:
            raise Invalid(exc.message, item_pos) from None
    return tuple(dates)


def precision(date: ParsedDate) -> str:
    """'day', 'month' or 'year'."""
    return "year" if date.month is None else ("month" if date.day is None else "day")


def _rank(date: ParsedDate) -> int:
    return 0 if date.month is None else (1 if date.day is None else 2)


def agrees(given: ParsedDate, expected: ParsedDate) -> bool:
    """True when ``given`` names ``expected`` at least as precisely as ``expected`` is written."""
    if given.year != expected.year or _rank(given) < _rank(expected):
        return False
    return expected.month in (None, given.month) and expected.day in (None, given.day)


@register
class Date(QuestionType):
    """A date, a month or a year."""

    name = "date"
    fields = (
        Field("answer", _date, "2024-02-26"),
        Field("accept", _dates, "[2023]", required=False, default=()),
    )

    def display(self, spec: QuestionSpec, rng: random.Random) -> dict[str, Any]:
        return {"name": "answer", "precision": precision(spec.fields["answer"])}

    def read(self, spec: QuestionSpec, answer: Any) -> ParsedDate | Unreadable:
        written = as_text(answer).strip()
        given = parse_date(written) or date_in(written)
        if isinstance(given, Several):
            return Unreadable(f"{given.message} Nothing was recorded.")
        if given is not None:
            return given
        return Unreadable(
            f"That answer is not a date we can read: {DATE_EXAMPLES}. Nothing was recorded."
        )

    def grade(self, spec: QuestionSpec, answer: Any, parsed: Any = None) -> Grade:
        given = self.read(spec, answer) if parsed is None else parsed
        if not isinstance(given, ParsedDate):
            written = as_text(answer).strip()
            return Grade.wrong(written, "could not read a date — " + DATE_EXAMPLES)
        expected = [spec.fields["answer"], *spec.fields["accept"]]
        if any(agrees(given, date) for date in expected):
            return Grade.right(str(given), given.note)
        for date in expected:
            if agrees(date, given):  # right as far as it goes, but not precise enough
                needed = "the full date" if precision(date) == "day" else "the month too"
                note = "; ".join(filter(None, [given.note, f"{needed} is needed"]))
                return Grade.wrong(str(given), note)
        return Grade.wrong(str(given), given.note)

    def check(self, fields: dict[str, Any], raw: YamlMap, ctx: Context) -> list[BankError]:
        fields["text"] = raw["answer"].strip()
        return []

    def answer_text(self, spec: QuestionSpec) -> str:
        others = ", ".join(str(date) for date in spec.fields["accept"])
        return spec.fields["text"] + (f" (also accepted: {others})" if others else "")

"""numeric: a number or a sum of money.

YAML: ``answer`` (a number as teachers write it: ``15000000``, ``15 million``,
``€15 million``); optional ``unit`` (a currency — EUR, USD, GBP, or €, $, £ — or a unit word
such as ``founders``) and ``tolerance`` (a number, or a percentage like ``"5%"``; default 0).
Form: one text input named ``answer``.
Display: ``{"name": "answer", "unit": <currency code, unit word or None>}``.
Grading: ``grading.parse_amount`` reads the given text ("15m", "€15,000,000", "15 million
euros"), or else its English number words ("three", "fifteen million"); the unit word, if
the student types it, is ignored. An answer that cannot be read as a number ("no idea",
"15 milion") is asked again, not graded. A sentence is read for its one number ("3 people",
"in 2023", "15 million Euros."); one with two different numbers ("3 or 4") or a negated one
("not 4") is asked again too.
Right when the value is within the tolerance of the answer. When the question has a
currency, a given answer in another currency is wrong, and one without a currency is read in
the question's currency.
"""

from __future__ import annotations

import random
import re
from decimal import Decimal
from typing import Any

from text_to_num import alpha2digit

from quizapp.bank.schema import Context, Field, Invalid, text
from quizapp.bank.spec import BankError, QuestionSpec
from quizapp.bank.yamlload import Pos, YamlMap
from quizapp.grading import Amount, Several, amount_in, amounts_equal, parse_amount, parse_tolerance

from . import register
from .base import Grade, QuestionType, Unreadable, as_text

NUMBER_EXAMPLES = "write e.g. 15000000, 15 million or €15 million"
GIVEN_EXAMPLES = "write e.g. 3, three, 15 million or €15 million"
"""What a student may type (number words too; a teacher's YAML takes NUMBER_EXAMPLES)."""


def _amount(value: Any, pos: Pos, name: str) -> Amount:
    written = text(value, pos, name)
    amount = parse_amount(written)
    if amount is None:
        raise Invalid(f"cannot read '{written}' as a number — {NUMBER_EXAMPLES}")
    return amount


def _tolerance(value: Any, pos: Pos, name: str) -> Decimal | str:
    tolerance = parse_tolerance(text(value, pos, name))
    if tolerance is None:
        raise Invalid(
            f"cannot read '{value}' as a tolerance — write a number like 0.5, or a percentage"
            " in quotes like '5%'"
        )
    return tolerance


def currency_of(unit: str | None) -> str | None:
    """The currency code a ``unit`` names (EUR, USD, GBP), or None for a unit word."""
    amount = parse_amount(f"1 {unit}") if unit else None
    return amount.currency if amount else None


def _without_unit(given: str, unit: str | None) -> str:
    """The given text with a unit word ("3 founders") taken out."""
    if not unit or currency_of(unit):
        return given
    for word in dict.fromkeys([unit, unit.rstrip("s")]):
        left = r"\b" if word[:1].isalnum() else ""
        right = r"\b" if word[-1:].isalnum() else ""
        given = re.sub(left + re.escape(word) + right, " ", given, flags=re.IGNORECASE)
    return given


def read_number(written: str, unit: str | None) -> Amount | Several | None:
    """The number or sum in a student's answer; None when there is none.

    Digits first ("15m", "€15,000,000", "3 founders"); failing that, English number words
    turned into digits by text2num ("three", "fifteen million euros", "two point five").
    Words are only a fallback: text2num would split "111 million" into two numbers. Last, the
    one number of a sentence ("3 people", "in 2023", "15 million Euros."): several different
    ones, or a negated one, are ``Several`` (``grading.amount_in``).
    """
    text = _without_unit(written, unit).strip()
    given = parse_amount(text)
    if given is None and text:
        given = parse_amount(alpha2digit(text, "en", threshold=0))
    if given is None and text:
        return amount_in(text)
    return given


@register
class Numeric(QuestionType):
    """A number, optionally money, with a tolerance."""

    name = "numeric"
    fields = (
        Field("answer", _amount, "15 million"),
        Field("unit", text, "EUR", required=False),
        Field("tolerance", _tolerance, "'5%'", required=False, default=Decimal(0)),
    )

    def check(self, fields: dict[str, Any], raw: YamlMap, ctx: Context) -> list[BankError]:
        answer: Amount = fields["answer"]
        currency = currency_of(fields["unit"])
        fields["text"] = raw["answer"].strip()
        if answer.currency and currency and answer.currency != currency:
            message = (
                f"the answer is in {answer.currency} but the unit is {currency} — use one currency"
            )
            return [ctx.error(raw.where("unit"), message)]
        if currency:
            fields["answer"] = Amount(answer.value, currency)
            fields["unit"] = None
        return []

    def display(self, spec: QuestionSpec, rng: random.Random) -> dict[str, Any]:
        return {"name": "answer", "unit": spec.fields["answer"].currency or spec.fields["unit"]}

    def read(self, spec: QuestionSpec, answer: Any) -> Amount | Unreadable:
        given = read_number(as_text(answer), spec.fields["unit"])
        if isinstance(given, Several):
            return Unreadable(f"{given.message} Nothing was recorded.")
        if given is not None:
            return given
        return Unreadable(
            f"That answer is not a number we can read: {GIVEN_EXAMPLES}. Nothing was recorded."
        )

    def grade(self, spec: QuestionSpec, answer: Any, parsed: Any = None) -> Grade:
        given = self.read(spec, answer) if parsed is None else parsed
        if not isinstance(given, Amount):
            written = as_text(answer).strip()
            return Grade.wrong(written, "could not read a number — " + GIVEN_EXAMPLES)
        expected: Amount = spec.fields["answer"]
        if expected.currency and given.currency and given.currency != expected.currency:
            note = f"the answer is in {expected.currency}, not {given.currency}"
            return Grade.wrong(str(given), note)
        read = Amount(given.value, given.currency or expected.currency)
        if amounts_equal(read, expected, spec.fields["tolerance"]):
            return Grade.right(str(read))
        return Grade.wrong(str(read))

    def answer_text(self, spec: QuestionSpec) -> str:
        words = [spec.fields["text"]]
        currency = spec.fields["answer"].currency
        if currency and not parse_amount(words[0]).currency:  # type: ignore[union-attr]
            words.append(currency)
        if spec.fields["unit"]:
            words.append(spec.fields["unit"])
        tolerance = spec.fields["tolerance"]
        if tolerance:
            words.append(f"(± {tolerance})")
        return " ".join(words)

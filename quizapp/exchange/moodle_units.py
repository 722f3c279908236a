"""quizapp's number leniency carried into Moodle XML as units with multipliers.

Moodle's numerical question (``qtype_numerical``) takes the spaces out of a response, reads
a number at its start and looks the rest up, exactly (case matters), in the question's
units; a known unit's multiplier converts the number into the first unit (value = number /
multiplier). With units optional (``showunits`` 0, ``unitgradingtype`` 0: "units are
optional, if entered they convert the response before grading") a bare number is graded as
it is. So "15 million", "15M", "15M€", "15 million euros" and "15000000 EUR" can be right in
Moodle as in quizapp, given a unit for each spelling: the question's own unit and its
spellings (multiplier 1), the magnitude words quizapp reads for the answer's size
("million", "m", "M"... multiplier 10^-6), and each magnitude followed by the currency.
Every unit is checked with quizapp's own reader first, so Moodle never accepts a spelling
quizapp refuses. What stays out: number words ("fifteen million", "three") and a sign
before the number ("€15m"): Moodle reads units on one side only.
"""

from __future__ import annotations

from decimal import Decimal

from quizapp.grading import parse_amount
from quizapp.grading.money import currency_symbol, currency_words, magnitude_words

from .common import number_text

POWERS = (12, 9, 6, 3)
Unit = tuple[str, Decimal]
"""A unit's name (no spaces: Moodle strips them from responses) and its multiplier."""


def _cases(word: str) -> list[str]:
    """How people write a spelling: as listed, Capitalised, and abbreviations in capitals."""
    forms = [word, word.capitalize() if len(word) > 3 else word.upper()]
    return list(dict.fromkeys(f.replace(" ", "") for f in forms))


def _base(unit: str, currency: str | None) -> list[str]:
    """The question's unit first, then its other spellings (all multiplier 1)."""
    if currency:
        words = [w for w in currency_words(currency) if " " not in w]
        return list(dict.fromkeys([currency, currency_symbol(currency)]
                                  + [f for w in words for f in _cases(w)]))  # fmt: skip
    singular = unit[:-1] if unit.endswith("s") and len(unit) > 1 else unit
    return list(dict.fromkeys([unit, *_cases(unit), *_cases(singular)]))


def _power(value: Decimal) -> int | None:
    """The magnitude people would use for ``value`` (15000000 -> 6), if any."""
    return next((p for p in POWERS if abs(value) >= Decimal(10) ** p), None)


def _reads_as(text: str, power: int, currency: str | None) -> bool:
    """True when quizapp reads ``text`` ("1 million euros") as 10**power in ``currency``."""
    amount = parse_amount(text)
    return (
        amount is not None and amount.value == Decimal(10) ** power
        and amount.currency in (None, currency)
    )  # fmt: skip


def _suffixes(unit: str, currency: str | None) -> list[str]:
    """What may follow a magnitude: nothing, the code, the symbol, the plural word."""
    if not currency:
        return [""]
    plural = [w for w in currency_words(currency) if w.endswith("s") and " " not in w][:1]
    return list(dict.fromkeys(["", currency, currency_symbol(currency), *plural]))


def moodle_units(value: Decimal, unit: str | None, currency: str | None) -> list[Unit]:
    """The units a numeric question with answer ``value`` gets in Moodle XML; [] if none.

    Only a question with a unit gets units: Moodle shows the right answer with the first
    unit, so the first must be the question's own (multiplier 1).
    """
    if not unit:
        return []
    units: list[Unit] = [(name, Decimal(1)) for name in _base(unit, currency)]
    power = _power(value)
    if power is not None:
        multiplier = Decimal(10) ** -power
        for word in magnitude_words(power):
            for suffix in _suffixes(unit, currency):
                if _reads_as(f"1 {word} {suffix}".strip(), power, currency):
                    units += [(form + suffix, multiplier) for form in _cases(word)]
    return list(dict(reversed(units)).items())[::-1]


def note(value: Decimal, units: list[Unit], currency: str | None) -> str:
    """What Moodle still reads otherwise than quizapp, with examples of what it now takes."""
    scaled = [(n, m) for n, m in units if m != 1]
    symbol = currency_symbol(currency) if currency else ""
    with_symbol = sorted((u for u in scaled if symbol and u[0].endswith(symbol)), key=len)
    picked = [units[0], *scaled[:1], *[u for u in with_symbol if len(u[0]) <= 3][:1]]
    examples = [f"{number_text(value * m)} {n}" for n, m in picked]
    missing = "number words ('fifteen million', 'three')"
    if currency:
        missing += f" and a currency sign before the number ('{symbol}15m')"
    shown = ", ".join(f"'{e}'" for e in examples)
    return (
        f"Moodle reads digits with an optional unit after them ({shown}); {missing},"
        " which quizapp accepts, are wrong there"
    )

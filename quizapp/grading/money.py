"""Numbers and money: read "€15 million", "15m euros", "EUR 15,000,000" or "15 000 000 €" alike.

What parses (anything else gives None, never an exception):

* an optional sign, a number, an optional magnitude and an optional currency before and/or
  after it (the same one if both): "$111M", "111 million dollars", "£2.5bn", "15 M€",
  "1,5 milliard d'euros", "15 millions de dollars";
* magnitudes: thousand/k/mille, million/m/mn/mio/mln, billion/bn/b/milliard/md/mrd,
  trillion/tn — always the short scale, so "billion" is 10**9 even in French text;
* currencies: € eur euro(s) -> EUR; $ us$ usd dollar(s) -> USD; £ gbp pound(s) sterling -> GBP;
* separators: thousands as comma, space (any Unicode space), apostrophe, underscore, or dot
  when repeated ("15.000.000"); the decimal mark is a dot, or a comma that cannot be a
  thousands separator ("1,5", "3,14"). A single comma before exactly three digits is a
  thousands separator ("15,000"); a single dot is always decimal ("15.000" is 15).

Not parsed: scientific notation, fractions, percentages, ranges and other units or words.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Context, Decimal, localcontext

from .text import MAX_ANSWER_LENGTH


@dataclass(frozen=True)
class Amount:
    """A number, with the currency it was given in ('EUR', 'USD', 'GBP') or None."""

    value: Decimal
    currency: str | None

    def __str__(self) -> str:
        number = f"{self.value:,f}"
        return f"{self.currency} {number}" if self.currency else number


_MAGNITUDES = {
    "thousand": 3, "thousands": 3, "k": 3, "mille": 3,
    "million": 6, "millions": 6, "m": 6, "mn": 6, "mio": 6, "mln": 6,
    "billion": 9, "billions": 9, "bn": 9, "b": 9, "bln": 9,
    "milliard": 9, "milliards": 9, "md": 9, "mds": 9, "mrd": 9,
    "trillion": 12, "trillions": 12, "tn": 12,
}  # fmt: skip
_CURRENCIES = {
    "€": "EUR", "eur": "EUR", "euro": "EUR", "euros": "EUR",
    "$": "USD", "us$": "USD", "usd": "USD", "dollar": "USD", "dollars": "USD",
    "us dollar": "USD", "us dollars": "USD",
    "£": "GBP", "gbp": "GBP", "pound": "GBP", "pounds": "GBP", "sterling": "GBP",
    "pound sterling": "GBP", "pounds sterling": "GBP",
}  # fmt: skip


def magnitude_words(power: int) -> list[str]:
    """The magnitude words read as ``10**power`` ("million", "m", "mln"... for 6)."""
    return [word for word, found in _MAGNITUDES.items() if found == power]


def currency_words(code: str) -> list[str]:
    """The spellings read as the currency ``code`` ("€", "eur", "euro", "euros" for EUR)."""
    return [word for word, found in _CURRENCIES.items() if found == code]


def currency_symbol(code: str) -> str:
    """The sign written for the currency ``code`` ("€" for EUR), else the code itself."""
    return next((word for word in currency_words(code) if not word[0].isalpha()), code)


def _alternation(words: dict[str, object]) -> str:
    """Regex alternation, longest first, words not followed by another letter."""
    parts = [re.escape(w) + (r"(?![a-z])" if w[-1].isalpha() else "") for w in words]
    return "|".join(sorted(parts, key=len, reverse=True))


_CUR = _alternation(_CURRENCIES)
AMOUNT_WORDS = frozenset(w for w in [*_MAGNITUDES, *_CURRENCIES] if w.isalpha() and len(w) >= 4)
"""Magnitude and currency words ("million", "euros"): a word close to one is a slip in it."""
_AMOUNT = re.compile(
    rf"""(?P<pre>{_CUR})?\s*(?P<sign>[-+])?\s*(?P<pre2>{_CUR})?\s*
    (?P<num>[0-9](?:[0-9.,'_ ]*[0-9])?|\.[0-9]+)\s*
    (?P<mag>{_alternation(_MAGNITUDES)})?\s*
    (?:(?:de|d')\s*(?=[a-z]))?(?P<post>{_CUR})?""",
    re.VERBOSE,
)
_AMOUNT_IN_TEXT = re.compile(
    rf"""(?<![a-z0-9])(?<![a-z]-)(?:(?:{_CUR})\s*)?[0-9](?:[0-9.,'_]*[0-9])?(?![0-9])
    (?:\s*(?:{_alternation(_MAGNITUDES)}))?(?:\s*(?:(?:de|d')\s*)?(?:{_CUR}))?(?![a-z0-9])""",
    re.VERBOSE,
)
"""A number in a sentence, with its currency and magnitude: "15 million euros" in "It was
15 million euros."; spaces inside a number are not read here (only a whole answer's are)."""
_PRECISION = 2 * MAX_ANSWER_LENGTH
_EXACT = Context(prec=_PRECISION)
"""Enough digits for any number that fits in an answer, so arithmetic never rounds."""
_TYPOGRAPHY = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "−": "-", "–": "-", "‐": "-"})
_GROUPS = re.compile(r"[0-9]{1,3}(?:([,. '_])[0-9]{3})?(?:\1[0-9]{3})*")


def _number(text: str) -> Decimal | None:
    """Read digits with thousands separators and at most one decimal mark."""
    separators = [ch for ch in text if not ch.isdigit()]
    decimal_mark = None
    if "." in separators and "," in separators:
        decimal_mark = separators[-1]
    elif separators.count(".") == 1:
        decimal_mark = "."
    elif separators.count(",") == 1:
        after = text.rpartition(",")[2]
        if len(after) != 3 or len(set(separators)) > 1:
            decimal_mark = ","
    whole, fraction = text, ""
    if decimal_mark:
        whole, _, fraction = text.rpartition(decimal_mark)
        if not fraction.isdigit():
            return None
    if whole and not (whole.isdigit() or _GROUPS.fullmatch(whole)):
        return None
    digits = "".join(ch for ch in whole if ch.isdigit()) or "0"
    return Decimal(f"{digits}.{fraction}" if fraction else digits)


def _tidy(number: Decimal) -> Decimal:
    """Drop a zero fraction ("15.0" -> 15) so equal whole amounts also print alike."""
    with localcontext(_EXACT):
        if number.adjusted() < _PRECISION and number == number.to_integral_value():
            return number.quantize(Decimal(1))
    return number


def _from_number(value: int | float | Decimal) -> Amount | None:
    if isinstance(value, bool):
        return None
    number = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    return Amount(_tidy(number), None) if number.is_finite() else None


def parse_amount(text: str | int | float | Decimal) -> Amount | None:
    """Parse a number or sum of money; None for anything unparseable (never raises)."""
    try:
        if isinstance(text, int | float | Decimal):
            return _from_number(text)
        if not isinstance(text, str) or len(text) > MAX_ANSWER_LENGTH:
            return None
        clean = unicodedata.normalize("NFKC", text).casefold().translate(_TYPOGRAPHY)
        match = _AMOUNT.fullmatch(" ".join(clean.split()))
        if not match or (match["pre"] and match["pre2"]):
            return None
        currencies = {_CURRENCIES[c] for c in (match["pre"], match["pre2"], match["post"]) if c}
        number = _number(match["num"])
        if number is None or len(currencies) > 1:
            return None
        if match["mag"]:
            number = number.scaleb(_MAGNITUDES[match["mag"]], _EXACT)
        if match["sign"] == "-":
            number = number.copy_negate()
        return Amount(_tidy(number), currencies.pop() if currencies else None)
    except (ArithmeticError, ValueError):
        return None


def amounts_in(text: str) -> list[Amount]:
    """Every number or sum written in digits inside ``text`` ("in 2023" -> 2023, "15 million
    Euros." -> EUR 15000000), in order; [] when there is none (never raises)."""
    if not isinstance(text, str) or len(text) > MAX_ANSWER_LENGTH:
        return []
    clean = unicodedata.normalize("NFKC", text).casefold().translate(_TYPOGRAPHY)
    found = (parse_amount(m[0]) for m in _AMOUNT_IN_TEXT.finditer(" ".join(clean.split())))
    return [amount for amount in found if amount is not None]


def parse_tolerance(value: object) -> Decimal | str | None:
    """Normalise a question's ``tolerance``: a number or amount is absolute, "5%" relative.

    Returns Decimal (absolute, None counts as 0) or a string like "5%"; None means invalid
    (negative, not a number, a boolean).
    """
    if value is None:
        return Decimal(0)
    if isinstance(value, str) and value.strip().endswith("%"):
        amount = parse_amount(value.strip()[:-1])
        if amount is None or amount.currency or amount.value < 0:
            return None
        return f"{amount.value.normalize():f}%"
    amount = parse_amount(value)  # type: ignore[arg-type]
    if amount is None or amount.value < 0:
        return None
    return amount.value


def amounts_equal(a: Amount, b: Amount, tolerance: Decimal | str | None) -> bool:
    """True when ``a`` is within ``tolerance`` of ``b`` (the expected amount).

    Two different currencies are never equal; a missing currency matches any. A percentage
    tolerance is relative to ``b``. An invalid tolerance counts as 0.
    """
    if a.currency and b.currency and a.currency != b.currency:
        return False
    limit = parse_tolerance(tolerance)
    try:
        with localcontext(_EXACT):
            if isinstance(limit, str):
                limit = abs(b.value) * Decimal(limit[:-1]) / 100
            return abs(a.value - b.value) <= (limit or 0)
    except ArithmeticError:
        return False

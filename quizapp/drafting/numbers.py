"""Money amounts and dates in running text, read with ``quizapp.grading``'s own parsers.

Regular expressions only find candidate spans ("$111 million", "26 February 2024",
"in 2023"); ``grading.parse_amount`` and ``grading.parse_date`` decide what they mean, so
the drafts and the grader can never disagree about a value.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from quizapp.grading import Amount, ParsedDate, parse_amount, parse_date

from .words import word_set

_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:[.,]\d+)?"
_MAG = r"(?:thousand|million|billion|trillion|bn|mn|m|b|k)\b"
_PRE = r"US\$|[€$£]|(?:USD|EUR|GBP)\s"
_POST = r"(?:US\s)?dollars?\b|euros?\b|pounds?(?:\ssterling)?\b|(?:USD|EUR|GBP)\b|€"
_AMOUNT = re.compile(
    rf"(?<![\w$€£.,])(?:(?:{_PRE})\s?(?:{_NUM})(?:\s?{_MAG})?(?:\s(?:{_POST}))?"
    rf"|(?:{_NUM})(?:\s?{_MAG})?\s?(?:{_POST}))",
    re.IGNORECASE,
)

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d{2}"
_DATE = re.compile(
    rf"(?<![\w/.-])(?:"
    rf"(?P<iso>{_YEAR}-\d{{2}}-\d{{2}})"
    rf"|(?P<dmy>{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR})"
    rf"|(?P<mdy>{_MONTH}\s+{_DAY},?\s+{_YEAR})"
    rf"|(?P<my>{_MONTH}\s+{_YEAR})"
    rf"|(?P<dm>{_DAY}\s+(?:of\s+)?{_MONTH}|{_MONTH}\s+{_DAY})"
    rf"|(?P<mo>{_MONTH})(?=[\s,;:)]|\.?$|\.\s)"
    rf"|(?P<year>{_YEAR})"
    rf")(?![\w/%-]|[.,]\d)"
)
_YEAR_CUES = word_set(
    "in since by of from until till before after early late mid year around circa during "
    "throughout to between spring summer autumn fall winter end beginning start"
)
"""A bare year counts only after one of these words ("in 2023", "since 2020")."""
_NOT_PLURALS = word_set("was is has as its this his does says sees thus plus")
_NEXT_WORD = re.compile(r" ([A-Za-z]+)\b")


@dataclass(frozen=True)
class Found:
    """A value found at ``start:end`` of a text; ``surface`` is the text as written."""

    start: int
    end: int
    surface: str
    value: Amount | ParsedDate
    inferred_year: bool = False


def find_amounts(text: str) -> Iterator[Found]:
    """Sums of money with a currency (and an optional magnitude) in ``text``."""
    for match in _AMOUNT.finditer(text):
        surface = match.group().strip()
        amount = parse_amount(surface)
        if amount is not None and amount.currency and amount.value > 0:
            yield Found(match.start(), match.start() + len(surface), surface, amount)


def _year_cued(text: str, start: int, end: int) -> bool:
    """A bare year needs a cue word before it and no plural noun after ("of 2000 GPUs")."""
    before = text[max(0, start - 30) : start].split()
    after = _NEXT_WORD.match(text, end)
    if after and after.group(1).endswith("s") and after.group(1).lower() not in _NOT_PLURALS:
        return False
    return bool(before) and before[-1].lower().strip("(,") in _YEAR_CUES


_MONTH_CUES = word_set("in since until till by from during early late mid before after")


def _month_cued(text: str, start: int) -> bool:
    """A month alone counts only after "in", "since", "until"... ("In February", not "May")."""
    before = text[max(0, start - 12) : start].split()
    return bool(before) and before[-1].lower() in _MONTH_CUES


_FUTURE_CUES = re.compile(r"\b(?:until|by|till|next|will|deadline)\b[^.]{0,30}$", re.IGNORECASE)


def _year_for(month: int, day: bool, before: str, default_year: int, ref_month: int | None) -> int:
    """The year of a month written without one, seen from the article's date.

    A day and month ("Oct. 4") is the nearest such day; a month alone ("in November") is
    the latest one not after the article's month, unless the words before it look ahead
    ("until", "will", "by"), then the next one.
    """
    if ref_month is None:
        return default_year
    if day:
        ahead = (month - ref_month) % 12
        return (
            default_year + (1 if month < ref_month else 0)
            if ahead <= 6
            else (default_year - (1 if month > ref_month else 0))
        )
    if _FUTURE_CUES.search(before):
        return default_year + (1 if month < ref_month else 0)
    return default_year - (1 if month > ref_month else 0)


def find_dates(
    text: str, default_year: int | None = None, ref_month: int | None = None
) -> Iterator[Found]:
    """Dates, months and years in ``text``.

    A day and month ("February 26th") or a month after "in", "since", "until"... ("In
    February") without a year take it from the article's date: ``default_year`` and,
    when known, ``ref_month`` (see ``_year_for``); they are skipped when there is none. A
    bare year needs a cue word before it.
    """
    for match in _DATE.finditer(text):
        surface = match.group()
        inferred = False
        if match["year"] and not _year_cued(text, match.start(), match.end()):
            continue
        if match["mo"] and not _month_cued(text, match.start()):
            continue
        if match["dm"] or match["mo"]:
            if default_year is None:
                continue
            month = parse_date(f"{surface.replace('.', '')} 2000")
            if month is None or month.month is None:
                continue
            year = _year_for(month.month, bool(match["dm"]), text[: match.start()],
                             default_year, ref_month)  # fmt: skip
            parsed = parse_date(f"{surface.replace('.', '')} {year}")
            inferred = True
            if match["mo"] and surface.endswith(".") and len(surface) > 5:  # "in November."
                surface = surface[:-1]
        else:
            parsed = parse_date(surface.replace(".", "") if not match["iso"] else surface)
        if parsed is not None:
            yield Found(match.start(), match.start() + len(surface), surface, parsed, inferred)


_WEEKDAY = re.compile(
    r"\b(?:on |said |announced |last )?"
    r"(?P<day>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
)
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def find_weekdays(text: str, article_date: str | None) -> Iterator[Found]:
    """ "on Monday", "said Thursday": the latest such day on or before the article's date,
    when that date is known to the day (news reports the week's events)."""
    if not article_date or len(article_date) != 10:
        return
    day = datetime.date.fromisoformat(article_date)
    for match in _WEEKDAY.finditer(text):
        back = (day.weekday() - _WEEKDAYS.index(match["day"])) % 7
        date = day - datetime.timedelta(days=back)
        parsed = parse_date(date.isoformat())
        if parsed is not None:
            yield Found(match.start("day"), match.end("day"), match["day"], parsed, True)


def amount_words(value: Decimal) -> str:
    """An amount the way a teacher writes it: "15 million", "2.5 billion", "40000"."""
    for power, word in ((12, "trillion"), (9, "billion"), (6, "million")):
        scaled = value.scaleb(-power)
        if abs(scaled) >= 1 and scaled == round(scaled, 3):
            return f"{scaled.normalize():f} {word}"
    return f"{value.normalize():f}"


def amount_key(amount: Amount) -> str:
    """A comparable key for an amount: currency and exact value."""
    return f"{amount.currency or ''}:{amount.value.normalize():f}"


def date_key(date: ParsedDate) -> str:
    """A comparable key for a date at its own precision ("2024", "2024-02", "2024-02-26")."""
    return str(date)

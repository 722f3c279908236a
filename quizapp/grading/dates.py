"""Dates: read "26 February 2024", "Feb 26, 2024", "2024-02-26", "26/02/2024" or "2024" alike.

What parses (anything else, and any impossible date, gives None, never an exception):

* year first, numeric: "2024-02-26", "2024/2/26", "2024.02.26", "2024-02" (a month);
* numeric day first: "26/02/2024", "26.02.2024", "26-02-2024", "02/2024" (a month). When both
  first numbers could be a month the day-first reading is kept and noted; when only the
  month-first reading is possible ("02/26/2024") it is taken, with a note. Two-digit years
  read 00-69 as 2000-2069 and 70-99 as 1970-1999, with a note;
* words, in English or French, case and accents ignored, ordinals ("26th", "1er") and a
  weekday allowed: "26 February 2024", "Feb 26, 2024", "the 26th of February 2024",
  "le 1er mars 2024", "February 2024" (a month), "2024" (a year);
* an int (a year) or a ``datetime.date`` (YAML reads an unquoted 2024-02-26 as one).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from .text import MAX_ANSWER_LENGTH, strip_marks


@dataclass(frozen=True)
class ParsedDate:
    """A year, a month of a year, or a day; ``note`` explains a guess and is not compared."""

    year: int
    month: int | None
    day: int | None
    note: str | None = field(default=None, compare=False)

    def __str__(self) -> str:
        """ISO text at the date's precision: "2024", "2024-02" or "2024-02-26"."""
        parts = [f"{self.year:04d}", self.month, self.day]
        return "-".join(p if isinstance(p, str) else f"{p:02d}" for p in parts if p is not None)


MONTH_WORDS = {
    **dict.fromkeys(["january", "jan", "janvier", "janv"], 1),
    **dict.fromkeys(["february", "feb", "fevrier", "fev", "fevr"], 2),
    **dict.fromkeys(["march", "mar", "mars"], 3),
    **dict.fromkeys(["april", "apr", "avril", "avr"], 4),
    **dict.fromkeys(["may", "mai"], 5),
    **dict.fromkeys(["june", "jun", "juin"], 6),
    **dict.fromkeys(["july", "jul", "juillet", "juil"], 7),
    **dict.fromkeys(["august", "aug", "aout"], 8),
    **dict.fromkeys(["september", "sep", "sept", "septembre"], 9),
    **dict.fromkeys(["october", "oct", "octobre"], 10),
    **dict.fromkeys(["november", "nov", "novembre"], 11),
    **dict.fromkeys(["december", "dec", "decembre"], 12),
}
MONTH_NAMES = (
    "", "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
"""English month names by number (``MONTH_NAMES[2] == "February"``), for writing dates out."""
FILLERS = frozenset(
    ["the", "of", "on", "le", "de", "du"]
    + ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
    + ["mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun"]
    + ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
)
"""Words ignored around a worded date; a weekday is not checked against the date."""
_YEAR_FIRST = re.compile(r"([0-9]{4})([-/.])([0-9]{1,2})(?:\2([0-9]{1,2}))?")
_DAY_FIRST = re.compile(r"([0-9]{1,2})([-/.])([0-9]{1,2})\2([0-9]{4}|[0-9]{2})")
_MONTH_YEAR = re.compile(r"([0-9]{1,2})[-/.]([0-9]{4})")
_DAY = re.compile(r"([0-9]{1,2})(?:st|nd|rd|th|er|e|eme)?")
_YEAR = re.compile(r"[0-9]{4}")
_SPACED_SEPARATOR = re.compile(r" ?([-/.]) ?")


def _make(
    year: int, month: int | None, day: int | None, note: str | None = None
) -> ParsedDate | None:
    """Build a ParsedDate, or None when no such date exists (31 February, month 13)."""
    try:
        dt.date(year, 1 if month is None else month, 1 if day is None else day)
    except ValueError:
        return None
    return ParsedDate(year, month, day, note)


def _spoken(year: int, month: int, day: int) -> str:
    return f"{day} {MONTH_NAMES[month]} {year}"


def _numeric(text: str) -> ParsedDate | None:
    """Dates written with digits and one kind of separator."""
    if match := _YEAR_FIRST.fullmatch(text):
        day = int(match[4]) if match[4] else None
        return _make(int(match[1]), int(match[3]), day)
    if match := _MONTH_YEAR.fullmatch(text):
        return _make(int(match[2]), int(match[1]), None)
    match = _DAY_FIRST.fullmatch(text)
    if not match:
        return None
    first, second, year = int(match[1]), int(match[3]), int(match[4])
    notes = []
    if len(match[4]) == 2:
        year += 2000 if year < 70 else 1900
        notes.append(f"read the year {match[4]} as {year}")
    day, month = first, second
    if month > 12 >= day:
        day, month = second, first
        notes.append(f"read {text} as {_spoken(year, month, day)} (month first)")
    elif first <= 12 and first != second and _make(year, month, day):
        notes.append(f"read {text} as {_spoken(year, month, day)} (day first)")
    return _make(year, month, day, "; ".join(notes) or None)


def words_of(text: str) -> list[str]:
    """Lowercase unaccented words and numbers; "26th" stays one word (an ordinal)."""
    return "".join(ch if ch.isalnum() else " " for ch in strip_marks(text)).split()


def _worded(text: str) -> ParsedDate | None:
    """Dates with a month name: day month year, month day year, month year, or a year."""
    words = [w for w in words_of(text) if w not in FILLERS]
    months = [i for i, w in enumerate(words) if w in MONTH_WORDS]
    if len(words) == 1 and _YEAR.fullmatch(words[0]):
        return _make(int(words[0]), None, None)
    if len(months) != 1 or not _YEAR.fullmatch(words[-1]) or len(words) not in (2, 3):
        return None
    month, year = MONTH_WORDS[words[months[0]]], int(words[-1])
    if len(words) == 2:
        return _make(year, month, None) if months == [0] else None
    day = _DAY.fullmatch(words[1 - months[0]])
    return _make(year, month, int(day[1])) if day else None


def parse_date(text: str | int | dt.date) -> ParsedDate | None:
    """Parse a date, a month or a year; None when unreadable or impossible (never raises)."""
    if isinstance(text, dt.date):
        return ParsedDate(text.year, text.month, text.day, None)
    if isinstance(text, int) and not isinstance(text, bool):
        return _make(text, None, None) if 0 < text < 10_000 else None
    if not isinstance(text, str) or len(text) > MAX_ANSWER_LENGTH:
        return None
    clean = " ".join(text.split())
    return _numeric(_SPACED_SEPARATOR.sub(r"\1", clean)) or _worded(clean)

"""Numbers and dates inside a sentence: "in 2023", "3 people", "15 million Euros.",
"It launched on 26 Febuary 2024".

The types read an answer whole first (``money.parse_amount``, ``dates.parse_date``); only
when that fails do they look inside it here. A sentence is read when it holds one value: the
same value written twice ("€15m (15 million euros)") is one; two different values ("3 or
4", "2022 or 2023") or a negation ("not 2022") are :class:`Several`, and the student is asked
which they mean rather than marked. A misspelt month name ("Febuary", "Feburary") is read
when the rest is a date, with a note saying how it was read; a real English word ("match")
is never taken for a month.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz.distance import OSA
from text_to_num import alpha2digit

from .dates import FILLERS, MONTH_NAMES, MONTH_WORDS, ParsedDate, parse_date, words_of
from .money import AMOUNT_WORDS, Amount, amounts_in
from .text import MAX_ANSWER_LENGTH
from .words import english_words

NEGATIONS = frozenset(
    {"not", "no", "never", "nor", "neither", "isn", "wasn", "weren", "aren", "didn", "doesn"}
)
"""Words that deny the value next to them ("isn" is what "isn't" becomes as words)."""
_FULL_MONTHS = {w: n for w, n in MONTH_WORDS.items() if len(w) >= 5}
"""Month names long enough that one slip cannot make another month: the fuzzy targets."""
_DATE_TOKEN = re.compile(r"[0-9]{1,2}(?:st|nd|rd|th|er|e|eme)?|[0-9]{4}")


@dataclass(frozen=True)
class Several:
    """A sentence that names more than one value, or denies one: ask which is meant."""

    message: str


def _negated(words: list[str]) -> bool:
    return any(w in NEGATIONS or w.endswith("nt") and w[:-2] + "n" in NEGATIONS for w in words)


def _misspelt_amount_word(word: str) -> bool:
    """True for a slip in "million", "euros"...: one or two edits, and no English word."""
    if word in AMOUNT_WORDS or len(word) < 4 or word in english_words():
        return False
    return any(OSA.distance(word, known, score_cutoff=2) <= 2 for known in AMOUNT_WORDS)


def _number_words(text: str) -> str:
    """Number words as digits ("three people" -> "3 people"); text2num only as a fallback, as
    it splits "15 million" into two numbers."""
    try:
        return alpha2digit(text, "en", threshold=0)
    except (ValueError, IndexError):  # text2num on odd input
        return text


def amount_in(text: str) -> Amount | Several | None:
    """The one number or sum in a sentence (number words read too: "three people"); None when
    there is none."""
    if not isinstance(text, str) or len(text) > MAX_ANSWER_LENGTH:
        return None
    words = words_of(text)
    if any(_misspelt_amount_word(w) for w in words):
        return None  # "15 milion": not 15, a slip to point out
    found = list(dict.fromkeys(amounts_in(text) or amounts_in(_number_words(text))))
    if _negated(words) and found:
        return Several("Give the number itself, not what it is not.")
    if len(found) > 1:
        return Several("Give one number: that answer has several.")
    return found[0] if found else None


def _month(word: str) -> tuple[int, str | None] | None:
    """The month a word names, and a note when it is a misspelling; None for other words."""
    if word in MONTH_WORDS:
        return MONTH_WORDS[word], None
    if len(word) < 5 or not word.isalpha() or word in english_words():
        return None
    close = {
        number
        for name, number in _FULL_MONTHS.items()
        if OSA.distance(word, name) <= (1 if len(name) <= 6 else 2)
    }
    if len(close) != 1:
        return None
    number = close.pop()
    return number, f"read '{word}' as {MONTH_NAMES[number]}"


def date_in(text: str) -> ParsedDate | Several | None:
    """The one date, month or year in a sentence ("in 2023", "on 26 Febuary 2024"); None when
    there is none."""
    if not isinstance(text, str) or len(text) > MAX_ANSWER_LENGTH:
        return None
    words = words_of(text)
    runs: list[list[str]] = [[]]
    notes: list[str] = []
    for word in words:
        month = _month(word)
        if month is not None:
            runs[-1].append(MONTH_NAMES[month[0]].lower())
            notes += [month[1]] if month[1] else []
        elif _DATE_TOKEN.fullmatch(word) or (word in FILLERS and runs[-1]):
            runs[-1].append(word)
        elif runs[-1]:
            runs.append([])
    dates = [parse_date(" ".join(run)) for run in runs if run]
    found = list(dict.fromkeys(d for d in dates if d is not None))
    if _negated(words) and found:
        return Several("Give the date itself, not what it is not.")
    if len(found) > 1:
        return Several("Give one date: that answer has several.")
    if not found:
        return None
    date = found[0]
    note = "; ".join(filter(None, [*notes, date.note]))
    return ParsedDate(date.year, date.month, date.day, note or None)

"""Text answers: fold free text to a comparable form and match it with bounded typo tolerance.

Rules (the grading tables in tests/grading/test_grading_text.py pin each one down):

* ``fold`` makes case, accents, punctuation, spacing and leading articles irrelevant. Both the
  given and the accepted answers are folded, so dropping an article is safe: "Le Chat" and
  "Chat" both fold to "chat". Authors must not offer two choices that fold the same way.
* Typo tolerance is an optimal-string-alignment distance (Levenshtein where swapping two
  adjacent letters counts as one edit) of at most ``typo_budget`` of the accepted answer.
* Word order is ignored for multi-word answers ("Mensch Arthur" matches "Arthur Mensch"),
  but only as a lenient, non-exact match.
* Numbers are never typo-tolerated: "GPT-5" does not match "GPT-4" whatever the budget.
* A lenient match is refused when the given text is at least as close to a ``forbidden``
  answer (typically another choice of the same question) as to the accepted one.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz.distance import OSA

MAX_ANSWER_LENGTH: int = 500
"""Longest raw answer graded at all; longer text never matches and never parses."""

ARTICLES = frozenset({"the", "a", "an", "le", "la", "les", "l", "un", "une"})
"""Leading words dropped by ``fold`` ("l" is what "l'" becomes once punctuation is a space)."""

# Letters that Unicode decomposition leaves alone but a reader treats as plain Latin.
_LATIN = str.maketrans(
    {
        "æ": "ae",
        "œ": "oe",
        "ø": "o",
        "đ": "d",
        "ð": "d",
        "ł": "l",
        "þ": "th",
        "ı": "i",
        "ŀ": "l",
    }
)
_DIGITS = re.compile(r"[0-9]+")


def strip_marks(text: str) -> str:
    """Decompose (NFKD), casefold and drop combining marks: "Élysée" -> "elysee"."""
    text = unicodedata.normalize("NFKD", unicodedata.normalize("NFKD", text).casefold())
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return text.translate(_LATIN)


def fold(text: str) -> str:
    """Reduce ``text`` to lowercase unaccented words separated by single spaces.

    Punctuation and symbols (quotes and dashes of any kind included) become spaces, and
    leading articles (the, a, an, le, la, les, l', un, une) are dropped unless nothing else
    is left. Idempotent: ``fold(fold(x)) == fold(x)``.
    """
    plain = strip_marks(str(text))
    words = "".join(ch if ch.isalnum() else " " for ch in plain).split()
    while len(words) > 1 and words[0] in ARTICLES:
        words.pop(0)
    return " ".join(words)


def typo_budget(folded_answer: str) -> int:
    """Edits tolerated against an accepted answer, by its letters and digits (spaces ignored).

    Strict for short answers, where one edit often yields another real word:
    up to 4 characters 0 ("Meta"), up to 8 one ("Mensch"), up to 14 two, longer three.
    """
    size = sum(1 for ch in folded_answer if not ch.isspace())
    if size <= 4:
        return 0
    if size <= 8:
        return 1
    if size <= 14:
        return 2
    return 3


@dataclass(frozen=True)
class TextMatch:
    """Outcome of ``match_text``.

    ``normalised`` is the folded given text; ``matched`` the accepted answer as written
    (None when nothing matched); ``exact`` is true only when the folded texts are equal.
    """

    ok: bool
    normalised: str
    matched: str | None
    exact: bool


def _sorted_words(folded: str) -> str:
    return " ".join(sorted(folded.split()))


def _distance(given: str, answer: str, cutoff: int | None = None) -> int:
    """Edits between two folded texts, word order ignored; above ``cutoff`` means "too far"."""
    plain = OSA.distance(given, answer, score_cutoff=cutoff)
    if plain == 0 or " " not in given + answer:
        return plain
    shuffled = OSA.distance(_sorted_words(given), _sorted_words(answer), score_cutoff=cutoff)
    return min(plain, shuffled)


def _same_numbers(given: str, answer: str) -> bool:
    return sorted(_DIGITS.findall(given)) == sorted(_DIGITS.findall(answer))


def match_text(
    given: str,
    accepted: Sequence[str],
    *,
    typos: int | None = None,
    forbidden: Sequence[str] = (),
) -> TextMatch:
    """Match ``given`` against the ``accepted`` answers after folding both.

    An exact (folded) match always wins. Otherwise the closest accepted answer within its
    budget matches — ``typos`` edits when given, else ``typo_budget`` of that answer — as
    long as the numbers are the same and no ``forbidden`` answer is at least as close.
    Text longer than ``MAX_ANSWER_LENGTH`` never matches.
    """
    raw = given if isinstance(given, str) else str(given)
    too_long = len(raw) > MAX_ANSWER_LENGTH
    normalised = fold(raw[:MAX_ANSWER_LENGTH])
    miss = TextMatch(ok=False, normalised=normalised, matched=None, exact=False)
    if too_long or not normalised:
        return miss
    answers = [(answer, fold(answer)) for answer in accepted if isinstance(answer, str)]
    answers = [(answer, folded) for answer, folded in answers if folded]
    for answer, folded in answers:
        if folded == normalised:
            return TextMatch(ok=True, normalised=normalised, matched=answer, exact=True)

    best: tuple[int, str] | None = None
    for answer, folded in answers:
        budget = max(0, typos) if typos is not None else typo_budget(folded)
        if not _same_numbers(normalised, folded):
            continue
        edits = _distance(normalised, folded, budget)
        if edits <= budget and (best is None or edits < best[0]):
            best = (edits, answer)
    if best is None:
        return miss
    edits, answer = best
    for wrong in forbidden:
        folded_wrong = fold(wrong) if isinstance(wrong, str) else ""
        if folded_wrong and _distance(normalised, folded_wrong, edits) <= edits:
            return miss
    return TextMatch(ok=True, normalised=normalised, matched=answer, exact=False)

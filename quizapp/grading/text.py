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

from .phrases import without_context, without_head_noun
from .words import negates, swapped, word_edits

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
_POSSESSIVE = re.compile(r"(?<=[^\W_])['’ʼ]s\b")
_LETTER_DIGIT = re.compile(r"(?<=[^\W\d_])(?=[0-9])|(?<=[0-9])(?=[^\W\d_])")
_ASIDE = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
NAME_PARTICLES = frozenset({"van", "von", "der", "den", "de", "da", "di", "du", "le", "la"})
"""Name particles a student may leave out: "Kim Sparrentak" for "Kim van Sparrentak"."""
_APOSTROPHES = frozenset("'’ʼ`´")


def strip_marks(text: str) -> str:
    """Decompose (NFKD), casefold and drop combining marks: "Élysée" -> "elysee"."""
    text = unicodedata.normalize("NFKD", unicodedata.normalize("NFKD", text).casefold())
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return text.translate(_LATIN)


def _words(text: str, *, articles: bool, initials: bool = False) -> list[str]:
    """The folded words of ``text``; with ``articles``, leading articles are dropped.

    A possessive "'s" goes ("Meta's" -> "meta"); letters and digits are split apart ("GPT3"
    -> "gpt 3"). "l" is an article only as "l'" ("L Smith" keeps its initial); with
    ``initials``, "a" followed by a full stop is an initial too ("A. Smith").
    """
    plain = _POSSESSIVE.sub("", strip_marks(str(text)))
    spaced = _LETTER_DIGIT.sub(" ", "".join(ch if ch.isalnum() else f" {ch} " for ch in plain))
    tokens = spaced.split()
    words = [t for t in tokens if t.isalnum()]
    if not articles:
        return words
    follower = {}
    for i, token in enumerate(tokens):  # what follows each word: "." after an initial
        if token.isalnum():
            follower[len(follower)] = tokens[i + 1] if i + 1 < len(tokens) else ""
    dropped = 0
    while len(words) - dropped > 1 and _is_article(words[dropped], follower[dropped], initials):
        dropped += 1
    return words[dropped:]


def _is_article(word: str, follower: str, initials: bool) -> bool:
    if word not in ARTICLES:
        return False
    if word == "l":
        return follower in _APOSTROPHES
    return not (initials and word == "a" and follower == ".")


def fold(text: str) -> str:
    """Reduce ``text`` to lowercase unaccented words separated by single spaces.

    Punctuation and symbols (quotes and dashes of any kind included) become spaces, letters
    and digits are split apart ("GPT3" -> "gpt 3"), a possessive "'s" goes, and leading
    articles (the, a, an, le, la, les, l', un, une) are dropped unless nothing else is left
    or "l" has no apostrophe ("L Smith"). Idempotent: ``fold(fold(x)) == fold(x)``.
    """
    return " ".join(_words(text, articles=True))


def squash(text: str) -> str:
    """``text``'s letters and digits only, articles kept: "Le Chat" and "LeChat" -> "lechat"."""
    return "".join(_words(text, articles=False))


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
    (None when nothing matched); ``exact`` is true only when the folded texts are equal;
    ``head`` is the generic head noun left out to match ("model" in "LLaMA model").
    """

    ok: bool
    normalised: str
    matched: str | None
    exact: bool
    head: str | None = None


@dataclass(frozen=True)
class _Accepted:
    written: str
    folded: str
    squashed: frozenset[str]
    common: frozenset[str]


def _accepted(written: str) -> _Accepted:
    folded = fold(written)
    common = frozenset(
        word for part in written.split() if part.islower() for word in fold(part).split()
    )
    particles = "".join(w for w in folded.split() if w not in NAME_PARTICLES)
    squashed = frozenset({squash(written), folded.replace(" ", ""), particles})
    return _Accepted(written, folded, squashed, common)


def _same_numbers(given: str, answer: str) -> bool:
    return sorted(_DIGITS.findall(given)) == sorted(_DIGITS.findall(answer))


def _distance(given: str, answer: str, cutoff: int | None = None) -> int:
    """Edits between two folded texts, word order ignored; above ``cutoff`` means "too far"."""
    plain = OSA.distance(given, answer, score_cutoff=cutoff)
    if plain == 0 or " " not in given + answer:
        return plain
    shuffled = OSA.distance(_sorted_words(given), _sorted_words(answer), score_cutoff=cutoff)
    return min(plain, shuffled)


def _sorted_words(folded: str) -> str:
    return " ".join(sorted(folded.split()))


def _edits(given: str, squashed: set[str], answer: _Accepted, typos: int | None) -> int | None:
    """Edits from ``answer`` to the reading ``given``, or None when it is not within budget.

    Words written together or apart ("LeChat", "Deep Mind") cost nothing; otherwise words
    are compared one to one (in order, or both sorted) with ``words.word_edits``, and the
    total is capped by the answer's ``typo_budget`` (or the question's ``typos``).
    """
    if not _same_numbers(given, answer.folded):
        return None
    if squashed & answer.squashed:
        return 0
    total = typo_budget(answer.folded) if typos is None else max(0, typos)
    mine, theirs = given.split(), answer.folded.split()
    if len(mine) != len(theirs):
        return _regrouped(mine, theirs, total)
    found = [
        _pairwise(g, a, answer.common, typos)
        for g, a in ((mine, theirs), (sorted(mine), sorted(theirs)))
    ]
    edits = min((e for e in found if e is not None), default=None)
    return edits if edits is not None and edits <= total else None


def _pairwise(
    mine: list[str], theirs: list[str], common: frozenset[str], typos: int | None
) -> int | None:
    """Edits word by word; a short name word (3-4 letters) may have two letters swapped when
    another word is exactly right ("Bard Smith", "GTP-3"): the rest anchors it."""
    pairs = list(zip(mine, theirs, strict=True))
    anchored = any(given == answer for given, answer in pairs)
    total = 0
    for given, answer in pairs:
        edits = word_edits(given, answer, common=answer in common, budget=typos)
        if edits is None and anchored and answer not in common and swapped(given, answer):
            edits = 0  # within any budget: a 4-letter answer's is 0
        if edits is None:
            return None
        total += edits
    return total


def _regrouped(mine: list[str], theirs: list[str], budget: int) -> int | None:
    """Edits when the words are grouped differently ("Gogle Deep Mind"): the letters are
    compared, but no typed word may be an extra or missing word ("A Smith", "Smith Jr")."""
    if any(negates(g, a) for g in mine for a in theirs):
        return None
    edits = OSA.distance("".join(mine), "".join(theirs), score_cutoff=budget)
    if edits > budget:
        return None
    extra = [g for g in mine if g not in theirs] + [a for a in theirs if a not in mine]
    if any(len(word) <= edits for word in extra):
        return None
    return edits


def _readings(raw: str, context: tuple[str, str] | None) -> list[tuple[str, str | None]]:
    """What the student may mean, in the order tried: as typed (an initial "A." kept), without
    an aside in brackets, without the words around the blank, and each of those without a
    generic head noun."""
    typed = " ".join(_words(raw, articles=True, initials=True))
    readings: list[tuple[str, str | None]] = [(typed, None)]
    if _ASIDE.search(raw) and (plain := fold(_ASIDE.sub(" ", raw))):
        readings.append((plain, None))  # "Brad Smith (Microsoft)": the aside left out
    if context is not None:
        trimmed = without_context(typed, fold(context[0]), fold(context[1]))
        if trimmed:
            readings.append((trimmed, None))
    for text, _ in list(readings):
        if headless := without_head_noun(text):
            readings.append(headless)
    return readings


def match_text(
    given: str,
    accepted: Sequence[str],
    *,
    typos: int | None = None,
    forbidden: Sequence[str] = (),
    context: tuple[str, str] | None = None,
) -> TextMatch:
    """Match ``given`` against the ``accepted`` answers after folding both.

    An exact (folded) match always wins. Otherwise each reading of the answer (as typed; for a
    cloze blank, without the words of ``context``, the text before and after the blank; without
    a generic head noun) is compared with each accepted answer, word by word
    (``words.word_edits``): the closest within budget matches, as long as the numbers are
    the same and no ``forbidden`` answer is at least as close. Text longer than
    ``MAX_ANSWER_LENGTH`` never matches.
    """
    raw = given if isinstance(given, str) else str(given)
    too_long = len(raw) > MAX_ANSWER_LENGTH
    raw = raw[:MAX_ANSWER_LENGTH]
    readings = _readings(raw, context)
    normalised = readings[0][0]
    miss = TextMatch(ok=False, normalised=normalised, matched=None, exact=False)
    if too_long or not normalised:
        return miss
    answers = [_accepted(a) for a in accepted if isinstance(a, str)]
    answers = [a for a in answers if a.folded]
    for answer in answers:
        if answer.folded == normalised:
            return TextMatch(ok=True, normalised=normalised, matched=answer.written, exact=True)

    best: tuple[int, int, str, str, str | None] | None = None
    for rank, (text, head) in enumerate(readings):
        squashed = {text.replace(" ", "")} | ({squash(raw)} if rank == 0 else set())
        for answer in answers:
            edits = _edits(text, squashed, answer, typos)
            if edits is not None and (best is None or (edits, rank) < best[:2]):
                best = (edits, rank, text, answer.written, head)
    if best is None:
        return miss
    edits, _, text, written, head = best
    for wrong in forbidden:
        folded_wrong = fold(wrong) if isinstance(wrong, str) else ""
        if folded_wrong and _distance(text, folded_wrong, edits) <= edits:
            return miss
    return TextMatch(ok=True, normalised=normalised, matched=written, exact=False, head=head)

"""Typo tolerance word by word: how far a typed word may be from an accepted one.

A typo is a slip inside one word, so tolerance is counted per word (``word_budget``) and the
whole answer's budget (``text.typo_budget``) caps the total. A slip never turns one real word
into another:

* a negating prefix makes a different word, whatever the budget: "indecisive" is not
  "decisive", "unlikely" is not "likely" (``negates``);
* a word the answer writes in lower case is a common word ("decisive", "round"), and a typed
  English word other than it ("derisive", "sound") is another answer, not a typo — except
  its plural or singular ("company"/"companies") and British/American spellings
  (-ise/-ize). Names (any capital: "LLaMA", "Smith") are misspelt into real words too
  often ("Lama", "Smyth") for that check: for them only the budget counts;
* digits are never typo-tolerated: "4" is not "5".

The English word list is pyspellchecker's (word frequencies from subtitles and books), read
once, lazily.
"""

from __future__ import annotations

import gzip
import importlib.resources
import json
from functools import cache

from rapidfuzz.distance import OSA

NEGATING_PREFIXES = ("in", "im", "il", "ir", "un", "non", "dis", "anti", "mis", "a")
"""Prefixes that turn a word into its opposite (or a different word): never a typo."""


@cache
def english_words() -> frozenset[str]:
    """The English words known to pyspellchecker, lowercased."""
    data = importlib.resources.files("spellchecker").joinpath("resources/en.json.gz")
    return frozenset(json.loads(gzip.decompress(data.read_bytes())))


def word_budget(word: str) -> int:
    """Edits tolerated inside one folded word: none up to 4 letters ("meta", "chat"), one up
    to 7 ("mensch"), two up to 11 ("timothee", "decisive"), three beyond."""
    if word.isdigit() or len(word) <= 4:
        return 0
    if len(word) <= 7:
        return 1
    if len(word) <= 11:
        return 2
    return 3


def negates(given: str, answer: str) -> bool:
    """True when one word is the other with a negating prefix ("indecisive", "decisive")."""
    short, long = sorted((given, answer), key=len)
    return len(short) >= 4 and any(long == prefix + short for prefix in NEGATING_PREFIXES)


def inflects(given: str, answer: str) -> bool:
    """True for a plural or singular of the same word, or an -ise/-ize spelling."""
    if len(given) > len(answer):
        given, answer = answer, given
    if len(given) < 3:
        return False
    if answer in (given + "s", given + "es") or (
        given.endswith("y") and answer == given[:-1] + "ies"
    ):
        return True
    return len(given) == len(answer) and {
        (a, b) for a, b in zip(given, answer, strict=True) if a != b
    } <= {("s", "z"), ("z", "s")}


def word_edits(given: str, answer: str, *, common: bool, budget: int | None = None) -> int | None:
    """Edits from the accepted word ``answer`` to the typed word ``given`` (both folded), or
    None when ``given`` is another word: a number, a negation, a real word for a ``common``
    one, or beyond the word's budget (``budget``: the question's own ``typos``, else
    ``word_budget``). ``common``: the answer writes the word in lower case. A single letter
    stands for a name's initial ("B" for "Brad"), one edit."""
    if given == answer:
        return 0
    if given.isdigit() or answer.isdigit() or negates(given, answer):
        return None
    if inflects(given, answer):
        return 1
    if len(given) == 1:
        return 1 if not common and answer.startswith(given) and len(answer) > 1 else None
    limit = word_budget(answer) if budget is None else max(0, budget)
    edits = OSA.distance(given, answer, score_cutoff=limit)
    if edits > limit:
        return None
    if common and given in english_words():
        return None
    return edits


def swapped(given: str, answer: str) -> bool:
    """True when ``given`` is a 3-4 letter ``answer`` with two neighbouring letters swapped."""
    if len(given) != len(answer) or not 3 <= len(answer) <= 4 or not answer.isalpha():
        return False
    diff = [i for i, (a, b) in enumerate(zip(given, answer, strict=True)) if a != b]
    return (
        len(diff) == 2
        and diff[1] == diff[0] + 1
        and given[diff[0]] == answer[diff[1]]
        and given[diff[1]] == answer[diff[0]]
    )

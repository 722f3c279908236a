"""Words for the lint rules: content words of a text, folded and lightly stemmed."""

from __future__ import annotations

import re

from ...grading import fold

_STOPWORDS = """
    a about after all also an and any are as at be been before being but by can could did
    do does for from had has have he her his how in into is it its itself more most much
    not of on one or other our she so some such than that the their them then there these
    they this those to too under up was we were what when where which while who whom why
    will with would you your according article articles say says said true false select
    apply following fill blanks blank give gives given name named
"""
STOPWORDS = frozenset(_STOPWORDS.split())
NEGATIVES = re.compile(r"\b(not|never|except|none|cannot|least|neither|nor)\b|n't\b", re.I)
EMPHASIS = re.compile(r"(\*\*?)\s*(NOT|NEVER|EXCEPT|NONE|CANNOT|LEAST|NEITHER|NOR)\s*\1")


def stem(word: str) -> str:
    """A crude singular: ``models`` -> ``model``, ``companies`` -> ``company``."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def content_words(text: str) -> set[str]:
    """The folded, stemmed words of ``text`` that carry meaning (3 letters or more)."""
    return {stem(w) for w in fold(text).split() if len(w) >= 3 and w not in STOPWORDS}


def unemphasised_negative(text: str) -> str | None:
    """The first negative word of ``text`` written without emphasis (``**NOT**``), if any."""
    plain = EMPHASIS.sub(" ", text)
    match = NEGATIVES.search(plain)
    return match.group(0) if match else None


def mentions(text: str, phrase: str) -> bool:
    """Whether ``phrase`` occurs in ``text`` as whole words (folded: case and accents aside)."""
    folded, wanted = fold(text), fold(phrase)
    return bool(wanted) and re.search(rf"(?<!\w){re.escape(wanted)}(?!\w)", folded) is not None

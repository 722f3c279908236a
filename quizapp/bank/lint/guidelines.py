"""The item-writing guidance each lint rule applies, with where it comes from.

Numbers are those of the 31 guidelines in Haladyna, Downing and Rodriguez (2002), "A Review
of Multiple-Choice Item-Writing Guidelines for Classroom Assessment", *Applied Measurement
in Education* 15(3), 309-334, doi:10.1207/s15324818ame1503_5 ("HDR 24" is their guideline 24).
True/false balance follows Frisbie and Becker (1991), "An Analysis of Textbook Advice About
True-False Tests", *Applied Measurement in Education* 4(1), 67-83. ``questions/README.md``
explains every rule to teachers.
"""

from __future__ import annotations

HDR = "Haladyna, Downing & Rodriguez 2002"

GUIDELINES: dict[str, str] = {
    "true-false-balance": "keys balanced: about as many true as false statements"
    " (Frisbie & Becker 1991; HDR 20, vary the right answer)",
    "answer-length": "HDR 24: keep the length of choices about equal",
    "answer-length-share": "HDR 24 and 28d: no conspicuous right answer across the bank",
    "all-none-of-the-above": "HDR 25 and 26: avoid all-of-the-above, use none-of-the-above"
    " carefully",
    "negative-stem": "HDR 17: word the stem positively; a negative word is capitalised and bold",
    "stem-clue": "HDR 28b: no clang association — the right answer must not echo the stem",
    "repeated-opening": "HDR 15 and 16: the central idea goes in the stem, not in every choice",
    "unit-mismatch": "HDR 23 and 29: homogeneous, plausible choices (same unit and magnitude)",
    "too-few-options": "HDR 18: three good choices or more (match and order: three or more)",
    "near-duplicate": "HDR 4: keep each item independent — one fact, one question",
    "gives-away": "HDR 4: one item must not give away the answer to another",
    "source-named": "quizapp: ask about the facts; name an article only for its claim or a"
    " disagreement, and only one the student can open (HDR 6: attribute claims)",
}
"""Rule id -> the guideline it applies, as warnings print it."""

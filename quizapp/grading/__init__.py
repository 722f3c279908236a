"""Pure answer normalisation shared by the question types: text, numbers and money, dates.

No Flask and no database: every function takes values and returns values, and none raises on
arbitrary text (overlong, control characters, emoji, NUL) — it returns a non-match or None.
The rules each part follows are in its module docstring: ``text``, ``money`` and ``dates``.
"""

from .dates import ParsedDate, parse_date
from .money import Amount, amounts_equal, parse_amount, parse_tolerance
from .text import MAX_ANSWER_LENGTH, TextMatch, fold, match_text, typo_budget

__all__ = [
    "MAX_ANSWER_LENGTH",
    "Amount",
    "ParsedDate",
    "TextMatch",
    "amounts_equal",
    "fold",
    "match_text",
    "parse_amount",
    "parse_date",
    "parse_tolerance",
    "typo_budget",
]

"""Pure answer normalisation shared by the question types: text, numbers and money, dates;
and confidence-based marks (``cbm``).

No Flask and no database: every function takes values and returns values, and none raises on
arbitrary text (overlong, control characters, emoji, NUL) — it returns a non-match or None.
The rules each part follows are in its module docstring: ``text`` (with ``words``: typo
tolerance per word, and ``phrases``: words around a blank, generic head nouns), ``money``,
``dates`` and ``sentences`` (a number or date inside a sentence).
"""

from .cbm import CbmSummary, cbm_mark, cbm_summary
from .dates import ParsedDate, parse_date
from .money import Amount, amounts_equal, amounts_in, parse_amount, parse_tolerance
from .sentences import Several, amount_in, date_in
from .text import MAX_ANSWER_LENGTH, TextMatch, fold, match_text, squash, typo_budget

__all__ = [
    "MAX_ANSWER_LENGTH",
    "Amount",
    "Several",
    "CbmSummary",
    "ParsedDate",
    "TextMatch",
    "amount_in",
    "amounts_equal",
    "amounts_in",
    "cbm_mark",
    "cbm_summary",
    "date_in",
    "fold",
    "match_text",
    "parse_amount",
    "parse_date",
    "parse_tolerance",
    "squash",
    "typo_budget",
]

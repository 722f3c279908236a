"""Pure answer normalisation shared by the question types: text, numbers and money, dates;
and confidence-based marks (``cbm``).

No Flask and no database: every function takes values and returns values, and none raises on
arbitrary text (overlong, control characters, emoji, NUL) — it returns a non-match or None.
The rules each part follows are in its module docstring: ``text``, ``money`` and ``dates``.
"""

from .cbm import CbmSummary, cbm_mark, cbm_summary
from .dates import ParsedDate, parse_date
from .money import Amount, amounts_equal, parse_amount, parse_tolerance
from .text import MAX_ANSWER_LENGTH, TextMatch, fold, match_text, typo_budget

__all__ = [
    "MAX_ANSWER_LENGTH",
    "Amount",
    "CbmSummary",
    "ParsedDate",
    "TextMatch",
    "amounts_equal",
    "cbm_mark",
    "cbm_summary",
    "fold",
    "match_text",
    "parse_amount",
    "parse_date",
    "parse_tolerance",
    "typo_budget",
]

"""CSV of the bank for spreadsheets: one row per question, the answer in words.

Columns: id, topic (its title), type, prompt (for a cloze, followed by its text with
blanks), answer (as feedback shows it), explanation, sources and tags (ids joined by
"; "), difficulty. Type details beyond the answer (the wrong choices, tolerances) are not
columns: the CSV is an overview, the YAML stays the reference.

Written for spreadsheets: UTF-8 with a BOM (Excel otherwise reads "Timothée" as
"TimothÃ©e"); a cell starting with ``= + - @`` (or a tab or carriage return) gets a leading
apostrophe so it is never run as a formula (OWASP's advice against CSV injection); a cell
that is only a date or a number with a leading zero ("2024-02-26", "February 2024", "2023")
gets the same apostrophe so the spreadsheet keeps the text instead of converting it.
"""

from __future__ import annotations

import csv
import io
import re

from quizapp.bank.spec import Bank, QuestionSpec
from quizapp.qtypes import get_type

from .common import Export, each_question

COLUMNS = (
    "id", "topic", "type", "prompt", "answer", "explanation", "sources", "tags", "difficulty",
)  # fmt: skip
BLANK = "_____"
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
CONVERTED = re.compile(
    r"[0-9]{1,4}[-/.][0-9]{1,2}([-/.][0-9]{1,4})?"  # 2024-02-26, 26/02/2024, 2/26
    r"|([0-9]{1,2} )?[A-Za-z]{3,9}\.? ([0-9]{1,2},? )?[0-9]{2,4}"  # 26 February 2024
    r"|0[0-9]+"  # 007
)
"""Whole cells a spreadsheet would turn into a date or a number."""


def safe_cell(text: str) -> str:
    """``text`` as a cell a spreadsheet shows as written and never evaluates."""
    if text.startswith(FORMULA_START) or CONVERTED.fullmatch(text.strip()):
        return "'" + text
    return text


def prompt_text(q: QuestionSpec) -> str:
    """The prompt; a cloze's text follows with its blanks shown as underscores."""
    if q.type != "cloze":
        return q.prompt
    text = "".join(s if isinstance(s, str) else BLANK for s in q.fields["segments"])
    return f"{q.prompt}\n{text}"


def export_csv(bank: Bank) -> Export:
    """The bank as UTF-8 CSV (with a BOM) with a header row."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    for topic, q in each_question(bank):
        row = [
            q.id,
            topic.title,
            q.type,
            prompt_text(q),
            get_type(q.type).answer_text(q),
            q.explanation,
            "; ".join(q.sources),
            "; ".join(q.tags),
            q.difficulty or "",
        ]
        writer.writerow([safe_cell(cell) for cell in row])
    return Export(out.getvalue().encode("utf-8-sig"), (), len(bank))

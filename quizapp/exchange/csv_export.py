"""CSV of the bank for spreadsheets: one row per question, the answer in words.

Columns: id, topic (its title), type, prompt (for a cloze, followed by its text with
blanks), answer (as feedback shows it), explanation, sources and tags (ids joined by
"; "), difficulty. Type details beyond the answer (the wrong choices, tolerances) are not
columns: the CSV is an overview, the YAML stays the reference.
"""

from __future__ import annotations

import csv
import io

from quizapp.bank.spec import Bank, QuestionSpec
from quizapp.qtypes import get_type

from .common import Export, each_question

COLUMNS = (
    "id", "topic", "type", "prompt", "answer", "explanation", "sources", "tags", "difficulty",
)  # fmt: skip
BLANK = "_____"


def prompt_text(q: QuestionSpec) -> str:
    """The prompt; a cloze's text follows with its blanks shown as underscores."""
    if q.type != "cloze":
        return q.prompt
    text = "".join(s if isinstance(s, str) else BLANK for s in q.fields["segments"])
    return f"{q.prompt}\n{text}"


def export_csv(bank: Bank) -> Export:
    """The bank as UTF-8 CSV with a header row."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    for topic, q in each_question(bank):
        writer.writerow(
            [
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
        )
    return Export(out.getvalue().encode("utf-8"), (), len(bank))

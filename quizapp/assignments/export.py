"""The gradebook as CSV: one row per student, one column per question (first answers)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from typing import Any
from zoneinfo import ZoneInfo

from ..history.export import csv_safe
from .gradebook import Gradebook

LEAD_COLUMNS = ("student", "status", "overdue", "tries", "handed_in", "late", "mark_percent")
"""The columns before the questions' (each named by its question id)."""


def _row(values: list[Any]) -> list[Any]:
    """Every text cell made safe to open in a spreadsheet (``history.export.csv_safe``)."""
    return [csv_safe(v) if isinstance(v, str) else v for v in values]


def gradebook_lines(book: Gradebook) -> Iterator[str]:
    """The CSV lines: a header, then one line per student.

    Times are on the class's clock (ISO 8601 with the offset); a question's cell is the first
    answer's score from 0 to 1, empty when not answered. A text cell a spreadsheet would run
    as a formula (a username, an id) starts with an apostrophe.
    """
    zone = book.assignment.zone
    buffer = io.StringIO()
    writer = csv.writer(buffer)

    def line(values: list[Any]) -> str:
        buffer.seek(0)
        buffer.truncate()
        writer.writerow(_row(values))
        return buffer.getvalue()

    yield line([*LEAD_COLUMNS, *(c.question_id for c in book.columns)])
    for row in book.rows:
        handed_in = row.progress.handed_in_at
        local = handed_in.astimezone(ZoneInfo(zone)) if handed_in else None
        yield line(
            [
                row.username,
                row.progress.status.value,
                "yes" if row.progress.overdue else "no",
                len(row.progress.tries),
                local.isoformat(timespec="minutes") if local else "",
                "yes" if handed_in and book.assignment.is_late(handed_in) else "no",
                "" if row.mark is None else f"{row.mark * 100:.1f}",
                *("" if cell is None else f"{cell.score:g}" for cell in row.cells),
            ]
        )

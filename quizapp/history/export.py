"""The CSV export of a user's attempts: one row per attempt, streamed as it is read.

With confidence-based marking an answer also has its ``confidence`` (1 not sure, 2 fairly
sure, 3 very sure) and its ``cbm_mark`` (Moodle's scale, ``grading.cbm_mark``); both cells
are empty for an answer given without it.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from typing import Any

from ..grading import cbm_mark
from ..models import Attempt

__all__ = ["CSV_COLUMNS", "csv_lines", "csv_safe"]

CSV_COLUMNS = (
    "attempt_id",
    "answered_at",
    "quiz_id",
    "kind",
    "question_id",
    "question_version",
    "topic",
    "answer",
    "normalised",
    "score",
    "correct",
    "time_taken_ms",
    "note",
    "confidence",
    "cbm_mark",
)

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_safe(text: str) -> str:
    """Typed text that a spreadsheet would run as a formula gets a leading apostrophe.

    Answers are whatever a student typed; opened in a spreadsheet, ``=HYPERLINK(...)`` would
    be live. The apostrophe is the usual guard (so a typed ``-5`` reads ``'-5``).
    """
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def _answer_text(raw: Any) -> str:
    """A stored answer as one cell: text as it is, anything else as JSON."""
    return raw if isinstance(raw, str) else json.dumps(raw, ensure_ascii=False)


def _row(attempt: Attempt, topic: str) -> list[Any]:
    return [
        attempt.id,
        attempt.created_at.isoformat(),
        attempt.quiz_id if attempt.quiz_id is not None else "",
        attempt.kind,
        attempt.question_id,
        attempt.question_version,
        topic,
        csv_safe(_answer_text(attempt.raw_answer)),
        csv_safe(attempt.normalised or ""),
        f"{attempt.score:g}",
        int(attempt.correct),
        attempt.time_taken_ms if attempt.time_taken_ms is not None else "",
        csv_safe(attempt.note or ""),
        *_marks(attempt),
    ]


def _marks(attempt: Attempt) -> tuple[Any, Any]:
    """The confidence and CBM mark cells: empty when the answer was not marked."""
    if attempt.confidence is None:
        return "", ""
    return attempt.confidence, f"{cbm_mark(attempt.score, attempt.confidence):g}"


def csv_lines(rows: Iterable[tuple[Attempt, str]]) -> Iterator[str]:
    """The header, then one CSV line per `(attempt, topic)`, each yielded as soon as written."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)

    def line(values: Iterable[Any]) -> str:
        buffer.seek(0)
        buffer.truncate()
        writer.writerow(values)
        return buffer.getvalue()

    yield line(CSV_COLUMNS)
    for attempt, topic in rows:
        yield line(_row(attempt, topic))

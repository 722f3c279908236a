"""Sync a validated bank into the ``question`` table (not pure: uses the database).

Keyed by the stable question id: new ids are added, changed content gets a new
version (history stays attached to the id), ids missing from the YAML are retired,
and retired ids that reappear are restored. Running it twice changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from ..extensions import db
from ..models import Question, utcnow
from .spec import Bank, QuestionSpec


@dataclass
class SyncReport:
    """Which ids each sync added, changed, retired, restored or left alone."""

    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    retired: list[str] = field(default_factory=list)
    restored: list[str] = field(default_factory=list)
    unchanged: int = 0

    @property
    def touched(self) -> bool:
        """True when the database changed."""
        return bool(self.added or self.changed or self.retired or self.restored)

    def summary(self) -> str:
        """One line for people: ``added 3, changed 1, retired 0, restored 0, unchanged 60``."""
        return (
            f"added {len(self.added)}, changed {len(self.changed)}, retired {len(self.retired)}, "
            f"restored {len(self.restored)}, unchanged {self.unchanged}"
        )


def question_row(spec: QuestionSpec, bank: Bank, now: datetime) -> dict[str, Any]:
    """The column values for ``spec``."""
    topic = bank.topics[spec.topic]
    return {
        "id": spec.id,
        "type": spec.type,
        "topic": spec.topic,
        "topic_title": topic.title,
        "version": spec.version,
        "data": {"id": spec.id, **dict(spec.content)},
        "file": spec.file,
        "line": spec.line,
        "updated_at": now,
        "retired_at": None,
    }


def sync_bank(
    bank: Bank, now: datetime | None = None, session: Session | None = None
) -> SyncReport:
    """Upsert ``bank`` into the database and retire what it no longer has; caller commits."""
    session = session or db.session
    now = now or utcnow()
    report = SyncReport()
    current = {
        row.id: row
        for row in session.execute(
            select(
                Question.id,
                Question.version,
                Question.retired_at,
                Question.file,
                Question.line,
                Question.topic,
            )
        )
    }
    new_rows: list[dict[str, Any]] = []
    updates: list[dict[str, Any]] = []
    for spec in bank.questions.values():
        old = current.get(spec.id)
        row = question_row(spec, bank, now)
        if old is None:
            new_rows.append({**row, "created_at": now})
            report.added.append(spec.id)
            continue
        if old.retired_at is not None:
            report.restored.append(spec.id)
        elif old.version != spec.version:
            report.changed.append(spec.id)
        elif (old.file, old.line, old.topic) == (spec.file, spec.line, spec.topic):
            report.unchanged += 1
            continue
        else:
            report.unchanged += 1  # moved within the files: same content, new position
        updates.append(row)
    if new_rows:
        session.execute(insert(Question), new_rows)
    if updates:
        session.execute(update(Question), updates)
    gone = [qid for qid, old in current.items() if qid not in bank and old.retired_at is None]
    if gone:
        session.execute(
            update(Question).where(Question.id.in_(gone)).values(retired_at=now, updated_at=now)
        )
        report.retired.extend(sorted(gone))
    return report

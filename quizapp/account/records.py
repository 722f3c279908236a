"""Everything stored about one person, for the "download my data" files (JSON and CSV).

Rows are dumped column by column from the tables, so a column added later is exported too;
only the password hash and the session version are left out (they are secrets, not data).
"""

from __future__ import annotations

import csv
import io
import json
import zipfile
from datetime import date, datetime
from typing import Any

from sqlalchemy import select

from ..extensions import db
from ..history.export import csv_safe
from ..models import Attempt, Card, Membership, Quiz, RatingLog, User, UserSettings

SECRET_COLUMNS = frozenset({"password_hash", "session_version"})

#: Each part of the export: its name and the rows of one table that belong to the person.
PARTS = (
    ("quizzes", Quiz, Quiz.user_id),
    ("answers", Attempt, Attempt.user_id),
    ("cards", Card, Card.user_id),
    ("ratings", RatingLog, RatingLog.user_id),
    ("settings", UserSettings, UserSettings.user_id),
    ("classes", Membership, Membership.user_id),
)


def _value(value: Any) -> Any:
    return value.isoformat() if isinstance(value, datetime | date) else value


def _row(record: Any) -> dict[str, Any]:
    return {
        column.key: _value(getattr(record, column.key))
        for column in record.__table__.columns
        if column.key not in SECRET_COLUMNS
    }


def personal_records(user_id: int) -> dict[str, Any]:
    """The account and every row that belongs to it, as JSON-able dicts."""
    account = db.session.get(User, user_id)
    records: dict[str, Any] = {"account": _row(account)}
    for name, model, owner in PARTS:
        rows = db.session.execute(select(model).where(owner == user_id)).scalars()
        records[name] = [_row(row) for row in rows]
    return records


def as_json(records: dict[str, Any]) -> str:
    """The records as one indented JSON document."""
    return json.dumps(records, ensure_ascii=False, indent=2, sort_keys=True)


def _cell(value: Any) -> Any:
    if isinstance(value, list | dict):
        value = json.dumps(value, ensure_ascii=False)
    return csv_safe(value) if isinstance(value, str) else value


def as_csv_zip(records: dict[str, Any]) -> bytes:
    """The records as a ZIP of CSV files, one per part (account.csv, answers.csv, ...)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, rows in records.items():
            rows = rows if isinstance(rows, list) else [rows]
            text = io.StringIO()
            columns = list(rows[0]) if rows else []
            writer = csv.writer(text)
            writer.writerow(columns)
            for row in rows:
                writer.writerow([_cell(row[column]) for column in columns])
            archive.writestr(f"{name}.csv", text.getvalue())
    return buffer.getvalue()

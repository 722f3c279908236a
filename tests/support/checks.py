"""Consistency checks after a load run or a crash: is every recorded answer whole?

An answer is one transaction: the attempt row, its session's advance, and the card
rating with its review-log row. If any part is missing or disagrees, the transaction was
torn. Each check returns human-readable problems; an empty list means all is well.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.engine import Connection, Engine

from .database import json_list

SAMPLE = 5
"""How many offending rows a problem message names."""

SESSION_OWNER = """
SELECT a.id FROM attempt a LEFT JOIN quiz s ON s.id = a.quiz_id
WHERE a.kind = 'quiz' AND (s.id IS NULL OR s.user_id != a.user_id) ORDER BY a.id"""

SESSION_POSITION = """
SELECT s.id FROM quiz s LEFT JOIN attempt a ON a.quiz_id = s.id
GROUP BY s.id, s.position
HAVING count(a.id) != s.position OR coalesce(max(a.position), -1) != s.position - 1
ORDER BY s.id"""

ATTEMPT_RATED = """
SELECT a.id FROM attempt a
LEFT JOIN rating_log r ON r.attempt_id = a.id LEFT JOIN card c ON c.id = r.card_id
WHERE a.kind = 'quiz'
  AND (r.id IS NULL OR r.user_id != a.user_id OR c.user_id != a.user_id
       OR c.question_id != a.question_id)
ORDER BY a.id"""

RATED_TWICE = """
SELECT attempt_id FROM rating_log WHERE attempt_id IS NOT NULL
GROUP BY attempt_id HAVING count(*) > 1 ORDER BY attempt_id"""

CARD_REPS = """
SELECT c.id FROM card c LEFT JOIN rating_log r ON r.card_id = c.id
GROUP BY c.id, c.reps HAVING count(r.id) != c.reps ORDER BY c.id"""


def integrity_check(path: Path) -> str:
    """SQLite's own verdict on a database file: ``ok`` or the damage it found."""
    conn = sqlite3.connect(path)
    try:
        return "\n".join(row[0] for row in conn.execute("PRAGMA integrity_check"))
    finally:
        conn.close()


def _ids(conn: Connection, sql: str) -> list[int]:
    return list(conn.execute(text(sql)).scalars())


def _problem(ids: list[int], what: str) -> list[str]:
    if not ids:
        return []
    sample = ", ".join(str(i) for i in ids[:SAMPLE])
    return [f"{len(ids)} {what} (e.g. {sample})"]


def _slots_match(conn: Connection) -> list[int]:
    """Attempts whose question is not the one their session asks at that position."""
    rows = conn.execute(
        text(
            "SELECT a.id, a.position, a.question_id, s.question_ids FROM attempt a "
            "JOIN quiz s ON s.id = a.quiz_id WHERE a.kind = 'quiz'"
        )
    )
    bad = []
    for attempt_id, position, question_id, ids in rows:
        ids = json_list(ids)
        if position is None or position >= len(ids) or ids[position] != question_id:
            bad.append(attempt_id)
    return bad


def attempt_problems(engine: Engine) -> list[str]:
    """Everything torn about the quiz answers in the database."""
    problems: list[str] = []
    with engine.connect() as conn:
        problems += _problem(_ids(conn, SESSION_OWNER), "attempts without their own session")
        problems += _problem(_ids(conn, SESSION_POSITION), "sessions whose position != answers")
        problems += _problem(_slots_match(conn), "attempts not answering their session's slot")
        problems += _problem(_ids(conn, ATTEMPT_RATED), "attempts without their card rating")
        problems += _problem(_ids(conn, RATED_TWICE), "attempts rated more than once")
        problems += _problem(_ids(conn, CARD_REPS), "cards whose reps != their ratings")
    return problems

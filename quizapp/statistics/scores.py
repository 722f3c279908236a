"""``item_score``: each student's graded answers per question version, kept by triggers.

One SQL recount defines the rows (`RECOUNT`): per (student, question, version) the number
of graded answers, their score sum and the "very sure" misses; on the version that holds the
student's first graded answer to the question (by time, then id), that answer's score,
correctness, normalised text and confidence. Three triggers on ``attempt`` (insert, update,
delete) run the recount for the student and question concerned, inside the transaction
that wrote the answer: a crash loses both or neither. `rebuild_scores` runs the same
recount over every answer (``flask stats rebuild``), `score_differences` compares the table
with it (``flask stats check``; the tests do it after every kind of write).
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Any

from sqlalchemy import text
from sqlalchemy.engine import Connection

from ..extensions import db
from ..scheduling.evidence import VERY_SURE

__all__ = [
    "COLUMNS",
    "create_triggers",
    "drop_triggers",
    "rebuild_scores",
    "recount",
    "score_differences",
]

COLUMNS = (
    "user_id", "question_id", "version", "answers", "score_sum", "misconceptions",
    "first_attempt_id", "first_score", "first_correct", "first_normalised", "first_confidence",
)  # fmt: skip

RECOUNT = """
SELECT g.user_id, g.question_id, g.version, g.answers, g.score_sum, g.misconceptions,
       f.id, f.score, f.correct, f.normalised, f.confidence
FROM (
    SELECT a.user_id, a.question_id, a.question_version AS version, count(*) AS answers,
           sum(a.score) AS score_sum,
           sum(CASE WHEN NOT a.correct AND a.confidence = {very_sure} THEN 1 ELSE 0 END)
               AS misconceptions,
           (SELECT b.id FROM attempt b
            WHERE b.user_id = a.user_id AND b.question_id = a.question_id
              AND b.kind <> 'flashcard'
            ORDER BY b.created_at, b.id
            LIMIT 1) AS first_id
    FROM attempt a
    WHERE a.kind <> 'flashcard' {where}
    GROUP BY a.user_id, a.question_id, a.question_version
) g
LEFT JOIN attempt f ON f.id = g.first_id AND f.question_version = g.version
"""
"""Rows of ``item_score`` from the answers; ``{where}`` narrows ``a`` (an attempt)."""


def recount(where: str = "") -> str:
    """`RECOUNT` narrowed by ``where`` (SQL starting with AND, over attempt ``a``)."""
    return RECOUNT.format(where=where, very_sure=VERY_SURE)


def _refresh(user: str, question: str) -> str:
    """Statements that recount one student's rows for one question."""
    return (
        f"DELETE FROM item_score WHERE user_id = {user} AND question_id = {question};\n"  # noqa: S608
        f"INSERT INTO item_score ({', '.join(COLUMNS)})"
        f"{recount(f'AND a.user_id = {user} AND a.question_id = {question}')};"
    )


WATCHED = "user_id, question_id, question_version, kind, score, correct, normalised, confidence, created_at"  # noqa: E501
"""The attempt columns an update of which changes ``item_score``."""

SQLITE_TRIGGERS = [
    "CREATE TRIGGER item_score_insert AFTER INSERT ON attempt WHEN NEW.kind <> 'flashcard'\n"
    f"BEGIN\n{_refresh('NEW.user_id', 'NEW.question_id')}\nEND",
    f"CREATE TRIGGER item_score_update AFTER UPDATE OF {WATCHED} ON attempt\n"
    f"BEGIN\n{_refresh('OLD.user_id', 'OLD.question_id')}\n"
    f"{_refresh('NEW.user_id', 'NEW.question_id')}\nEND",
    "CREATE TRIGGER item_score_delete AFTER DELETE ON attempt WHEN OLD.kind <> 'flashcard'\n"
    f"BEGIN\n{_refresh('OLD.user_id', 'OLD.question_id')}\nEND",
]

POSTGRES_TRIGGERS = [
    # plpgsql, not sql: plpgsql keeps its statements' plans for the session, where a sql
    # function is planned again on every call (twice the cost of the recount itself)
    "CREATE FUNCTION item_score_recount(p_user integer, p_question varchar) RETURNS void\n"
    f"LANGUAGE plpgsql AS $$\nBEGIN\n{_refresh('p_user', 'p_question')}\nEND $$",
    "CREATE FUNCTION item_score_follow() RETURNS trigger LANGUAGE plpgsql AS $$\n"
    "BEGIN\n"
    "  IF TG_OP <> 'INSERT' THEN PERFORM item_score_recount(OLD.user_id, OLD.question_id);"
    " END IF;\n"
    "  IF TG_OP <> 'DELETE' THEN PERFORM item_score_recount(NEW.user_id, NEW.question_id);"
    " END IF;\n"
    "  RETURN NULL;\n"
    "END $$",
    "CREATE TRIGGER item_score_insert AFTER INSERT ON attempt FOR EACH ROW"
    " WHEN (NEW.kind <> 'flashcard') EXECUTE FUNCTION item_score_follow()",
    f"CREATE TRIGGER item_score_update AFTER UPDATE OF {WATCHED} ON attempt FOR EACH ROW"
    " EXECUTE FUNCTION item_score_follow()",
    "CREATE TRIGGER item_score_delete AFTER DELETE ON attempt FOR EACH ROW"
    " WHEN (OLD.kind <> 'flashcard') EXECUTE FUNCTION item_score_follow()",
]


def create_triggers(conn: Connection) -> None:
    """Create the triggers that keep ``item_score`` (the migration; after a bulk load)."""
    statements = SQLITE_TRIGGERS if conn.dialect.name == "sqlite" else POSTGRES_TRIGGERS
    for statement in statements:
        conn.exec_driver_sql(statement)


def drop_triggers(conn: Connection) -> None:
    """Drop them (the migration's downgrade; before a bulk load, then `rebuild_scores`)."""
    for name in ("item_score_insert", "item_score_update", "item_score_delete"):
        conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name}" + (
            "" if conn.dialect.name == "sqlite" else " ON attempt"
        ))  # fmt: skip
    if conn.dialect.name != "sqlite":
        conn.exec_driver_sql("DROP FUNCTION IF EXISTS item_score_follow()")
        conn.exec_driver_sql("DROP FUNCTION IF EXISTS item_score_recount(integer, varchar)")


def rebuild_scores(conn: Connection | None = None) -> int:
    """Recount ``item_score`` from every answer, in the caller's transaction (on ``conn``, or
    the app's session); rows written."""
    conn = conn if conn is not None else db.session.connection()
    conn.execute(text("DELETE FROM item_score"))
    conn.execute(text(f"INSERT INTO item_score ({', '.join(COLUMNS)}) {recount()}"))
    return int(conn.execute(text("SELECT count(*) FROM item_score")).scalar_one())


def _same(a: Iterable[Any], b: Iterable[Any]) -> bool:
    """Equal rows, floats within rounding (sums added up in another order)."""
    for x, y in zip(a, b, strict=True):
        if isinstance(x, float) and isinstance(y, float):
            if not math.isclose(x, y, rel_tol=1e-9, abs_tol=1e-9):
                return False
        elif x != y:
            return False
    return True


def score_differences(limit: int = 20) -> list[str]:
    """Where ``item_score`` differs from a full recount (empty: it matches), at most ``limit``."""
    conn = db.session.connection()
    columns = ", ".join(COLUMNS)
    stored = {
        tuple(r[:3]): tuple(r[3:])
        for r in conn.execute(text(f"SELECT {columns} FROM item_score"))  # noqa: S608
    }
    counted = {tuple(r[:3]): tuple(r[3:]) for r in conn.execute(text(recount()))}
    problems = []
    for key in sorted(stored.keys() | counted.keys(), key=str):
        have, want = stored.get(key), counted.get(key)
        if have is None or want is None or not _same(have, want):
            problems.append(f"{key}: stored {have}, recounted {want}")
            if len(problems) >= limit:
                break
    return problems

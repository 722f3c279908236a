"""Benchmark: pick one student's next due card among 10 k and among 1 M cards.

Fills a migrated SQLite file with 1,000 students x 10 cards, then another with 10,000
students x 100 cards (``INSERT ... SELECT`` over a recursive CTE: a few seconds), and times
``quizapp.srs.queue.next_question`` (the call /flashcards and "Review due" make: settings,
today's ratings, and the two ``LIMIT 1`` walks of the ``(user_id, due)`` index) for sampled
students. Goal: the 1 M time is at most 1.5 x the 10 k time, which only holds when
the query walks that index; its query plan is printed.

Run: ``make bench`` or ``.venv/bin/python bench/due.py``.
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import text

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from quizapp import create_app  # noqa: E402
from quizapp.bank.spec import Bank  # noqa: E402
from quizapp.extensions import db  # noqa: E402
from quizapp.srs.queue import DUE_HEADS, due_heads, next_question  # noqa: E402

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
SIZES = [(1_000, 10), (10_000, 100)]  # (students, cards each): 10 k and 1 M cards
SAMPLES = 300  # students timed per size
ROUNDS = 5  # timing rounds over the sample; the best round counts

FILL = """
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < :last)
"""
FILL_QUESTIONS = (
    FILL
    + """
INSERT INTO question (id, type, topic, topic_title, version, data, file, line, created_at,
                      updated_at)
SELECT 'q-' || i, 'short', 'bench', 'Bench', 'v1', '{}', 'bench.yaml', i + 1, :now, :now FROM n
"""
)
FILL_USERS = (
    FILL
    + """
INSERT INTO user (id, username, password_hash, role, created_at)
SELECT i + 1, 'student' || i, 'x', 'student', :now FROM n
"""
)
# Card k of student u: a pseudo-random due date within 60 days either side of NOW, minute
# precision; 80 % in Review, 15 % (re)learning, 5 % never rated; 2 % suspended.
FILL_CARDS = (
    FILL
    + """
INSERT INTO card (user_id, question_id, state, step, stability, difficulty, due, last_review,
                  lapses, reps, leech, suspended, created_at)
SELECT u, 'q-' || k,
       CASE WHEN h % 100 < 80 THEN 2 WHEN h % 100 < 95 THEN 1 + 2 * (h % 2) ELSE 1 END,
       CASE WHEN h % 100 < 80 THEN NULL ELSE 0 END,
       3.5, 5.0,
       strftime('%Y-%m-%d %H:%M:00.000000', :now, ((h / 100) % 172800 - 86400) || ' minutes'),
       CASE WHEN h % 100 < 95
            THEN strftime('%Y-%m-%d %H:%M:00.000000', :now, '-' || (h % 90 + 1) || ' days') END,
       h % 3, h % 7 + 1, 0, h % 50 = 0, :now
FROM (SELECT i / :per_user + 1 AS u, i % :per_user AS k,
             ((i + 1) * 2654435761) % 4294967296 AS h FROM n)
"""
)
FILL_LOGS = """
INSERT INTO rating_log (card_id, user_id, rating, kind, reviewed_at, previous)
SELECT id, user_id, 3, CASE WHEN state = 2 THEN 'review' ELSE 'learning' END, last_review, '{}'
FROM card WHERE last_review IS NOT NULL
"""


def fill(users: int, per_user: int) -> None:
    """Questions, students, their cards and one review-log row per rated card."""
    stamp = NOW.strftime("%Y-%m-%d %H:%M:%S.%f")
    conn = db.session.connection()
    conn.execute(text(FILL_QUESTIONS), {"last": per_user - 1, "now": stamp})
    conn.execute(text(FILL_USERS), {"last": users - 1, "now": stamp})
    conn.execute(
        text(FILL_CARDS), {"last": users * per_user - 1, "per_user": per_user, "now": stamp}
    )
    conn.execute(text(FILL_LOGS))
    db.session.commit()
    conn = db.session.connection()
    conn.execute(text("ANALYZE"))
    db.session.commit()
    # Fold the bulk load out of the write-ahead log, as SQLite's checkpoints do in a running
    # app; reads through a 200 MB log would time the log, not the index.
    db.session.remove()
    with db.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    db.engine.dispose()


def query_plan(user_id: int) -> list[str]:
    """SQLite's plan for the due-heads query, as the app sends it."""
    compiled = DUE_HEADS.compile(db.engine)
    values = compiled.construct_params({"user_id": user_id, "now": NOW})
    stamp = NOW.strftime("%Y-%m-%d %H:%M:%S.%f")  # how UTCDateTime binds on SQLite
    params = [stamp if name.startswith("now") else values[name] for name in compiled.positiontup]
    rows = db.session.connection().exec_driver_sql(f"EXPLAIN QUERY PLAN {compiled}", tuple(params))
    return [row[-1] for row in rows]


def per_pick(users: list[int], bank: Bank) -> tuple[float, float]:
    """Best-round mean seconds for ``next_question`` and for the due-heads query alone."""
    picks, heads = [], []
    for _ in range(ROUNDS):
        start = time.perf_counter()
        for user_id in users:
            next_question(user_id, bank, NOW)
        picks.append((time.perf_counter() - start) / len(users))
        start = time.perf_counter()
        for user_id in users:
            due_heads(user_id, NOW)
        heads.append((time.perf_counter() - start) / len(users))
        db.session.rollback()
    return min(picks), min(heads)


def run(users: int, per_user: int, folder: Path) -> tuple[float, float, list[str]]:
    """Fill one database and time picks in it."""
    app = create_app(
        {"SQLALCHEMY_DATABASE_URI": f"sqlite:///{folder}/due-{users}.sqlite"},
        instance_path=f"{folder}/instance",
    )
    with app.app_context():
        from flask_migrate import upgrade

        upgrade(directory=str(ROOT / "migrations"))
        started = time.perf_counter()
        fill(users, per_user)
        filled = time.perf_counter() - started
        sample = random.Random(5).sample(range(1, users + 1), SAMPLES)
        bank = Bank(topics={}, sources={})
        assert sum(next_question(u, bank, NOW) is not None for u in sample) > SAMPLES * 0.9
        pick, head = per_pick(sample, bank)
        plan = query_plan(sample[0])
        db.session.remove()
        db.engine.dispose()
    print(f"{users * per_user:>9,} cards ({users:,} students x {per_user}): filled in "
          f"{filled:.2f} s; next card {pick * 1e6:.0f} us, due-heads query {head * 1e6:.0f} us")  # fmt: skip
    return pick, head, plan


def main() -> None:
    import logging

    logging.getLogger("alembic").setLevel(logging.WARNING)
    with tempfile.TemporaryDirectory() as tmp:
        results = [run(users, per_user, Path(tmp)) for users, per_user in SIZES]
    (small, small_q, _), (large, large_q, plan) = results
    ratio = large / small
    print(
        f"ratio 1 M / 10 k: next card {ratio:.2f} (goal <= 1.5), query alone {large_q / small_q:.2f}"
    )
    print("query plan (1 M):")
    for line in plan:
        print(f"  {line}")
    if ratio > 1.5 or not any("ix_card_user_due" in line for line in plan):
        sys.exit("goal missed")


if __name__ == "__main__":
    main()

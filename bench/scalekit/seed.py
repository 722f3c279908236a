"""Seed a school: students, finished quizzes, their attempts, cards and rating logs, in bulk.

The data is consistent the way the app writes it: every quiz has 10 questions of the real bank,
each answered once (``position`` 0..9) on the question's current version; each answer rates
the student's card on the question (one ``rating_log`` row per attempt); a card's ``reps`` and
``lapses`` count its ratings. Each student has an ability and each question a difficulty, so
the item statistics have something to find. One class (the first 30 students) has an exam.

Rows are generated in Python (``random.Random`` per student: the same seed, the same school)
and written with the driver's fastest path: ``executemany`` on SQLite, ``COPY`` on PostgreSQL.
"""

from __future__ import annotations

import json
import random
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import text
from sqlalchemy.engine import Connection

QUIZ_LENGTH = 10
DAYS = 300
"""The answers are spread over this many days before the seeding."""
CLASS_SIZE = 30
PASSWORD = "bench password 123"
TEACHER = "teacher1"
STUDENT = "student1"


@dataclass(frozen=True)
class BankQuestion:
    """What the seeder needs of a served question."""

    id: str
    type: str
    version: str
    data: dict[str, Any]
    topic: str


def _answer(q: BankQuestion, right: bool, rng: random.Random) -> tuple[Any, str]:
    """A stored answer and its normalised text: the key when right, a plausible miss otherwise."""
    data = q.data
    if q.type == "choice":
        key = data.get("answer")
        wrong = [c for c in data.get("choices", []) if c != key] or ["other"]
        value = key if right else rng.choice(wrong)
        return value, str(value)
    if q.type == "truefalse":
        value = bool(data.get("answer")) if right else not data.get("answer")
        return value, "true" if value else "false"
    if q.type == "multi":
        value = list(data.get("answers", [])) if right else list(data.get("choices", [])[:1])
        return value, ", ".join(value)
    value = "the key" if right else rng.choice(["a guess", "no idea", "something else"])
    return value, value


class Writer:
    """Bulk rows into one table: ``executemany`` (SQLite) or ``COPY`` (PostgreSQL)."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self.sqlite = conn.dialect.name == "sqlite"

    def value(self, v: Any) -> Any:
        if isinstance(v, datetime):
            return v.replace(tzinfo=None).isoformat(" ", "microseconds") if self.sqlite else v
        if isinstance(v, date) and not isinstance(v, datetime) and self.sqlite:
            return v.isoformat()
        if isinstance(v, list | dict):
            return json.dumps(v)
        return v

    def write(self, table: str, columns: tuple[str, ...], rows: Iterable[tuple[Any, ...]]) -> int:
        """Insert ``rows`` (tuples in ``columns`` order); returns how many."""
        count = 0
        quoted = ", ".join(columns)
        raw = self.conn.connection.driver_connection
        if self.sqlite:
            sql = f'INSERT INTO "{table}" ({quoted}) VALUES ({", ".join("?" * len(columns))})'
            batch: list[tuple[Any, ...]] = []
            for row in rows:
                batch.append(tuple(self.value(v) for v in row))
                if len(batch) >= 20_000:
                    raw.executemany(sql, batch)
                    count += len(batch)
                    batch.clear()
            raw.executemany(sql, batch)
            return count + len(batch)
        with raw.cursor() as cur, cur.copy(f'COPY "{table}" ({quoted}) FROM STDIN') as copy:
            for row in rows:
                copy.write_row(tuple(self.value(v) for v in row))
                count += 1
        return count


ATTEMPT = (
    "id", "user_id", "question_id", "question_version", "quiz_id", "position", "kind",
    "raw_answer", "normalised", "score", "correct", "time_taken_ms", "created_at", "confidence",
)  # fmt: skip
QUIZ = (
    "id", "user_id", "mode", "topics", "question_ids", "position", "seed", "started_at",
    "last_activity_at", "finished_at",
)  # fmt: skip
CARD = (
    "id", "user_id", "question_id", "state", "step", "stability", "difficulty", "due",
    "last_review", "lapses", "reps", "leech", "suspended", "created_at",
)  # fmt: skip
LOG = ("card_id", "user_id", "attempt_id", "rating", "kind", "reviewed_at", "previous")
USER = ("id", "username", "password_hash", "role", "created_at")


@dataclass
class School:
    """The ids handed out so far, and what the seeding wrote."""

    now: datetime
    bank: list[BankQuestion]
    attempts: int = 0
    quizzes: int = 0
    cards: int = 0


def _student(school: School, user_id: int, answers: int, rows: dict[str, list]) -> None:
    """One student's quizzes, attempts, cards and rating logs, appended to ``rows``."""
    rng = random.Random(user_id * 7919)
    ability = rng.uniform(-1.0, 1.5)
    sure = rng.random() < 0.2  # confidence-based marking on
    start = school.now - timedelta(days=DAYS)
    quizzes = max(1, answers // QUIZ_LENGTH)
    step = timedelta(days=DAYS) / quizzes
    cards: dict[str, list[Any]] = {}
    for k in range(quizzes):
        school.quizzes += 1
        quiz_id = school.quizzes
        began = start + step * k + timedelta(minutes=rng.randrange(600))
        chosen = rng.sample(school.bank, min(QUIZ_LENGTH, len(school.bank)))
        moment = began
        for position, q in enumerate(chosen):
            moment = moment + timedelta(seconds=rng.randrange(10, 40))
            hardness = (zlib.crc32(q.id.encode()) % 100) / 50 - 1.0
            seen = cards.get(q.id)
            chance = 1 / (1 + 2.718 ** -(ability - hardness + (0.5 if seen else 0.0)))
            right = rng.random() < chance
            partial = not right and q.type not in ("choice", "truefalse") and rng.random() < 0.3
            score = 1.0 if right else (0.5 if partial else 0.0)
            raw, normalised = _answer(q, right, rng)
            school.attempts += 1
            confidence = (
                (3 if right or rng.random() < 0.3 else rng.choice((1, 2))) if sure else None
            )
            rows["attempt"].append((
                school.attempts, user_id, q.id, q.version, quiz_id, position, "quiz", json.dumps(raw),
                normalised, score, right, rng.randrange(4000, 30000), moment, confidence,
            ))  # fmt: skip
            if seen is None:
                school.cards += 1
                seen = cards[q.id] = [school.cards, moment, 0, 0, 1.0]
            seen[2] += 1
            seen[3] += 0 if right else 1
            seen[4] = seen[4] * 2.5 if right else 1.0
            seen[1] = moment
            rating = 3 if right else 1
            rows["rating_log"].append(
                (seen[0], user_id, school.attempts, rating, "review", moment, {})
            )
        rows["quiz"].append((
            quiz_id, user_id, "topics", [], [q.id for q in chosen], len(chosen), k, began,
            moment, moment,
        ))  # fmt: skip
    for question_id, (card_id, last, reps, lapses, stability) in cards.items():
        stability = min(stability, 365.0)
        rows["card"].append((
            card_id, user_id, question_id, 2, None, stability, 5.0,
            last + timedelta(days=stability), last, lapses, reps, lapses >= 8, False, last,
        ))  # fmt: skip


def _students(school: School, ids: list[int], answers: int) -> Iterator[dict[str, list[Any]]]:
    """The students' rows in chunks of 100 students (bounded memory)."""
    for at in range(0, len(ids), 100):
        rows: dict[str, list[Any]] = {"attempt": [], "quiz": [], "card": [], "rating_log": []}
        for user_id in ids[at : at + 100]:
            _student(school, user_id, answers, rows)
        yield rows


def read_bank(conn: Connection) -> list[BankQuestion]:
    """The served questions, in bank order."""
    rows = conn.execute(
        text(
            "SELECT id, type, version, data, topic FROM question WHERE retired_at IS NULL"
            " ORDER BY file, line"
        )
    )
    return [
        BankQuestion(i, t, v, json.loads(d) if isinstance(d, str) else d, topic)
        for i, t, v, d, topic in rows
    ]


def seed(conn: Connection, students: int, answers: int, password_hash: str) -> School:
    """Seed a migrated, bank-synced, empty database: ``teacher1``, ``student1`` .. and a class.

    ``password_hash`` is the hash of `PASSWORD` for the two accounts that log in.
    """
    now = datetime.now(UTC).replace(microsecond=0)
    school = School(now, read_bank(conn))
    writer = Writer(conn)
    created = now - timedelta(days=DAYS + 1)
    users = [(1, TEACHER, password_hash, "teacher", created)]
    users.append((2, STUDENT, password_hash, "student", created))
    users += [(i, f"s{i:05d}", "!", "student", created) for i in range(3, students + 2)]
    writer.write("user", USER, users)
    ids = list(range(2, students + 2))
    for rows in _students(school, ids, answers):
        writer.write("quiz", QUIZ, rows["quiz"])
        writer.write("attempt", ATTEMPT, rows["attempt"])
        writer.write("card", CARD, rows["card"])
        writer.write("rating_log", LOG, rows["rating_log"])
    _classrooms(writer, school, ids)
    if not writer.sqlite:
        for table in ("user", "quiz", "attempt", "card", "rating_log"):
            conn.execute(
                text(
                    f"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'id'),"
                    f' (SELECT max(id) FROM "{table}"))'
                )
            )
    conn.execute(text("ANALYZE"))
    return school


def _classrooms(writer: Writer, school: School, students: list[int]) -> None:
    """The teacher's classes: class 1 of `CLASS_SIZE` with an exam in 20 days on two topics,
    and the rest of the school in class 2, so the teacher sees every student (the worst case
    of class scoping: the teacher pages count the whole school through the classes)."""
    topics = sorted({q.topic for q in school.bank})[:2]
    writer.write(
        "classroom",
        ("id", "name", "time_zone", "join_code", "teacher_id", "created_at"),
        [
            (1, "Bench class", "UTC", "BENCH-CODE", 1, school.now),
            (2, "Rest of the school", "UTC", "BENCH-REST", 1, school.now),
        ],
    )
    writer.write(
        "membership",
        ("classroom_id", "user_id", "joined_at"),
        [(1 if i < CLASS_SIZE else 2, user_id, school.now) for i, user_id in enumerate(students)],
    )
    writer.write(
        "exam_date",
        ("id", "classroom_id", "name", "topics", "exam_on", "created_at"),
        [(1, 1, "Bench exam", topics, date.today() + timedelta(days=20), school.now)],
    )

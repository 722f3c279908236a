"""Reading exam dates: a class's exam, the class's recall on exam day, a student's plan.

Which classes a teacher may open is decided in one place, ``quizapp.classes.queries``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from statistics import median

from flask import abort
from sqlalchemy import select

from ..bank.spec import Bank
from ..classes.queries import member_class_ids, member_ids
from ..extensions import db
from ..models import Attempt, Card, Classroom, ExamDate
from ..models.card import card_state
from ..scheduling import (
    DEFAULT_SECONDS_PER_ANSWER,
    CardState,
    Workload,
    expected_recall,
    workload,
)
from ..srs.exams import as_exam

TIMED_ANSWERS = 100
"""How many of a student's latest timed answers their time per answer is the median of."""
LONGEST_ANSWER_MS = 10 * 60 * 1000
"""Answers timed longer than this (the page left open) are not counted."""


def exam_or_404(classroom: Classroom, exam_id: int) -> ExamDate:
    """The class's exam with this id; 404 for a missing one or another class's."""
    exam = db.session.get(ExamDate, exam_id)
    if exam is None or exam.classroom_id != classroom.id:
        abort(404)
    return exam


def exam_questions(bank: Bank, topics: Sequence[str]) -> dict[str, list[str]]:
    """The served questions of each topic, in the order ``topics`` gives (unknown ones: none)."""
    found = {key: bank.topics[key].questions for key in topics if key in bank.topics}
    return {key: [spec.id for spec in found.get(key, ())] for key in topics}


@dataclass(frozen=True)
class TopicRecall:
    """A class's predicted recall of one topic on exam day."""

    topic: str
    title: str
    questions: int
    studied: int  # question-student pairs with a studied card
    pairs: int  # questions × students
    recall: float | None  # mean retrievability at the exam's start, unseen counting 0


def class_recall(classroom: Classroom, exam: ExamDate, bank: Bank) -> list[TopicRecall]:
    """Per topic of ``exam``: FSRS's recall when the exam day starts, if nobody studies again."""
    value = as_exam(exam, classroom.time_zone)
    students = list(db.session.execute(member_ids(classroom.id)).scalars())
    by_topic = exam_questions(bank, exam.topics)
    topic_of = {q: key for key, ids in by_topic.items() for q in ids}
    states: dict[str, list[CardState]] = defaultdict(list)
    if students and topic_of:
        query = select(Card).where(Card.user_id.in_(students), Card.question_id.in_(topic_of))
        for card in db.session.execute(query).scalars():
            if card.last_review is not None:
                states[topic_of[card.question_id]].append(card_state(card))
    rows = []
    for key, ids in by_topic.items():
        pairs = len(ids) * len(students)
        title = bank.topics[key].title if key in bank.topics else key
        recall = expected_recall(states[key], pairs, value.starts)
        rows.append(TopicRecall(key, title, len(ids), len(states[key]), pairs, recall))
    return rows


def seconds_per_answer(user_id: int) -> float:
    """The median time of the student's latest timed answers, or the default without any."""
    query = (
        select(Attempt.time_taken_ms)
        .where(Attempt.user_id == user_id, Attempt.time_taken_ms.is_not(None))
        .where(Attempt.time_taken_ms > 0, Attempt.time_taken_ms <= LONGEST_ANSWER_MS)
        .order_by(Attempt.created_at.desc(), Attempt.id.desc())
        .limit(TIMED_ANSWERS)
    )
    times = list(db.session.execute(query).scalars())
    return median(times) / 1000 if times else DEFAULT_SECONDS_PER_ANSWER


@dataclass(frozen=True)
class ExamPlan:
    """What the student's home page says about one exam ahead."""

    name: str
    class_name: str
    topics: list[str]  # titles
    days: int  # local days until the exam day
    work: Workload
    minutes: int  # about this many minutes a day

    @property
    def sentence(self) -> str:
        """e.g. "Exam in 9 days: 34 cards, about 12 minutes a day"."""
        when = "tomorrow" if self.days == 1 else f"in {self.days} days"
        cards = f"{self.work.cards} card{'' if self.work.cards == 1 else 's'}"
        if not self.minutes:
            return f"Exam {when}: {cards}, nothing more to review before it"
        minutes = f"{self.minutes} minute{'' if self.minutes == 1 else 's'}"
        return f"Exam {when}: {cards}, about {minutes} a day"


def student_plans(user_id: int, bank: Bank, now: datetime) -> list[ExamPlan]:
    """The student's exams ahead, nearest first, each with its cards and minutes a day."""
    query = (
        select(ExamDate, Classroom)
        .join(Classroom, Classroom.id == ExamDate.classroom_id)
        .where(ExamDate.classroom_id.in_(member_class_ids(user_id)))
        .order_by(ExamDate.exam_on, ExamDate.id)
    )
    found = [(row, cls, as_exam(row, cls.time_zone)) for row, cls in db.session.execute(query)]
    ahead = [(row, cls, exam) for row, cls, exam in found if exam.is_ahead(now)]
    if not ahead:
        return []
    questions = {
        row.id: [q for ids in exam_questions(bank, row.topics).values() for q in ids]
        for row, _, _ in ahead
    }
    cards, suspended = _cards(user_id, set().union(*questions.values()))
    seconds = seconds_per_answer(user_id)
    plans = []
    for row, classroom, exam in ahead:
        ids = questions[row.id]
        work = workload(exam, [cards.get(q) for q in ids if q not in suspended], now)
        titles = [bank.topics[key].title for key in row.topics if key in bank.topics]
        days, minutes = exam.days_left(now), work.minutes_per_day(seconds)
        plans.append(ExamPlan(row.name, classroom.name, titles, days, work, minutes))
    return plans


def _cards(user_id: int, wanted: set[str]) -> tuple[dict[str, CardState], set[str]]:
    """The student's cards on the ``wanted`` questions, and which of them are suspended."""
    cards: dict[str, CardState] = {}
    suspended: set[str] = set()
    query = select(Card).where(Card.user_id == user_id, Card.question_id.in_(wanted))
    for card in db.session.execute(query).scalars():
        if card.suspended:
            suspended.add(card.question_id)
        else:
            cards[card.question_id] = card_state(card)
    return cards, suspended

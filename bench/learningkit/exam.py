"""Exam-date mode in the learning simulation: recall on exam day with and without the mode.

The same simulated students (``students``) study with the app's own paths (``appdriver``)
twice, in one database: once alone, once as members of a class with an exam on half the
bank's topics on day ``days`` (its start: midnight UTC, the class's zone). Each copy has its
own hidden memory, drawn from the same seeds, and the same sitting hours and minutes a day
(``log.run_days``). On exam day the report compares, per memory model:

* simulated recall: the students' true mean recall of the exam's questions (never seen: 0);
* predicted recall: the app's own figure, FSRS retrievability at the exam's start averaged
  over the exam's questions, never studied counting 0 (``scheduling.expected_recall``, as
  the teacher's exam page shows it);
* study time: the minutes spent answering until the exam, with / without.

The goal (issue 16): higher simulated recall on exam day for no more than 20 % more study time.
Run with ``bench/learning.py --exam`` (or ``make bench``).
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from statistics import fmean

from sqlalchemy import select

from quizapp.bank.spec import Bank
from quizapp.bank.webapp import current_bank
from quizapp.database import write_transaction
from quizapp.extensions import db
from quizapp.models import Card, Classroom, ExamDate, Membership
from quizapp.scheduling import expected_recall
from tests.support.clock import FrozenClock

from .appdriver import START, AppStudent, add_student, build_app, moment
from .log import StudyLog, run_days
from .memory import MODELS
from .report import Figure
from .students import Mind, make_students

ARMS = ("without", "with")
TIME_GOAL = 1.20
"""The mode may cost at most 20 % more study time."""


@dataclass
class ExamRun:
    """One memory model's exam simulation: per arm, each student's recall and minutes."""

    model: str
    days: int
    students: int
    questions: int
    true: dict[str, list[float]] = field(default_factory=lambda: {a: [] for a in ARMS})
    predicted: dict[str, list[float]] = field(default_factory=lambda: {a: [] for a in ARMS})
    minutes: dict[str, list[float]] = field(default_factory=lambda: {a: [] for a in ARMS})


def exam_topics(bank: Bank) -> list[str]:
    """Every other topic of the bank: the exam covers about half of it."""
    return list(bank.topics)[::2]


def add_class_exam(topics: list[str], days: int) -> int:
    """A teacher's class with an exam on ``topics`` on day ``days``; the class's id."""
    teacher = add_student(10_000)
    with write_transaction():
        room = Classroom(name="Exam class", time_zone="UTC", join_code="BENCHEXAM")
        room.teacher_id = teacher
        db.session.add(room)
        db.session.flush()
        exam_on = (START + timedelta(days=days)).date()
        db.session.add(ExamDate(classroom_id=room.id, name="Exam", topics=topics, exam_on=exam_on))
        return room.id


def join(classroom_id: int, user_id: int) -> None:
    """Put the student in the class (as the classes page would)."""
    with write_transaction():
        db.session.add(Membership(classroom_id=classroom_id, user_id=user_id))


def predicted_recall(user_id: int, question_ids: list[str], days: int) -> float:
    """The app's recall of the exam's questions at its start (never studied: 0)."""
    cards = db.session.execute(
        select(Card).where(Card.user_id == user_id, Card.question_id.in_(question_ids))
    ).scalars()
    value = expected_recall([c.to_state() for c in cards], len(question_ids), moment(days))
    db.session.rollback()
    return value or 0.0


def simulate_exam(model_name: str, students: int, days: int, seed: int, folder: Path) -> ExamRun:
    """``students`` students of one memory model, with and without an exam on day ``days``."""
    model = MODELS[model_name]()
    clock = FrozenClock(START)
    app = build_app(folder, clock)
    with app.app_context():
        bank = current_bank()
        topics = exam_topics(bank)
        ids = [q.id for key in topics for q in bank.topics[key].questions]
        run = ExamRun(model.name, days, students, len(ids))
        classroom = add_class_exam(topics, days)
        for student in make_students(model, bank, students, seed):
            for arm in ARMS:

                def rng(part: str, index: int = student.index) -> random.Random:
                    return random.Random(f"{seed}:{model_name}:exam:{part}:{index}")

                user_id = add_student(student.index + (1000 if arm == "with" else 0))
                if arm == "with":
                    join(classroom, user_id)
                in_app = AppStudent(user_id, bank, clock, rng("app"))
                mind = Mind(model, student, rng("mind"))
                log: StudyLog = run_days(in_app.sit, mind, student, ids, days, [days], seed)
                run.true[arm].append(fmean(mind.recall(q, float(days)) for q in ids))
                run.predicted[arm].append(predicted_recall(user_id, ids, days))
                run.minutes[arm].append(log.minutes)
    return run


def exam_figures(run: ExamRun) -> list[Figure]:
    """Recall on exam day (simulated and predicted) and study time, with and without."""
    m = run.model
    true = {arm: fmean(run.true[arm]) for arm in ARMS}
    predicted = {arm: fmean(run.predicted[arm]) for arm in ARMS}
    minutes = {arm: fmean(run.minutes[arm]) for arm in ARMS}
    ratio = minutes["with"] / minutes["without"] if minutes["without"] else None
    gain = true["with"] - true["without"]
    passed = gain > 0 and ratio is not None and ratio <= TIME_GOAL
    title = f"exam day {run.days}, {run.students} students × {run.questions} questions"
    return [
        Figure(f"{title}: simulated recall without", m, true["without"], percent=True),
        Figure(f"{title}: simulated recall with the mode", m, true["with"], percent=True),
        Figure(f"{title}: predicted recall without", m, predicted["without"], percent=True),
        Figure(f"{title}: predicted recall with the mode", m, predicted["with"], percent=True),
        Figure(f"{title}: minutes studied without", m, minutes["without"]),
        Figure(f"{title}: minutes studied with the mode", m, minutes["with"]),
        Figure(
            f"{title}: recall gain, at study time with ÷ without {ratio or 0:.2f}",
            m,
            gain,
            goal=f"> 0 at ≤ {TIME_GOAL:.2f}× the time",
            passed=passed,
            percent=True,
        ),
    ]


def exam_report(students: int, days: int, seed: int, folder: Path) -> list[Figure]:
    """Both memory models' exam figures."""
    rows: list[Figure] = []
    for name in MODELS:
        (folder / f"exam-{name}").mkdir()
        rows += exam_figures(simulate_exam(name, students, days, seed, folder / f"exam-{name}"))
    return rows

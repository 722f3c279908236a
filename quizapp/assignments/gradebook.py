"""An assignment's gradebook: students x questions from first answers, and what it tells.

A cell is the student's *first* answer to that question in any try at the assignment (a
later try shows what was learnt, not what was known). A student's mark is the first-answer
score averaged over the assignment's *counted* questions, unanswered ones scoring 0; a
question since removed from the bank is not counted, for anyone, so all are marked on the
same questions (its answers stay visible in the grid). The average is over students who
handed in; the most-missed questions rank by the share of first answers not fully right;
misconceptions are first answers wrong while marked "very sure" (``scheduling.evidence``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from ..bank.spec import Bank
from ..extensions import db
from ..models import Assignment, Attempt, Question, Quiz
from ..presentation import verdict
from ..scheduling import is_misconception
from .access import class_students
from .progress import Progress, progress_of, tries_of

MOST_MISSED = 5
"""How many of the most-missed questions the page lists."""


@dataclass(frozen=True)
class Cell:
    """A student's first answer to one question."""

    score: float
    correct: bool
    confidence: int | None
    answer: str

    @property
    def verdict(self) -> str:
        """``right``, ``partly right`` or ``wrong``."""
        return verdict(self.score, self.correct)

    @property
    def misconception(self) -> bool:
        """Wrong, and marked "very sure"."""
        return is_misconception(self.correct, self.confidence)


@dataclass(frozen=True)
class Column:
    """One question of the assignment."""

    question_id: str
    prompt: str
    counted: bool
    """Still in the bank, so it counts towards marks."""
    answered: int = 0
    missed: int = 0
    misconceptions: tuple[str, ...] = ()
    """The answers given "very sure" and wrong, one per student."""

    @property
    def missed_share(self) -> float | None:
        """Share of first answers not fully right; None before any."""
        return self.missed / self.answered if self.answered else None


@dataclass(frozen=True)
class StudentRow:
    """One student: status, first answers (one per column; None: not answered) and mark."""

    user_id: int
    username: str
    progress: Progress
    cells: tuple[Cell | None, ...]
    mark: float | None
    """First-answer score over the counted questions; None before any answer."""


@dataclass(frozen=True)
class Gradebook:
    """The teacher's page (and CSV) of one assignment."""

    assignment: Assignment
    columns: tuple[Column, ...]
    rows: tuple[StudentRow, ...]

    @property
    def handed_in(self) -> int:
        """Students who handed in (on time or late)."""
        return sum(1 for r in self.rows if r.progress.handed_in_at is not None)

    @property
    def average(self) -> float | None:
        """Mean mark of the students who handed in; None before any."""
        marks = [r.mark for r in self.rows if r.progress.handed_in_at is not None]
        marks = [m for m in marks if m is not None]
        return sum(marks) / len(marks) if marks else None

    @property
    def most_missed(self) -> list[Column]:
        """The questions most often missed at first, worst first (missed at least once)."""
        missed = [c for c in self.columns if c.missed]
        missed.sort(key=lambda c: (-(c.missed_share or 0.0), -c.missed, c.question_id))
        return missed[:MOST_MISSED]

    @property
    def misconceptions(self) -> list[Column]:
        """The questions with confidently wrong first answers, most first."""
        found = [c for c in self.columns if c.misconceptions]
        return sorted(found, key=lambda c: (-len(c.misconceptions), c.question_id))


def first_answers(assignment_id: int) -> dict[tuple[int, str], Cell]:
    """``(user id, question id)`` -> the first answer in any try at the assignment."""
    rows = db.session.execute(
        select(
            Attempt.user_id,
            Attempt.question_id,
            Attempt.score,
            Attempt.correct,
            Attempt.confidence,
            Attempt.normalised,
        )
        .join(Quiz, Attempt.quiz_id == Quiz.id)
        .where(Quiz.assignment_id == assignment_id, Quiz.user_id == Attempt.user_id)
        .order_by(Attempt.created_at, Attempt.id)
    )
    found: dict[tuple[int, str], Cell] = {}
    for user_id, question_id, score, correct, confidence, normalised in rows:
        found.setdefault((user_id, question_id), Cell(score, correct, confidence, normalised))
    return found


def _prompts(question_ids: list[str], bank: Bank) -> dict[str, str]:
    """Each question's prompt: the bank's, or the database copy of a removed one."""
    prompts = {qid: bank.questions[qid].prompt for qid in question_ids if qid in bank}
    missing = [qid for qid in question_ids if qid not in prompts]
    if missing:
        rows = db.session.execute(select(Question).where(Question.id.in_(missing))).scalars()
        prompts.update({question.id: question.prompt for question in rows})
    return prompts


def build_gradebook(assignment: Assignment, bank: Bank, now: datetime) -> Gradebook:
    """The gradebook of ``assignment`` for the students in its class now (four queries)."""
    question_ids = list(assignment.question_ids)
    students = class_students(assignment.classroom_id)
    tries = tries_of([assignment.id], [user_id for user_id, _ in students])
    answers = first_answers(assignment.id)
    counted = [qid in bank for qid in question_ids]
    rows = []
    for user_id, username in students:
        cells = tuple(answers.get((user_id, qid)) for qid in question_ids)
        scores = [c.score if c else 0.0 for c, n in zip(cells, counted, strict=True) if n]
        any_answer = any(c is not None for c in cells)
        mark = sum(scores) / len(scores) if scores and any_answer else None
        progress = progress_of(assignment, tries.get((assignment.id, user_id), []), now)
        rows.append(StudentRow(user_id, username, progress, cells, mark))
    prompts = _prompts(question_ids, bank)
    columns = []
    for index, qid in enumerate(question_ids):
        given = [r.cells[index] for r in rows if r.cells[index] is not None]
        columns.append(
            Column(
                question_id=qid,
                prompt=prompts.get(qid, qid),
                counted=counted[index],
                answered=len(given),
                missed=sum(1 for c in given if c is not None and not c.correct),
                misconceptions=tuple(c.answer for c in given if c is not None and c.misconception),
            )
        )
    return Gradebook(assignment, tuple(columns), tuple(rows))


def common(answers: Iterable[str]) -> list[tuple[str, int]]:
    """Distinct answers with how often each was given, most often first."""
    return Counter(answers).most_common()

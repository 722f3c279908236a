"""Question statistics (item analysis, as Moodle computes it) and each question's YAML source."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from flask import abort, current_app, render_template, request
from flask_login import current_user
from markupsafe import Markup
from sqlalchemy import Select, select

from ..analytics import (
    ATTEMPTS,
    CHOICE_TYPES,
    MIN_STUDENTS,
    ORDERS,
    ChoiceCount,
    Consistency,
    ItemStats,
    needs_checking,
    order_questions,
    random_guess_score,
)
from ..auth.decorators import teacher_required
from ..classes.queries import student_ids, visible_student_ids
from ..extensions import db
from ..history.cards import question_leeches
from ..models import Question
from ..presentation import markdown_inline
from ..regrading.operations import REGRADABLE
from ..scheduling import LEECH_LAPSES
from ..statistics.questions import Figures, choices, figures, students_key
from .regrades import regrades_of
from .views import bp

__all__ = ["QuestionRow", "Statistics", "question_statistics", "yaml_path"]


@dataclass(frozen=True)
class QuestionRow:
    """One question: its current version's item analysis, older versions', wrong answers."""

    question: Question
    stats: ItemStats | None
    older: list[ItemStats]
    wrong_answers: list[tuple[str, int]]
    leeches: int
    reasons: list[str] = field(default_factory=list)
    misconceptions: int = 0
    """Answers wrong (or partly right) and marked "very sure" (confidence-based marking)."""

    @property
    def prompt(self) -> Markup:
        """The prompt's Markdown as safe inline HTML."""
        return markdown_inline(self.question.prompt)


@dataclass(frozen=True)
class Statistics:
    """The page: one row per served question, and the bank's internal consistency."""

    rows: list[QuestionRow]
    consistency: Consistency
    computed_at: datetime | None = None
    """When the figures were computed (None: for this request)."""
    behind: bool = False
    """Answers came in since they were computed (they are recomputed every minute)."""


def question_statistics(
    order: str = "bank",
    attempts: str = "first",
    students: Select[tuple[int]] | None = None,
    scope: str = "",
    only: str | None = None,
    who: str | None = None,
) -> Statistics:
    """Item analysis of every served question (or of the question ``only``) from the graded
    answers of ``students`` (None: every student), cached per ``scope`` (``statistics.cache``;
    ``who``: the students' `students_key` if known): four queries when the figures are stored."""
    questions = {
        q.id: q
        for q in db.session.execute(
            select(Question)
            .where(Question.retired_at.is_(None))
            .order_by(Question.file, Question.line)
        ).scalars()
    }
    served = {q.id: q.version for q in questions.values()}  # what served_versions() reads
    found = figures(served, attempts, students, scope, who)
    result: Figures = found.value
    stats = result.items
    current = {q.id: stats.get((q.id, q.version)) for q in questions.values()}
    leeches = question_leeches(student_ids() if students is None else students, only)
    by_question: dict[str, list[ItemStats]] = {}
    for item in stats.values():
        if item.question_id in questions and item.version != questions[item.question_id].version:
            by_question.setdefault(item.question_id, []).append(item)
    rows = [
        QuestionRow(
            question=questions[qid],
            stats=current[qid],
            older=sorted(by_question.get(qid, []), key=lambda s: -s.answers),
            wrong_answers=result.wrong_answers.get(qid, []),
            leeches=leeches.get(qid, 0),
            reasons=needs_checking(
                current[qid],
                random_guess_score(questions[qid].type, questions[qid].data),
            ),
            misconceptions=result.misconceptions.get(qid, 0),
        )
        for qid in order_questions(list(questions), current, order)
        if only is None or qid == only
    ]
    return Statistics(rows, result.consistency, found.computed_at, found.behind)


def question_choices(
    question: Question,
    attempts: str = "first",
    students: Select[tuple[int]] | None = None,
    scope: str = "",
    who: str | None = None,
) -> list[ChoiceCount]:
    """How often each option of a choice question's current version was picked."""
    if question.type not in CHOICE_TYPES:
        return []
    found = choices(
        question.type, question.data, question.id, question.version, attempts, students, scope, who
    )
    return found.value


def yaml_path(question: Question) -> Path | None:
    """The bank file a question comes from, only if it really is a YAML file of the bank folder.

    ``Question.file`` is named relative to the bank folder's parent (``questions/people.yaml``).
    """
    bank_dir = Path(current_app.config["QUESTIONS_DIR"]).resolve()
    path = (bank_dir.parent / question.file).resolve()
    if not path.is_relative_to(bank_dir) or path.suffix not in {".yaml", ".yml"}:
        return None
    return path if path.is_file() else None


def _viewer_scope() -> tuple[Select[tuple[int]] | None, str]:
    """Whose answers the statistics count for the teacher asking: an admin's are the school's
    (None), a teacher's the students of their classes, cached under their own scope."""
    if current_user.is_admin:
        return None, ""
    return visible_student_ids(current_user), f"teacher:{current_user.id}"


def _choice(name: str, options: tuple[str, ...]) -> str:
    """The query-string value `name` if it is one of `options`, else the first option."""
    value = request.args.get(name, options[0])
    return value if value in options else options[0]


@bp.route("/questions")
@teacher_required
def questions() -> str:
    """Per-question statistics: first or all attempts, sorted by bank order, most missed, ...

    Over the answers of the students of your classes (every student's, for an admin).
    """
    order, attempts = _choice("sort", ORDERS), _choice("attempts", ATTEMPTS)
    students, scope = _viewer_scope()
    return render_template(
        "teacher/questions.html",
        statistics=question_statistics(order, attempts, students, scope),
        order=order,
        orders=ORDERS,
        attempts=attempts,
        min_students=MIN_STUDENTS,
    )


@bp.route("/questions/<question_id>")
@teacher_required
def question(question_id: str) -> str:
    """One question: every version's statistics and, for choice questions, each option's picks."""
    found = db.get_or_404(Question, question_id)
    attempts = _choice("attempts", ATTEMPTS)
    students, scope = _viewer_scope()
    who = None if students is None else students_key(students)  # once for both tables
    statistics = question_statistics("bank", attempts, students, scope, question_id, who)
    row = next(iter(statistics.rows), None)
    return render_template(
        "teacher/question.html",
        question=found,
        row=row,
        statistics=statistics,
        choices=question_choices(found, attempts, students, scope, who),
        attempts=attempts,
        min_students=MIN_STUDENTS,
        regradable=found.type in REGRADABLE,
        regrades=regrades_of(question_id),
        leech_lapses=LEECH_LAPSES,
    )


@bp.route("/questions/<question_id>/yaml")
@teacher_required
def question_yaml(question_id: str) -> str:
    """The YAML file a question is written in, numbered, with the question's line marked."""
    question = db.get_or_404(Question, question_id)
    path = yaml_path(question)
    if path is None:
        abort(404)
    lines = path.read_text(encoding="utf-8").splitlines()
    return render_template("teacher/question_yaml.html", question=question, lines=lines)

"""Question statistics (item analysis, as Moodle computes it) and each question's YAML source."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from flask import abort, current_app, render_template, request
from flask_login import current_user
from markupsafe import Markup
from sqlalchemy import Select, Subquery, func, select

from ..analytics import (
    ATTEMPTS,
    CHOICE_TYPES,
    MIN_STUDENTS,
    ORDERS,
    ChoiceCount,
    Consistency,
    ItemStats,
    choice_counts,
    common_wrong_answers,
    internal_consistency,
    item_scores,
    item_statistics,
    needs_checking,
    order_questions,
    random_guess_score,
)
from ..auth.decorators import teacher_required
from ..classes.queries import visible_student_ids
from ..extensions import db
from ..history.cards import question_leeches
from ..history.queries import GRADED
from ..models import Attempt, Question
from ..presentation import markdown_inline
from ..regrading.operations import REGRADABLE
from ..scheduling.evidence import VERY_SURE
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


def _student_answers(students: Select[tuple[int]], *columns: Any) -> Select[Any]:
    """SELECT `columns` over the graded answers of `students` (a SELECT of student ids:
    teachers trying the quiz do not count, nor students of other teachers' classes)."""
    return select(*columns).where(Attempt.user_id.in_(students), GRADED)


def counted_answers(students: Select[tuple[int]], attempts: str = "first") -> Subquery:
    """The answers the statistics count: each student's first graded answer to each question
    (by time; a later answer to an edited version is not a first encounter), or all of them.
    """
    columns = (
        Attempt.question_id,
        Attempt.question_version,
        Attempt.user_id,
        Attempt.score,
        Attempt.correct,
        Attempt.normalised,
        Attempt.raw_answer,
        Attempt.confidence,
    )
    if attempts == "all":
        return _student_answers(students, *columns).subquery()
    rank = func.row_number().over(
        partition_by=(Attempt.user_id, Attempt.question_id),
        order_by=(Attempt.created_at, Attempt.id),
    )
    ranked = _student_answers(students, *columns, rank.label("rank")).subquery()
    return select(ranked).where(ranked.c.rank == 1).subquery()


def question_statistics(
    students: Select[tuple[int]], order: str = "bank", attempts: str = "first"
) -> Statistics:
    """Item analysis of every served question from the graded answers of `students`: five
    queries."""
    served = select(Question).where(Question.retired_at.is_(None))
    questions = {
        q.id: q for q in db.session.execute(served.order_by(Question.file, Question.line)).scalars()
    }
    answers = counted_answers(students, attempts)
    c = answers.c
    responses = [
        (q, v, u, float(s), int(n))
        for q, v, u, s, n in db.session.execute(
            select(
                c.question_id, c.question_version, c.user_id, func.sum(c.score), func.count()
            ).group_by(c.question_id, c.question_version, c.user_id)
        )
    ]
    stats = item_statistics(responses)
    current = {q.id: stats.get((q.id, q.version)) for q in questions.values()}
    wrong_rows = db.session.execute(
        select(c.question_id, c.question_version, c.normalised, func.count())
        .where(c.correct.is_(False))
        .group_by(c.question_id, c.question_version, c.normalised)
    )
    wrong = common_wrong_answers(
        (q, answer, n)
        for q, v, answer, n in wrong_rows
        if q in questions and v == questions[q].version
    )
    misconceptions = {
        q: int(n)
        for q, v, n in db.session.execute(
            select(c.question_id, c.question_version, func.count())
            .where(c.correct.is_(False), c.confidence == VERY_SURE)
            .group_by(c.question_id, c.question_version)
        )
        if q in questions and v == questions[q].version
    }
    leeches = question_leeches(students)
    by_question: dict[str, list[ItemStats]] = {}
    for item in stats.values():
        if item.question_id in questions and item.version != questions[item.question_id].version:
            by_question.setdefault(item.question_id, []).append(item)
    in_bank = [r for r in responses if r[0] in questions and r[1] == questions[r[0]].version]
    rows = [
        QuestionRow(
            question=questions[qid],
            stats=current[qid],
            older=sorted(by_question.get(qid, []), key=lambda s: -s.answers),
            wrong_answers=wrong.get(qid, []),
            leeches=leeches.get(qid, 0),
            reasons=needs_checking(
                current[qid],
                random_guess_score(questions[qid].type, questions[qid].data),
            ),
            misconceptions=misconceptions.get(qid, 0),
        )
        for qid in order_questions(list(questions), current, order)
    ]
    return Statistics(rows, internal_consistency(item_scores(in_bank)))


def question_choices(
    question: Question, students: Select[tuple[int]], attempts: str = "first"
) -> list[ChoiceCount]:
    """How often each option of a choice question's current version was picked: one query."""
    if question.type not in CHOICE_TYPES:
        return []
    c = counted_answers(students, attempts).c
    picks = db.session.execute(
        select(c.raw_answer).where(
            c.question_id == question.id, c.question_version == question.version
        )
    ).scalars()
    return choice_counts(question.type, question.data, picks)


def yaml_path(question: Question) -> Path | None:
    """The bank file a question comes from, only if it really is a YAML file of the bank folder.

    ``Question.file`` is named relative to the bank folder's parent (``questions/people.yaml``).
    """
    bank_dir = Path(current_app.config["QUESTIONS_DIR"]).resolve()
    path = (bank_dir.parent / question.file).resolve()
    if not path.is_relative_to(bank_dir) or path.suffix not in {".yaml", ".yml"}:
        return None
    return path if path.is_file() else None


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
    students = visible_student_ids(current_user)
    return render_template(
        "teacher/questions.html",
        statistics=question_statistics(students, order, attempts),
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
    students = visible_student_ids(current_user)
    statistics = question_statistics(students, "bank", attempts)
    row = next((r for r in statistics.rows if r.question.id == question_id), None)
    return render_template(
        "teacher/question.html",
        question=found,
        row=row,
        choices=question_choices(found, students, attempts),
        attempts=attempts,
        min_students=MIN_STUDENTS,
        regradable=found.type in REGRADABLE,
        regrades=regrades_of(question_id),
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

"""Question statistics (item analysis) and each question's YAML source (teachers only)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from flask import abort, current_app, render_template, request
from markupsafe import Markup
from sqlalchemy import Select, func, select

from ..analytics import (
    MIN_DISCRIMINATION_STUDENTS,
    ORDERS,
    SUSPICIOUS_BELOW,
    ItemStats,
    common_wrong_answers,
    item_statistics,
    order_questions,
)
from ..auth.decorators import teacher_required
from ..extensions import db
from ..history.cards import question_leeches
from ..history.queries import GRADED
from ..models import Attempt, Question, User
from ..presentation import markdown_inline
from .views import bp

__all__ = ["QuestionRow", "question_statistics", "yaml_path"]


@dataclass(frozen=True)
class QuestionRow:
    """One question's line: the question, its item analysis, wrong answers, leeches."""

    question: Question
    stats: ItemStats | None
    wrong_answers: list[tuple[str, int]]
    leeches: int

    @property
    def prompt(self) -> Markup:
        """The prompt's Markdown as safe inline HTML."""
        return markdown_inline(self.question.prompt)


def _student_answers(*columns: Any) -> Select[Any]:
    """SELECT `columns` over students' graded answers (teachers trying the quiz do not count)."""
    return (
        select(*columns)
        .join(User, Attempt.user_id == User.id)
        .where(User.role == "student", GRADED)
    )


def question_statistics(order: str = "bank") -> list[QuestionRow]:
    """Item analysis of every served question from students' graded answers: four queries."""
    served = select(Question).where(Question.retired_at.is_(None))
    questions = {
        q.id: q for q in db.session.execute(served.order_by(Question.file, Question.line)).scalars()
    }
    responses = db.session.execute(
        _student_answers(
            Attempt.question_id, Attempt.user_id, func.sum(Attempt.score), func.count(Attempt.id)
        ).group_by(Attempt.question_id, Attempt.user_id)
    )
    stats = item_statistics((q, u, float(s), int(n)) for q, u, s, n in responses)
    wrong = common_wrong_answers(
        db.session.execute(
            _student_answers(Attempt.question_id, Attempt.normalised, func.count(Attempt.id))
            .where(Attempt.correct.is_(False))
            .group_by(Attempt.question_id, Attempt.normalised)
        )
    )
    leeches = question_leeches()
    return [
        QuestionRow(
            question=questions[qid],
            stats=stats.get(qid),
            wrong_answers=wrong.get(qid, []),
            leeches=leeches.get(qid, 0),
        )
        for qid in order_questions(list(questions), stats, order)
    ]


def yaml_path(question: Question) -> Path | None:
    """The bank file a question comes from, only if it really is a YAML file of the bank folder.

    ``Question.file`` is named relative to the bank folder's parent (``questions/people.yaml``).
    """
    bank_dir = Path(current_app.config["QUESTIONS_DIR"]).resolve()
    path = (bank_dir.parent / question.file).resolve()
    if not path.is_relative_to(bank_dir) or path.suffix not in {".yaml", ".yml"}:
        return None
    return path if path.is_file() else None


@bp.route("/questions")
@teacher_required
def questions() -> str:
    """Per-question statistics, sortable by bank order, most missed, or suspicious."""
    order = request.args.get("sort", "bank")
    if order not in ORDERS:
        order = "bank"
    return render_template(
        "teacher/questions.html",
        rows=question_statistics(order),
        order=order,
        orders=ORDERS,
        min_students=MIN_DISCRIMINATION_STUDENTS,
        suspicious_below=SUSPICIOUS_BELOW,
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

"""The class overview, and each student's history as the student sees it (teachers only).

A teacher sees the students of their own classes, an admin every student
(``classes.queries``); anyone else's id is a 404.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from flask import Response, abort, render_template, request
from flask_login import current_user
from flask_sqlalchemy.pagination import Pagination
from sqlalchemy import Select, and_, case, func, select

from ..auth.decorators import teacher_required
from ..classes.queries import class_summaries, student_or_404, student_scope
from ..clock import now
from ..extensions import db
from ..history import views as history
from ..history.cards import CardCounts, class_card_counts
from ..history.queries import GRADED
from ..models import Attempt, Quiz, User
from ..scheduling.evidence import VERY_SURE
from .views import bp

__all__ = ["Overview", "StudentRow", "class_overview"]

_MISCONCEPTION = and_(GRADED, Attempt.correct.is_(False), Attempt.confidence == VERY_SURE)
"""A graded answer wrong or partly right while marked "very sure" (docs/learning.md)."""


@dataclass(frozen=True)
class StudentRow:
    """One student's line in the class overview."""

    user: User
    last_active: datetime | None
    quizzes: int
    graded: int
    score_sum: float
    cards: CardCounts
    misconceptions: int = 0
    """Answers wrong (or partly right) marked "very sure" (confidence-based marking)."""

    @property
    def average(self) -> float | None:
        """Mean score of the student's graded answers, 0..1."""
        return self.score_sum / self.graded if self.graded else None


def _latest(*moments: datetime | None) -> datetime | None:
    return max((m for m in moments if m is not None), default=None)


STUDENTS_PER_PAGE = 50
MAX_PAGE = 100_000
SEARCH_LENGTH = 32
"""Usernames are at most 32 characters."""


@dataclass(frozen=True)
class Overview:
    """One page of the class overview: its students' rows and the page's place in the list."""

    rows: list[StudentRow]
    page: Pagination
    search: str


def class_overview(
    at: datetime,
    students: Select[tuple[int]],
    *,
    search: str = "",
    page: int = 1,
    per_page: int = STUDENTS_PER_PAGE,
) -> Overview:
    """One page of the students of ``students`` (a SELECT of ids) by username (``search``:
    part of it, any case), with activity and card figures: five indexed queries over that
    page's students only, whatever the school."""
    accounts = (
        select(User)
        .where(User.role == "student", User.id.in_(students))
        .order_by(User.username)
    )
    if search:
        accounts = accounts.where(
            func.lower(User.username).contains(search.lower(), autoescape=True)
        )
    found = db.paginate(accounts, page=page, per_page=per_page, max_per_page=per_page)
    listed: Sequence[User] = found.items
    ids = [student.id for student in listed]
    answers = {
        uid: (last, int(graded or 0), float(total or 0.0), int(believed or 0))
        for uid, last, graded, total, believed in db.session.execute(
            select(
                Attempt.user_id,
                func.max(Attempt.created_at),
                func.sum(case((GRADED, 1), else_=0)),
                func.sum(case((GRADED, Attempt.score), else_=0.0)),
                func.sum(case((_MISCONCEPTION, 1), else_=0)),
            )
            .where(Attempt.user_id.in_(ids))
            .group_by(Attempt.user_id)
        )
    }
    quiz_activity = {
        uid: (last, int(finished or 0))
        for uid, last, finished in db.session.execute(
            select(
                Quiz.user_id,
                func.max(Quiz.last_activity_at),
                func.count(Quiz.finished_at),
            )
            .where(Quiz.user_id.in_(ids))
            .group_by(Quiz.user_id)
        )
    }
    cards = class_card_counts(at, select(User.id).where(User.id.in_(ids)))
    rows = []
    for student in listed:
        last_answer, graded, total, misconceptions = answers.get(student.id, (None, 0, 0.0, 0))
        last_quiz, finished_quizzes = quiz_activity.get(student.id, (None, 0))
        rows.append(
            StudentRow(
                user=student,
                last_active=_latest(last_answer, last_quiz),
                quizzes=finished_quizzes,
                graded=graded,
                score_sum=total,
                cards=cards.get(student.id, CardCounts(0, 0)),
                misconceptions=misconceptions,
            )
        )
    return Overview(rows, found, search)


def _links(user_id: int) -> history.HistoryLinks:
    return history.HistoryLinks(
        "teacher.student_history",
        "teacher.student_quiz",
        "teacher.student_export",
        {"user_id": user_id},
    )


@bp.route("/students")
@teacher_required
def students() -> str:
    """The class overview: the students of your classes, or of one (``?class=<id>``), a page
    at a time (``?page=``), found by name (``?q=``)."""
    classroom, scope = student_scope(current_user, request.args.get("class", type=int))
    page = request.args.get("page", 1, type=int)
    if not 1 <= page <= MAX_PAGE:
        abort(404)
    search = request.args.get("q", "").strip()[:SEARCH_LENGTH]
    return render_template(
        "teacher/students.html",
        overview=class_overview(now(), scope, search=search, page=page),
        classroom=classroom,
        classes=class_summaries(current_user, everyone=True),
    )


@bp.route("/students/<int:user_id>/history")
@teacher_required
def student_history(user_id: int) -> str:
    """A student's history page, exactly as they see it."""
    return history.show_history(student_or_404(current_user, user_id), _links(user_id))


@bp.route("/students/<int:user_id>/history/quiz/<int:quiz_id>")
@teacher_required
def student_quiz(user_id: int, quiz_id: int) -> str:
    """One of a student's quizzes."""
    return history.show_quiz(student_or_404(current_user, user_id), quiz_id, _links(user_id))


@bp.route("/students/<int:user_id>/export.csv")
@teacher_required
def student_export(user_id: int) -> Response:
    """A student's attempts as CSV."""
    return history.export_csv(student_or_404(current_user, user_id))

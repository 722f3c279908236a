"""A student's own history: progress overview, quizzes, one quiz's answers, CSV export.

The view functions `show_history`, `show_quiz` and `export_csv` take the user whose
history to show; the teacher pages call the same functions for a chosen student.
"""

from __future__ import annotations

from typing import Any, NamedTuple
from zoneinfo import ZoneInfo

from flask import Blueprint, Response, abort, render_template, request, stream_with_context
from flask_login import current_user, login_required

from ..bank.webapp import current_bank
from ..clock import now
from ..models import User
from ..srs.cards import settings_for
from ..study.policy import quiz_rules
from ..study.queries import quiz_or_404
from . import queries
from .answers import answer_rows, misconception_rows
from .dashboard import build_overview
from .export import csv_lines
from .quizzes import quiz_rows, quiz_state, topics_text

bp = Blueprint("history", __name__, url_prefix="/history", template_folder="templates")

#: Pages of quizzes beyond this are not found (no history is that long).
MAX_PAGE = 100_000


class HistoryLinks(NamedTuple):
    """The endpoints a history page links to, and the URL values they all need."""

    index: str
    quiz: str
    export: str
    args: dict[str, Any]


OWN_LINKS = HistoryLinks("history.index", "history.quiz", "history.export", {})


def show_history(user: User, links: HistoryLinks = OWN_LINKS) -> str:
    """The overview and one page of quizzes, newest first."""
    number = request.args.get("page", 1, type=int)
    if not 1 <= number <= MAX_PAGE:
        abort(404)  # a huge number would overflow the database's OFFSET
    page = queries.quizzes_page(user.id, number)
    moment = now()
    overview = build_overview(user.id, moment)
    ids = [s.id for s in page.items]
    scores = queries.quiz_scores(ids, asked={s.id: s.question_ids for s in page.items})
    tries = [s.id for s in page.items if s.assignment_id is not None]
    for quiz_id in queries.hidden_among(tries, moment):  # a test's score shows after its due
        scores.pop(quiz_id, None)
    rows = quiz_rows(
        page.items,
        scores,
        queries.topic_titles(),
        overview.timezone,
        moment,
    )
    believed = misconception_rows(queries.misconceptions(user.id), current_bank())
    return render_template(
        "history/index.html",
        owner=user,
        links=links,
        overview=overview,
        page=page,
        rows=rows,
        misconceptions=believed,
    )


def show_quiz(user: User, quiz_id: int, links: HistoryLinks = OWN_LINKS) -> str:
    """Every answer of one of `user`'s quizzes; 404 for anyone else's."""
    quiz = quiz_or_404(user.id, quiz_id)
    moment = now()
    rules = quiz_rules(quiz, moment)
    rows = answer_rows(queries.quiz_answers(quiz), current_bank()) if rules.show_feedback else []
    return render_template(
        "history/quiz.html",
        owner=user,
        links=links,
        quiz=quiz,
        started=quiz.started_at.astimezone(ZoneInfo(settings_for(user.id).zone)),
        topics=topics_text(quiz.topics or [], queries.topic_titles()),
        rows=rows,
        hidden_until=rules.hidden_until,
        state=quiz_state(quiz, moment),
    )


def export_csv(user: User) -> Response:
    """All of `user`'s attempts as CSV, streamed."""
    body = stream_with_context(csv_lines(queries.export_rows(user.id, now())))
    filename = f"quizapp-{user.username}-attempts.csv"
    return Response(
        body,
        mimetype="text/csv",
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


@bp.route("/")
@login_required
def index() -> str:
    """Your history."""
    return show_history(current_user)


@bp.route("/quiz/<int:quiz_id>")
@login_required
def quiz(quiz_id: int) -> str:
    """One of your quizzes."""
    return show_quiz(current_user, quiz_id)


@bp.route("/export.csv")
@login_required
def export() -> Response:
    """Your attempts as CSV."""
    return export_csv(current_user)

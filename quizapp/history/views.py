"""A student's own history: progress overview, sessions, one session's answers, CSV export.

The view functions `show_history`, `show_session` and `export_csv` take the user whose
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
from ..review.cards import settings_for
from ..study.queries import quiz_or_404
from . import queries
from .answers import answer_rows
from .dashboard import build_overview
from .export import csv_lines
from .sessions import session_rows, topics_text

bp = Blueprint("history", __name__, url_prefix="/history", template_folder="templates")

#: Pages of sessions beyond this are not found (no history is that long).
MAX_PAGE = 100_000


class HistoryLinks(NamedTuple):
    """The endpoints a history page links to, and the URL values they all need."""

    index: str
    session: str
    export: str
    args: dict[str, Any]


OWN_LINKS = HistoryLinks("history.index", "history.session", "history.export", {})


def show_history(user: User, links: HistoryLinks = OWN_LINKS) -> str:
    """The overview and one page of sessions, newest first."""
    number = request.args.get("page", 1, type=int)
    if not 1 <= number <= MAX_PAGE:
        abort(404)  # a huge number would overflow the database's OFFSET
    page = queries.sessions_page(user.id, number)
    overview = build_overview(user.id, now())
    rows = session_rows(
        page.items,
        queries.session_scores([s.id for s in page.items]),
        queries.topic_titles(),
        overview.timezone,
    )
    return render_template(
        "history/index.html", owner=user, links=links, overview=overview, page=page, rows=rows
    )


def show_session(user: User, session_id: int, links: HistoryLinks = OWN_LINKS) -> str:
    """Every answer of one of `user`'s sessions; 404 for anyone else's."""
    session = quiz_or_404(user.id, session_id)
    rows = answer_rows(queries.session_answers(session), current_bank())
    return render_template(
        "history/session.html",
        owner=user,
        links=links,
        session=session,
        started=session.started_at.astimezone(ZoneInfo(settings_for(user.id).zone)),
        topics=topics_text(session.topics or [], queries.topic_titles()),
        rows=rows,
    )


def export_csv(user: User) -> Response:
    """All of `user`'s attempts as CSV, streamed."""
    body = stream_with_context(csv_lines(queries.export_rows(user.id)))
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


@bp.route("/session/<int:session_id>")
@login_required
def session(session_id: int) -> str:
    """One of your sessions."""
    return show_session(current_user, session_id)


@bp.route("/export.csv")
@login_required
def export() -> Response:
    """Your attempts as CSV."""
    return export_csv(current_user)

"""The student's assignment pages: what is asked and by when, and starting a try.

Answering is the study pages' (``/quiz/<id>``): a try is a quiz with ``assignment_id``, run by
``study.policy``. The teacher's pages are in :mod:`.teacher`, on the same blueprint.
"""

from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, url_for
from flask_login import current_user, login_required
from werkzeug.wrappers import Response

from ..bank.webapp import current_bank
from ..clock import now
from ..extensions import db
from .access import assigned_or_404
from .forms import StartForm
from .operations import NotPossible, start_try
from .progress import progress_of, tries_of

bp = Blueprint("assignments", __name__, template_folder="templates")


@bp.get("/assignments/<int:assignment_id>")
@login_required
def show(assignment_id: int) -> str:
    """One assignment for a student of its class: times, status, tries; start or resume."""
    assignment = assigned_or_404(current_user.id, assignment_id)
    moment = now()
    tries = tries_of([assignment.id], [current_user.id]).get((assignment.id, current_user.id))
    progress = progress_of(assignment, tries or [], moment)
    allowed = assignment.attempts_allowed
    return render_template(
        "assignments/show.html",
        assignment=assignment,
        progress=progress,
        is_open=assignment.is_open(moment),
        hidden=assignment.hides_feedback(moment),
        tries_left=None if not allowed else max(0, allowed - len(progress.tries)),
        form=StartForm.fresh(),
    )


@bp.post("/assignments/<int:assignment_id>/start")
@login_required
def start(assignment_id: int) -> Response:
    """Resume the unfinished try or start a new one (refused before it opens or when every
    allowed try is used: the message says which)."""
    assignment = assigned_or_404(current_user.id, assignment_id)
    form = StartForm()
    if form.validate_on_submit():
        try:
            quiz = start_try(
                assignment, current_user.id, current_bank(), now(), form.start_token.data
            )
        except NotPossible as exc:
            flash(str(exc), "warning")
        else:
            quiz_id = quiz.id
            db.session.commit()
            return redirect(url_for("study.quiz", quiz_id=quiz_id))
    return redirect(url_for(".show", assignment_id=assignment_id))

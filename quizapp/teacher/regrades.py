"""Regrading from the question statistics page: accept a common wrong answer, or undo that.

Thin views over ``quizapp.regrading.operations``: the form names the answer as the
statistics show it (its normalised text) and, for a partly right answer, the share of the
marks it earns. Regrades belong to the bank, which every teacher edits (like its revisions).
"""

from __future__ import annotations

from flask import abort, flash, redirect, url_for
from flask_login import current_user
from flask_wtf import FlaskForm
from sqlalchemy import select
from werkzeug.wrappers import Response
from wtforms import DecimalField, HiddenField
from wtforms.validators import DataRequired, Length, NumberRange, Optional

from ..auth.decorators import teacher_required
from ..clock import now
from ..database import reads_first
from ..extensions import db
from ..grading import MAX_ANSWER_LENGTH
from ..models import Regrade, RegradedAttempt
from ..regrading.operations import Refused, accept_answer, undo
from .views import bp

__all__ = ["RegradeForm", "UndoForm", "regrades_of"]


class RegradeForm(FlaskForm):
    """One wrong answer (as normalised) and, for a partly right one, its score in percent."""

    answer = HiddenField(validators=[DataRequired(), Length(max=MAX_ANSWER_LENGTH)])
    percent = DecimalField(
        "Partly right: score in %",
        validators=[Optional(), NumberRange(min=1, max=99)],
        description="Leave empty to accept it as fully right.",
    )


class UndoForm(FlaskForm):
    """Undo one regrade (the CSRF token is the whole form)."""


def regrades_of(question_id: str) -> list[tuple[Regrade, int]]:
    """A question's regrades, newest first, with how many attempts each changed."""
    counts = (
        select(RegradedAttempt.regrade_id, db.func.count().label("n"))
        .group_by(RegradedAttempt.regrade_id)
        .subquery()
    )
    rows = db.session.execute(
        select(Regrade, db.func.coalesce(counts.c.n, 0))
        .outerjoin(counts, counts.c.regrade_id == Regrade.id)
        .where(Regrade.question_id == question_id)
        .order_by(Regrade.created_at.desc(), Regrade.id.desc())
    )
    return [(regrade, int(n)) for regrade, n in rows]


def _back(question_id: str) -> Response:
    return redirect(url_for("teacher.question", question_id=question_id, _anchor="regrading"))


@bp.post("/questions/<question_id>/regrade")
@teacher_required
@reads_first
def regrade(question_id: str) -> Response:
    """Accept one common wrong answer (or give it part of the marks) and regrade it."""
    form = RegradeForm()
    if not form.validate_on_submit():
        flash("Choose an answer, and a score between 1 and 99 % for a partly right one.")
        return _back(question_id)
    score = float(form.percent.data) / 100 if form.percent.data is not None else None
    outcome = accept_answer(question_id, form.answer.data, score, current_user.id, now())
    if isinstance(outcome, Refused):
        flash(outcome.message)
    else:
        flash(
            f"Regraded {outcome.attempts} attempt(s) and corrected {outcome.cards} card(s); "
            "the answer is now in the question's YAML."
        )
    return _back(question_id)


@bp.post("/questions/<question_id>/regrades/<int:regrade_id>/undo")
@teacher_required
@reads_first
def undo_regrade(question_id: str, regrade_id: int) -> Response:
    """Undo a regrade: the answer out of the YAML, the old scores (and cards) back."""
    found = db.session.get(Regrade, regrade_id)
    if found is None or found.question_id != question_id or not UndoForm().validate_on_submit():
        abort(404 if found is None or found.question_id != question_id else 400)
    outcome = undo(found, current_user.id, now())
    if isinstance(outcome, Refused):
        flash(outcome.message)
    else:
        flash(f"Undone: {outcome.attempts} attempt(s) and {outcome.cards} card(s) restored.")
    return _back(question_id)

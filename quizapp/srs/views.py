"""The review queue's pages: start a "Review due" quiz, list leeches, suspend, unsuspend."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required
from flask_wtf import FlaskForm
from werkzeug.wrappers import Response

from ..auth.rules import safe_next
from ..bank.webapp import current_bank
from ..clock import now
from ..extensions import db
from ..study import operations as study_ops
from . import operations as ops
from .cards import find_card, suspended_and_leeches
from .extra import first_unseen, offer
from .modes import NEW, REVIEW
from .queue import counts, next_question, study_day

bp = Blueprint("review", __name__, template_folder="templates")


@bp.get("/review")
@login_required
def index() -> str:
    """Today's counts and a button starting a quiz of the due cards.

    With nothing ready: when the next card is due, and an offer to study unseen questions.
    """
    moment, bank = now(), current_bank()
    day = study_day(current_user.id, moment)
    ready = next_question(current_user.id, bank, moment, day) is not None
    return render_template(
        "review/index.html",
        counts=counts(current_user.id, bank, moment, day),
        ready=ready,
        offer=None if ready else offer(current_user.id, bank, moment, day),
        form=FlaskForm(),
        mode=REVIEW,
    )


@bp.post("/review/new")
@login_required
def start_new() -> Response:
    """Start a quiz of unseen questions beyond today's new-card limit (Anki's custom study)."""
    if not FlaskForm().validate_on_submit():
        abort(400)
    moment, bank = now(), current_bank()
    day = study_day(current_user.id, moment)
    ids = first_unseen(current_user.id, bank, day)
    if not ids:
        flash("You have studied every question already.", "info")
        return redirect(url_for(".index"))
    quiz = study_ops.create_quiz(current_user.id, NEW.name, ids, moment, topics=list(bank.topics))
    db.session.commit()
    return redirect(url_for("study.quiz", quiz_id=quiz.id))


@bp.post("/review")
@login_required
def start() -> Response:
    """Start a "Review due" quiz over every topic; it asks what the queue allows today."""
    if not FlaskForm().validate_on_submit():
        abort(400)
    moment, bank = now(), current_bank()
    try:
        quiz = study_ops.start_quiz(
            current_user.id, REVIEW.name, list(bank.topics), None, bank, moment
        )
    except study_ops.NothingToAsk:
        due = offer(current_user.id, bank, moment, study_day(current_user.id, moment)).next_due
        flash("Nothing is due now." + (f" Next card due {due}." if due else ""), "info")
        return redirect(url_for(".index"))
    db.session.commit()
    return redirect(url_for("study.quiz", quiz_id=quiz.id))


@bp.get("/review/cards")
@login_required
def cards() -> str:
    """The student's leeches and suspended cards."""
    listed = suspended_and_leeches(current_user.id)
    return render_template("review/cards.html", cards=listed, bank=current_bank(), form=FlaskForm())


def _set_suspended(card_id: int, suspended: bool) -> Response:
    card = find_card(card_id, current_user.id)
    if card is None:
        abort(404)
    if not FlaskForm().validate_on_submit():
        abort(400)
    ops.set_suspended(card, suspended)
    db.session.commit()
    flash(
        "Card suspended: no queue asks it until you unsuspend it."
        if suspended
        else "Card unsuspended: it is back in your queue.",
        "info",
    )
    return redirect(safe_next(request.form.get("next")) or url_for(".cards"))


@bp.post("/review/cards/<int:card_id>/suspend")
@login_required
def suspend(card_id: int) -> Response:
    """Leave a card out of every queue (its schedule is kept)."""
    return _set_suspended(card_id, True)


@bp.post("/review/cards/<int:card_id>/unsuspend")
@login_required
def unsuspend(card_id: int) -> Response:
    """Bring a suspended card back into the queue."""
    return _set_suspended(card_id, False)

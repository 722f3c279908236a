"""Flashcard pages: the prompt, the flipped card with its four rating buttons, undo."""

from __future__ import annotations

import random
from datetime import datetime
from typing import Any

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required
from flask_wtf import FlaskForm
from werkzeug.wrappers import Response

from ..bank.spec import QuestionSpec
from ..bank.webapp import current_bank, served_question
from ..clock import now
from ..extensions import db
from ..grading import MAX_ANSWER_LENGTH
from ..models.statements import Changed
from ..qtypes import get_type
from ..scheduling import Rating, format_interval, new_card, preview
from ..srs import extra
from ..srs import operations as ops
from ..srs.cards import card_for
from ..srs.queue import StudyDay, counts, next_question, study_day
from ..study.results import sources
from .forms import RatingForm

bp = Blueprint("flashcards", __name__, url_prefix="/flashcards", template_folder="templates")


def _served_or_404(question_id: str) -> QuestionSpec:
    spec = served_question(question_id)
    if spec is None:
        abort(404)
    return spec


def _front(spec: QuestionSpec) -> dict[str, Any]:
    """The question as a quiz would show it, when that adds to the prompt (choices, blanks)."""
    display = get_type(spec.type).display(spec, random.Random(f"flashcard:{spec.id}"))
    shown = any(isinstance(value, list) for value in display.values())
    return {
        "display": display if shown else None,
        "qtype": get_type(spec.type),
        "max_answer_length": MAX_ANSWER_LENGTH,
    }


def _render(
    spec: QuestionSpec, flipped: bool, moment: datetime | None = None, day: StudyDay | None = None
) -> str:
    """One card: the front, or (``flipped``) the answer with the rating buttons."""
    moment = moment or now()
    day = day or study_day(current_user.id, moment)
    card = card_for(current_user.id, spec.id)
    state = card.to_state() if card is not None else new_card(moment)
    buttons = []
    if flipped:
        intervals = preview(state, moment, day.settings.scheduler)
        buttons = [(rating, format_interval(interval)) for rating, interval in intervals.items()]
    return render_template(
        "flashcards/card.html",
        spec=spec,
        card=card,
        flipped=flipped,
        buttons=buttons,
        answer=get_type(spec.type).answer_text(spec),
        sources=sources(spec, current_bank()),
        form=RatingForm(formdata=None, reps=state.reps),
        undo=ops.last_undoable(current_user.id),
        counts=counts(current_user.id, current_bank(), moment, day),
        **_front(spec),
    )


@bp.get("/")
@login_required
def index() -> str:
    """The next card the queue asks (oldest due first, then new), or when the next is due.

    New cards beyond today's limit come while the student's "Study N new questions now"
    allowance lasts (``srs.extra``); with nothing ready the page makes that offer.
    """
    moment, bank = now(), current_bank()
    day = study_day(current_user.id, moment)
    question_id = next_question(current_user.id, bank, moment, day, new_until=extra.new_until(day))
    spec = served_question(question_id) if question_id is not None else None
    if spec is not None:
        return _render(spec, flipped=False, moment=moment, day=day)
    return render_template(
        "flashcards/done.html",
        counts=counts(current_user.id, bank, moment, day),
        offer=extra.offer(current_user.id, bank, moment, day),
        undo=ops.last_undoable(current_user.id),
        form=FlaskForm(),
    )


@bp.post("/new")
@login_required
def study_new() -> Response:
    """Raise today's new-card allowance by the offer's size and show the next unseen question."""
    if not FlaskForm().validate_on_submit():
        abort(400)
    moment, bank = now(), current_bank()
    day = study_day(current_user.id, moment)
    extra.grant(day, extra.offer(current_user.id, bank, moment, day).new)
    return redirect(url_for(".index"))


@bp.get("/q/<question_id>")
@login_required
def card(question_id: str) -> str:
    """One question's card; ``?flipped=1`` shows its answer and the rating buttons."""
    return _render(_served_or_404(question_id), flipped=request.args.get("flipped") == "1")


@bp.post("/q/<question_id>")
@login_required
def rate(question_id: str) -> Response:
    """Rate the card (Again..Easy; Good when no button was named), then go to the next one."""
    spec = _served_or_404(question_id)
    form = RatingForm()
    if not form.validate_on_submit():
        abort(400)
    try:
        rated = ops.rate_flashcard(
            current_user.id, spec, Rating(form.rating.data), now(), form.reps.data
        )
    except Changed:
        db.session.rollback()
        flash("That card was already rated.", "info")
        return redirect(url_for(".index"))
    db.session.commit()
    if rated.outcome.became_leech:
        flash("That card just became a leech: you have forgotten it 8 times.", "warning")
    return redirect(url_for(".index"))


@bp.post("/undo")
@login_required
def undo() -> Response:
    """Undo the latest flashcard rating and show that card again, flipped."""
    if not FlaskForm().validate_on_submit():
        abort(400)
    undone = ops.undo_last_rating(current_user.id)
    if undone is None:
        flash("There is no flashcard rating to undo.", "info")
        return redirect(url_for(".index"))
    card, rating = undone
    db.session.commit()
    flash(f"Undid your {rating.name} rating.", "info")
    return redirect(url_for(".card", question_id=card.question_id, flipped=1))

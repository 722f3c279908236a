"""Teacher-only pages. Students get 403."""

from __future__ import annotations

from collections import Counter

from flask import Blueprint, flash, redirect, render_template, url_for
from flask_login import current_user
from flask_wtf import FlaskForm
from werkzeug.wrappers import Response

from ..auth.decorators import teacher_required
from ..bank.webapp import bank_status, runtime
from ..classes.queries import class_summaries

bp = Blueprint("teacher", __name__, url_prefix="/teacher", template_folder="templates")


@bp.route("/")
@teacher_required
def index() -> str:
    """The teacher's start page: your classes, then the other teacher pages."""
    return render_template(
        "teacher/index.html", classes=class_summaries(current_user, everyone=True)
    )


@bp.route("/bank")
@teacher_required
def bank() -> str:
    """Bank status: what is served, and every error of the latest edit (file:line)."""
    status = bank_status()
    by_type = Counter(q.type for q in status.bank.questions.values())
    return render_template(
        "teacher/bank.html", status=status, by_type=sorted(by_type.items()), form=FlaskForm()
    )


@bp.route("/bank/reload", methods=["POST"])
@teacher_required
def reload_bank() -> Response:
    """Re-read the YAML now instead of waiting for the next check."""
    if FlaskForm().validate_on_submit():
        loaded = runtime().refresh(force=True)
        errors = runtime().status.errors
        if errors:
            flash(
                f"The bank has {len(errors)} error(s); the last good bank is still served.",
                "warning",
            )
        else:
            flash("Bank reloaded." if loaded else "Bank checked: nothing changed.", "success")
    return redirect(url_for("teacher.bank"))

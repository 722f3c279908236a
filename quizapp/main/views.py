"""The start page: what the app is and where to go next."""

from __future__ import annotations

from flask import Blueprint, render_template
from flask_login import current_user

from ..bank.webapp import current_bank
from ..clock import now
from ..exams.queries import student_plans

bp = Blueprint("main", __name__, template_folder="templates")


@bp.route("/")
def index() -> str:
    """Landing page for visitors, a short menu for logged-in users, with their exams ahead."""
    plans = []
    if current_user.is_authenticated:
        plans = student_plans(current_user.id, current_bank(), now())
    return render_template("main/index.html", exam_plans=plans)

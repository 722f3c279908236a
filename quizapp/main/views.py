"""The start page: what the app is, where to go next, and the work assigned to a student."""

from __future__ import annotations

from flask import Blueprint, render_template
from flask_login import current_user

from ..assignments.progress import assigned_to
from ..bank.webapp import current_bank
from ..clock import now
from ..exams.queries import student_plans

bp = Blueprint("main", __name__, template_folder="templates")


@bp.route("/")
def index() -> str:
    """Landing page for visitors; for logged-in users a short menu, "Assigned to you" and
    their exams ahead."""
    assigned, plans = [], []
    if current_user.is_authenticated:
        moment = now()
        assigned = assigned_to(current_user.id, moment)
        plans = student_plans(current_user.id, current_bank(), moment)
    return render_template("main/index.html", assigned=assigned, exam_plans=plans)

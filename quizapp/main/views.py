"""The start page: what the app is, where to go next, and the work assigned to a student."""

from __future__ import annotations

from flask import Blueprint, render_template
from flask_login import current_user

from ..assignments.progress import assigned_to
from ..clock import now

bp = Blueprint("main", __name__, template_folder="templates")


@bp.route("/")
def index() -> str:
    """Landing page for visitors; for logged-in users a short menu and "Assigned to you"."""
    assigned = assigned_to(current_user.id, now()) if current_user.is_authenticated else []
    return render_template("main/index.html", assigned=assigned)

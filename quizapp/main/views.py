"""The start page: what the app is and where to go next."""

from __future__ import annotations

from flask import Blueprint, render_template

bp = Blueprint("main", __name__, template_folder="templates")


@bp.route("/")
def index() -> str:
    """Landing page for visitors, a short menu for logged-in users."""
    return render_template("main/index.html")

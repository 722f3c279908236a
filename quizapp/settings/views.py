"""The settings page: read the student's settings, validate, save."""

from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, url_for
from flask_login import current_user, login_required
from werkzeug.wrappers import Response

from ..extensions import db
from ..srs.cards import settings_for
from ..srs.operations import save_settings
from .forms import SettingsForm

bp = Blueprint("settings", __name__, template_folder="templates")


@bp.route("/settings", methods=["GET", "POST"])
@login_required
def index() -> str | Response:
    """Show and change desired retention, daily limits, time zone, keyboard shortcuts and
    confidence-based marking."""
    form = SettingsForm.for_settings(settings_for(current_user.id))
    if form.validate_on_submit():
        save_settings(
            current_user.id,
            float(form.desired_retention.data),
            form.new_per_day.data,
            form.reviews_per_day.data,
            form.timezone.data,
            shortcuts=form.shortcuts.data,
            confidence_marking=form.confidence_marking.data,
        )
        db.session.commit()
        flash("Settings saved.", "success")
        return redirect(url_for(".index"))
    return render_template("settings/index.html", form=form)

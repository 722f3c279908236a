"""The settings page: read the student's settings, validate, save."""

from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, session, url_for
from flask_login import current_user, login_required
from werkzeug.wrappers import Response

from ..extensions import db
from ..srs.cards import settings_for
from ..srs.operations import adopt_zone, save_settings
from .forms import SettingsForm, ZoneForm

bp = Blueprint("settings", __name__, template_folder="templates")


@bp.route("/settings", methods=["GET", "POST"])
@login_required
def index() -> str | Response:
    """Show and change desired retention, daily limits, time zone, keyboard shortcuts and
    confidence-based marking."""
    settings = settings_for(current_user.id)
    form = SettingsForm.for_settings(settings)
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
        session[ZONE_KNOWN] = True
        flash("Settings saved.", "success")
        return redirect(url_for(".index"))
    return render_template("settings/index.html", form=form, saved=settings.saved)


ZONE_KNOWN = "zone_known"
"""Session key: the browser's zone was offered (or settings saved); pages stop asking for it."""


def ask_browser_zone() -> bool:
    """Whether the page asks the script for the browser's time zone (``data-zone-url``):
    once per log-in, for a student who may not have chosen one yet."""
    return current_user.is_authenticated and not session.get(ZONE_KNOWN)


@bp.post("/settings/zone")
@login_required
def browser_zone() -> tuple[str, int]:
    """The browser's time zone, sent once: kept as the student's unless they saved settings."""
    form = ZoneForm()
    if not form.validate_on_submit():
        return "", 400
    if adopt_zone(current_user.id, form.zone.data):
        db.session.commit()
    session[ZONE_KNOWN] = True
    return "", 204

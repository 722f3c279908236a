"""A student's settings: read in one place, with the defaults and always a valid time zone."""

from __future__ import annotations

import pytest

from quizapp.extensions import db
from quizapp.models import UserSettings
from quizapp.models.card import DEFAULT_TIMEZONE
from quizapp.srs.cards import settings_for


@pytest.mark.parametrize(
    ("saved", "zone"),
    [("Asia/Tokyo", "Asia/Tokyo"), ("UTC", "UTC"), ("Mars/Olympus", "UTC"), ("", "UTC")],
)
def test_zone_is_the_saved_one_or_utc(saved: str, zone: str) -> None:
    assert UserSettings(user_id=1, timezone=saved).zone == zone


def test_defaults_for_a_student_who_never_saved(app, student) -> None:
    with app.app_context():
        settings = settings_for(student)
        assert db.session.get(UserSettings, student) is None  # nothing was written
        assert (settings.timezone, settings.zone) == (DEFAULT_TIMEZONE, "UTC")
        assert settings.desired_retention == 0.9
        assert (settings.new_per_day, settings.reviews_per_day) == (20, 200)


def test_an_unknown_saved_zone_reads_as_utc(app, student) -> None:
    with app.app_context():
        db.session.add(UserSettings.defaults(student))
        settings_for(student).timezone = "Mars/Olympus"
        db.session.commit()
        db.session.expunge_all()
        settings = settings_for(student)
        assert (settings.timezone, settings.zone) == ("Mars/Olympus", "UTC")

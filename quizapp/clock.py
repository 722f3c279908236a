"""The app's notion of "now", injectable so scheduling can be tested with a frozen clock.

``app.config["CLOCK"]``, when set, is a zero-argument callable returning an aware UTC
datetime; without it the clock is real time. Everything that schedules or timestamps answers
calls :func:`now`.
"""

from __future__ import annotations

from datetime import datetime

from flask import current_app, has_app_context

from .models.types import utcnow


def now() -> datetime:
    """The current aware UTC time, or the configured clock's time."""
    if has_app_context():
        clock = current_app.config.get("CLOCK")
        if clock is not None:
            return clock()
    return utcnow()

"""The app's notion of "now", injectable so scheduling can be tested with a frozen clock.

* Tests in-process set ``app.config["CLOCK"]`` to a zero-argument callable returning an
  aware UTC datetime.
* Tests that drive a real server (browser tests) set ``QUIZAPP_TEST_CLOCK_FILE``: a file
  holding a number of seconds to add to the real time, so a test can "move the clock"
  of a running server. It is read on every call; never set it in production.

Everything that schedules or timestamps answers calls :func:`now`.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from flask import current_app, has_app_context

from .models.types import utcnow


def _file_offset(path: str) -> timedelta:
    try:
        return timedelta(seconds=float(Path(path).read_text().strip() or 0))
    except (OSError, ValueError):
        return timedelta(0)


def now() -> datetime:
    """The current aware UTC time, or the configured clock's time."""
    if has_app_context():
        clock = current_app.config.get("CLOCK")
        if clock is not None:
            return clock()
        offset_file = current_app.config.get("TEST_CLOCK_FILE")
        if offset_file:
            return utcnow() + _file_offset(offset_file)
    return utcnow()

"""Test clocks: a frozen one moved by the test, and one moved from outside a running server."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from quizapp.models.types import utcnow

CLOCK_FILE_VARIABLE = "E2E_CLOCK_FILE"
"""The environment variable naming the browser tests' server's clock file."""


class FileClock:
    """Real time plus an offset in seconds read from ``path`` on every call.

    Set as ``app.config["CLOCK"]`` by ``tests/support/wsgi_e2e.py``: writing a number of
    seconds to the file moves the server's ``now()`` ahead; a missing, empty or unreadable
    file means no offset.
    """

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)

    def offset(self) -> timedelta:
        """The file's offset; zero when it cannot be read as a number."""
        try:
            return timedelta(seconds=float(self.path.read_text().strip() or 0))
        except (OSError, ValueError):
            return timedelta(0)

    def __call__(self) -> datetime:
        return utcnow() + self.offset()


class FrozenClock:
    """A clock that only moves when told to; put it in ``app.config["CLOCK"]``."""

    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        """Move forward by ``timedelta(**delta)``."""
        self.now += timedelta(**delta)

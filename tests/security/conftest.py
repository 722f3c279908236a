"""Security test fixtures: a clock that moves only when told to."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


class FrozenClock:
    """A clock that only moves when told to."""

    def __init__(self, start: datetime = START) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        """Move forward by ``timedelta(**delta)``."""
        self.now += timedelta(**delta)


@pytest.fixture
def clock() -> FrozenClock:
    """The app's clock, frozen at START."""
    return FrozenClock()


@pytest.fixture
def app_config(clock: FrozenClock) -> dict[str, object]:
    """Security tests run on the frozen clock."""
    return {"CLOCK": clock}

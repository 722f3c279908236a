"""Account tests run on the frozen clock (reset codes expire)."""

from __future__ import annotations

import pytest

from tests.support.clock import FrozenClock


@pytest.fixture
def app_config(clock: FrozenClock) -> dict[str, object]:
    """The app reads ``now()`` from the test's clock."""
    return {"CLOCK": clock}

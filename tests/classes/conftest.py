"""Class tests run on a frozen clock."""

from __future__ import annotations

import pytest

from ..support.clock import FrozenClock


@pytest.fixture
def app_config(clock: FrozenClock) -> dict[str, object]:
    """The app's clock is the test's frozen one."""
    return {"CLOCK": clock}

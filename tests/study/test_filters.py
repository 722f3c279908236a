"""Template filters shared by every page."""

from __future__ import annotations

import pytest

from quizapp.study.filters import percent


@pytest.mark.parametrize(
    ("value", "text"), [(None, "—"), (0.0, "0%"), (0.834, "83%"), (0.835, "84%"), (1.0, "100%")]
)
def test_percent(value: float | None, text: str) -> None:
    assert percent(value) == text

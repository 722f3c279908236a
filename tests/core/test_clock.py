"""The injectable clock."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from flask import Flask

from quizapp.clock import now
from tests.support.clock import FileClock


def test_config_clock_wins(app: Flask) -> None:
    frozen = datetime(2024, 2, 26, 9, 0, tzinfo=UTC)
    app.config["CLOCK"] = lambda: frozen
    with app.app_context():
        assert now() == frozen


def test_clock_file_moves_a_running_app(app: Flask, tmp_path: Path) -> None:
    offset = tmp_path / "offset"
    app.config["CLOCK"] = FileClock(offset)
    with app.app_context():
        assert abs(now() - datetime.now(UTC)) < timedelta(seconds=5)
        offset.write_text("86400")
        assert now() - datetime.now(UTC) > timedelta(hours=23)
        offset.write_text("not a number")
        assert abs(now() - datetime.now(UTC)) < timedelta(seconds=5)


def test_outside_an_app_it_is_real_time() -> None:
    assert abs(now() - datetime.now(UTC)) < timedelta(seconds=5)
    assert now().tzinfo is not None

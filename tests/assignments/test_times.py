"""Open and due times typed on the class's clock, stored in UTC."""

from __future__ import annotations

from datetime import UTC, datetime

from quizapp.assignments.times import from_class_clock, to_class_clock


def test_a_paris_time_is_stored_in_utc_and_shown_back() -> None:
    moment = from_class_clock(datetime(2026, 3, 9, 17, 0), "Europe/Paris")
    assert moment == datetime(2026, 3, 9, 16, 0, tzinfo=UTC)
    assert to_class_clock(moment, "Europe/Paris") == datetime(2026, 3, 9, 17, 0)


def test_summer_time_shifts_the_offset() -> None:
    assert from_class_clock(datetime(2026, 7, 1, 9, 0), "Europe/Paris") == datetime(
        2026, 7, 1, 7, 0, tzinfo=UTC
    )


def test_a_time_skipped_by_the_clocks_going_forward_does_not_exist() -> None:
    assert from_class_clock(datetime(2026, 3, 29, 2, 30), "Europe/Paris") is None


def test_a_time_that_happens_twice_is_its_first_occurrence() -> None:
    moment = from_class_clock(datetime(2026, 10, 25, 2, 30), "Europe/Paris")
    assert moment == datetime(2026, 10, 25, 0, 30, tzinfo=UTC)

"""An assignment's open and due times: typed on the class's clock, stored in UTC (pure)."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

__all__ = ["INPUT_FORMAT", "from_class_clock", "to_class_clock"]

INPUT_FORMAT = "%Y-%m-%dT%H:%M"
"""What a ``datetime-local`` input sends and shows: ``2026-03-09T17:00``."""


def from_class_clock(local: datetime, zone: str) -> datetime | None:
    """The UTC moment a wall-clock time ``local`` (naive) names in ``zone``.

    None when that wall time does not exist there (skipped when the clocks go forward); a
    time that happens twice (clocks going back) is its first occurrence.
    """
    aware = local.replace(tzinfo=ZoneInfo(zone), fold=0)
    moment = aware.astimezone(UTC)
    if moment.astimezone(ZoneInfo(zone)).replace(tzinfo=None) != local.replace(fold=0):
        return None
    return moment


def to_class_clock(moment: datetime, zone: str) -> datetime:
    """The naive wall-clock time of UTC ``moment`` in ``zone`` (to fill a form's input)."""
    return moment.astimezone(ZoneInfo(zone)).replace(tzinfo=None)

"""The user's local day, which daily counts and limits are measured in."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from functools import cache
from zoneinfo import ZoneInfo, available_timezones

from .state import ensure_utc

__all__ = ["day_bounds", "is_valid_timezone", "timezone_names"]


def day_bounds(now: datetime, tz_name: str) -> tuple[datetime, datetime]:
    """The UTC start (inclusive) and end (exclusive) of the local day containing `now`.

    The day runs from local midnight to local midnight in the IANA zone `tz_name`, so it is
    23 or 25 hours long on daylight-saving days. A naive `now` is taken as UTC. An unknown
    zone raises `zoneinfo.ZoneInfoNotFoundError`: check settings with `is_valid_timezone`.
    """
    zone = ZoneInfo(tz_name)
    today = ensure_utc(now).astimezone(zone).date()
    start = datetime.combine(today, time(), tzinfo=zone)
    end = datetime.combine(today + timedelta(days=1), time(), tzinfo=zone)
    return start.astimezone(UTC), end.astimezone(UTC)


@cache
def _zones() -> frozenset[str]:
    return frozenset(available_timezones())


def is_valid_timezone(name: str) -> bool:
    """True if `name` is an IANA time zone known to this system, e.g. "Europe/Paris"."""
    return name in _zones()


def timezone_names() -> list[str]:
    """All valid time zone names, sorted, for a settings form's choices."""
    return sorted(_zones())

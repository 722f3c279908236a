"""A time-series line chart: dated values in 0..1 plotted as percentages."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

__all__ = ["LineChart", "LinePoint", "line_chart"]

MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP, MARGIN_BOTTOM = 40, 12, 10, 24


@dataclass(frozen=True)
class LinePoint:
    """One plotted value: its day, value (0..1), how many answers it averages, and position."""

    day: date
    value: float
    count: int
    x: float
    y: float


@dataclass(frozen=True)
class LineChart:
    """Everything the SVG template draws: size, plot box, points, axis ticks."""

    width: int
    height: int
    left: float
    top: float
    right: float
    bottom: float
    points: tuple[LinePoint, ...]
    x_ticks: tuple[tuple[float, str], ...]
    y_ticks: tuple[tuple[float, str], ...]

    @property
    def polyline(self) -> str:
        """The points as an SVG ``points`` attribute."""
        return " ".join(f"{p.x:.1f},{p.y:.1f}" for p in self.points)


def _month_starts(start: date, end: date) -> list[date]:
    """The first day of each month after `start` up to `end`."""
    months = []
    year, month = start.year, start.month
    while True:
        month += 1
        if month > 12:
            year, month = year + 1, 1
        first = date(year, month, 1)
        if first > end:
            return months
        months.append(first)


def line_chart(
    values: Sequence[tuple[date, float, int]],
    start: date,
    end: date,
    *,
    width: int = 640,
    height: int = 200,
) -> LineChart:
    """Lay out `(day, value 0..1, count)` rows between `start` and `end` (inclusive)."""
    left, top = MARGIN_LEFT, MARGIN_TOP
    right, bottom = width - MARGIN_RIGHT, height - MARGIN_BOTTOM
    span = max(1, (end - start).days)

    def x_of(day: date) -> float:
        return left + (right - left) * (day - start).days / span

    def y_of(value: float) -> float:
        return bottom - (bottom - top) * min(1.0, max(0.0, value))

    points = tuple(
        LinePoint(day, value, count, x_of(day), y_of(value))
        for day, value, count in values
        if start <= day <= end
    )
    x_ticks = tuple(
        (x_of(first), first.strftime("%b %Y" if first.month == 1 else "%b"))
        for first in _month_starts(start, end)
    )
    y_ticks = tuple((y_of(v / 100), f"{v}%") for v in (0, 25, 50, 75, 100))
    return LineChart(width, height, left, top, right, bottom, points, x_ticks, y_ticks)

"""A calendar heatmap: one square per day, weeks as columns (Monday on top), like GitHub's."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta

__all__ = ["LEVELS", "HeatCell", "Heatmap", "calendar_heatmap", "heatmap_start"]

CELL, GAP, LEFT, TOP = 11, 2, 28, 16
LABEL_WIDTH = 20
"""Room a three-letter month label takes at font size 9: the last one is moved left to fit."""
LEVELS = 4
"""Active days are shaded in levels 1..LEVELS; 0 is a day without answers."""


@dataclass(frozen=True)
class HeatCell:
    """One day's square: where it goes, its count and its shade (0..LEVELS)."""

    day: date
    count: int
    level: int
    x: int
    y: int


@dataclass(frozen=True)
class Heatmap:
    """The days from `start` to `end`, laid out; `active` lists the days with answers."""

    start: date
    end: date
    width: int
    height: int
    cell: int
    cells: tuple[HeatCell, ...]
    month_labels: tuple[tuple[int, str], ...]
    weekday_labels: tuple[tuple[int, str], ...]
    max_count: int

    @property
    def active(self) -> tuple[HeatCell, ...]:
        """The days with at least one answer, oldest first."""
        return tuple(c for c in self.cells if c.count)

    @property
    def total(self) -> int:
        """All answers in the calendar."""
        return sum(c.count for c in self.cells)


def heatmap_start(end: date, weeks: int = 53) -> date:
    """The Monday that starts the first of `weeks` week columns, the last holding `end`."""
    return end - timedelta(days=end.weekday()) - timedelta(weeks=weeks - 1)


def level(count: int, max_count: int) -> int:
    """The shade of a day: 0 without answers, else 1..LEVELS in proportion to the busiest day."""
    if count <= 0 or max_count <= 0:
        return 0
    return max(1, min(LEVELS, math.ceil(LEVELS * count / max_count)))


def calendar_heatmap(counts: Mapping[date, int], end: date, weeks: int = 53) -> Heatmap:
    """Lay out `weeks` weeks of daily counts ending on `end` (days after `end` are not drawn)."""
    start = heatmap_start(end, weeks)
    max_count = max((n for day, n in counts.items() if start <= day <= end), default=0)
    cells = []
    month_labels = []
    day = start
    while day <= end:
        column = (day - start).days // 7
        x, y = LEFT + column * (CELL + GAP), TOP + day.weekday() * (CELL + GAP)
        count = counts.get(day, 0)
        cells.append(HeatCell(day, count, level(count, max_count), x, y))
        if day.day == 1 or day == start:
            month_labels.append((LEFT + column * (CELL + GAP), day.strftime("%b")))
        day += timedelta(days=1)
    if len(month_labels) > 1 and month_labels[1][0] - month_labels[0][0] < 3 * (CELL + GAP):
        month_labels.pop(0)  # the partial first month's label would overlap the next one
    width = LEFT + weeks * (CELL + GAP)
    if month_labels and month_labels[-1][0] > width - LABEL_WIDTH:
        month_labels[-1] = (width - LABEL_WIDTH, month_labels[-1][1])  # never cut ("De")
    weekday_labels = tuple(
        (TOP + row * (CELL + GAP) + CELL - 2, name)
        for row, name in ((0, "Mon"), (2, "Wed"), (4, "Fri"))
    )
    return Heatmap(
        start=start,
        end=end,
        width=width,
        height=TOP + 7 * (CELL + GAP),
        cell=CELL,
        cells=tuple(cells),
        month_labels=tuple(month_labels),
        weekday_labels=weekday_labels,
        max_count=max_count,
    )

"""Chart geometry: points inside the plot, a calendar of whole weeks ending today."""

from __future__ import annotations

import itertools
from datetime import date

import pytest

from quizapp.charts import calendar_heatmap, heatmap_start, line_chart
from quizapp.charts.heatmap import LABEL_WIDTH, level


def test_line_chart_scales_dates_and_percentages() -> None:
    start, end = date(2026, 1, 1), date(2026, 1, 11)
    chart = line_chart([(start, 0.0, 1), (date(2026, 1, 6), 0.5, 2), (end, 1.0, 3)], start, end)
    xs = [p.x for p in chart.points]
    ys = [p.y for p in chart.points]
    assert xs == [chart.left, (chart.left + chart.right) / 2, chart.right]
    assert ys == [chart.bottom, (chart.top + chart.bottom) / 2, chart.top]
    assert chart.polyline.count(",") == 3
    assert [label for _, label in chart.y_ticks] == ["0%", "25%", "50%", "75%", "100%"]


def test_line_chart_month_ticks_and_out_of_range_points() -> None:
    start, end = date(2025, 11, 15), date(2026, 2, 10)
    chart = line_chart([(date(2025, 1, 1), 0.5, 1)], start, end)
    assert chart.points == ()
    assert [label for _, label in chart.x_ticks] == ["Dec", "Jan 2026", "Feb"]


def test_heatmap_starts_on_a_monday_and_ends_today() -> None:
    today = date(2026, 3, 4)  # a Wednesday
    start = heatmap_start(today)
    assert start.weekday() == 0
    assert (today - start).days == 52 * 7 + 2
    heat = calendar_heatmap({today: 3, date(2026, 3, 2): 1, date(2020, 1, 1): 99}, today)
    assert heat.cells[0].day == start and heat.cells[-1].day == today
    assert heat.max_count == 3  # days outside the calendar do not count
    assert [(c.day, c.count, c.level) for c in heat.active] == [
        (date(2026, 3, 2), 1, 2),
        (today, 3, 4),
    ]
    assert heat.total == 4
    monday = next(c for c in heat.cells if c.day == date(2026, 3, 2))
    assert heat.cells[-1].x == monday.x and heat.cells[-1].y > monday.y


@pytest.mark.parametrize(
    ("count", "expected"), [(0, 0), (1, 1), (25, 1), (26, 2), (50, 2), (75, 3), (99, 4), (100, 4)]
)
def test_levels_are_quarters_of_the_busiest_day(count: int, expected: int) -> None:
    assert level(count, 100) == expected


@pytest.mark.parametrize("end", [date(2026, 12, 1), date(2026, 12, 3), date(2027, 1, 2)])
def test_the_last_month_label_fits_inside_the_chart(end: date) -> None:
    heatmap = calendar_heatmap({}, end)
    x, label = heatmap.month_labels[-1]
    assert label == end.strftime("%b")
    assert x + LABEL_WIDTH <= heatmap.width  # "Dec" was cut to "De"
    assert all(b[0] - a[0] >= 2 * 13 for a, b in itertools.pairwise(heatmap.month_labels))

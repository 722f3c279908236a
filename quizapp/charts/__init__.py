"""Chart geometry for server-rendered SVG (pure): a line chart and a calendar heatmap.

The functions here turn numbers into coordinates and labels; the Jinja macros in
``templates/charts/`` draw them as inline SVG followed by a table of the same numbers, so
nothing is fetched from a CDN and screen readers get the data.
"""

from .heatmap import HeatCell, Heatmap, calendar_heatmap, heatmap_start
from .line import LineChart, LinePoint, line_chart

__all__ = [
    "HeatCell",
    "Heatmap",
    "LineChart",
    "LinePoint",
    "calendar_heatmap",
    "heatmap_start",
    "line_chart",
]

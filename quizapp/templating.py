"""What every template may use, registered once by ``create_app``: filters and layout globals.

No blueprint registers app-wide filters, so a page renders the same whichever blueprints an
installation has. (A feature's own partials may still bring their globals: ``review``'s.)
"""

from __future__ import annotations

from flask import Flask

from .navigation import layout_urls, nav_items, teacher_pages
from .presentation import FILTERS

GLOBALS = {"layout_urls": layout_urls, "nav_items": nav_items, "teacher_pages": teacher_pages}
"""The layout's globals: navigation and the links on every page."""


def init_app(app: Flask) -> None:
    """Register the presentation filters and the layout globals on ``app``."""
    app.jinja_env.filters.update(FILTERS)
    app.jinja_env.globals.update(GLOBALS)

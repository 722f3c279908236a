"""What every template may use, registered once by ``create_app``: filters and layout globals.

No blueprint registers app-wide filters, so a page renders the same whichever blueprints an
installation has. (A feature's own partials may still bring their globals: ``review``'s.)
"""

from __future__ import annotations

from flask import Flask
from flask_login import current_user

from .navigation import layout_urls, nav_items, teacher_pages
from .presentation import FILTERS


def keyboard_shortcuts() -> bool:
    """Whether a study page marks its ``data-keys`` root and shows its key hints.

    The student's "Keyboard shortcuts" setting (WCAG 2.1.4: single-key shortcuts can be
    switched off), read with the account (``SessionUser.shortcuts``); on for visitors.
    """
    return bool(getattr(current_user, "shortcuts", True))


GLOBALS = {
    "layout_urls": layout_urls,
    "nav_items": nav_items,
    "teacher_pages": teacher_pages,
    "keyboard_shortcuts": keyboard_shortcuts,
}
"""The layout's globals: navigation and the links on every page."""


def init_app(app: Flask) -> None:
    """Register the presentation filters and the layout globals on ``app``."""
    app.jinja_env.filters.update(FILTERS)
    app.jinja_env.globals.update(GLOBALS)

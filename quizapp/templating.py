"""What every template may use, registered once by ``create_app``: filters and layout globals.

No blueprint registers app-wide filters or globals, so a page renders the same whichever
blueprints registered first.
"""

from __future__ import annotations

from datetime import datetime

from flask import Flask, g
from flask_login import current_user

from .articles.views import article_available
from .bank.webapp import current_bank
from .classes.codes import show_code
from .clock import now
from .grading import CbmSummary, cbm_mark, cbm_summary
from .models import Attempt, Card
from .navigation import layout_urls, nav_items, teacher_pages
from .presentation import FILTERS, when
from .scheduling import CONFIDENCE_LEVELS
from .settings.views import ask_browser_zone
from .srs.cards import card_for, settings_for
from .srs.queue import counts
from .study.modes import mode_label
from .study.scoring import first_answers


def keyboard_shortcuts() -> bool:
    """Whether a study page marks its ``data-keys`` root and shows its key hints.

    The student's "Keyboard shortcuts" setting (WCAG 2.1.4: single-key shortcuts can be
    switched off), read with the account (``SessionUser.shortcuts``); on for visitors.
    """
    return bool(getattr(current_user, "shortcuts", True))


def viewer_zone() -> str:
    """The time zone every page shows times in: the logged-in user's (Settings), else UTC.

    Read once per request; the student's days (``srs``, History) count in the same zone.
    """
    if "viewer_zone" not in g:
        user_id = current_user.id if current_user.is_authenticated else None
        g.viewer_zone = settings_for(user_id).zone if user_id is not None else "UTC"
    return g.viewer_zone


def local_when(moment: datetime | None) -> str:
    """The ``when`` filter: ``presentation.when`` in the viewer's zone."""
    return when(moment, viewer_zone()) if moment is not None else when(None)


def review_counts() -> dict[str, int] | None:
    """The current student's cards due now, learning and new (the study page's box)."""
    if not current_user.is_authenticated:
        return None
    return counts(current_user.id, current_bank(), now())


def leech_card(question_id: str) -> Card | None:
    """The current student's card on a question when it is a leech (for a note on the page)."""
    if not current_user.is_authenticated:
        return None
    card = card_for(current_user.id, question_id)
    return card if card is not None and card.leech else None


def confidence_marking() -> bool:
    """Whether the question page asks "How sure are you?" (``SessionUser.confidence_marking``)."""
    return bool(getattr(current_user, "confidence_marking", False))


def quiz_cbm(attempts: list[Attempt]) -> CbmSummary | None:
    """The CBM total and average over each question's first answer in the quiz, when marked
    with a confidence; None if none was.

    A question asked again (a miss, or a possible guess) is answered after its right answer
    was shown: its later marks say nothing of what the student knew, as the first-try score
    leaves them out (``study.scoring``).
    """
    first = first_answers((a.position or 0, a.question_id, a) for a in attempts)
    return cbm_summary((attempt.score, attempt.confidence) for attempt in first.values())


GLOBALS = {
    "layout_urls": layout_urls,
    "nav_items": nav_items,
    "teacher_pages": teacher_pages,
    "keyboard_shortcuts": keyboard_shortcuts,
    "review_counts": review_counts,
    "leech_card": leech_card,
    "confidence_marking": confidence_marking,
    "confidence_levels": CONFIDENCE_LEVELS,
    "cbm_mark": cbm_mark,
    "quiz_cbm": quiz_cbm,
    "article_available": article_available,
    "viewer_zone": viewer_zone,
    "ask_browser_zone": ask_browser_zone,
}
"""The layout's globals: navigation and the links on every page."""


def init_app(app: Flask) -> None:
    """Register the presentation filters and the layout globals on ``app``."""
    app.jinja_env.filters.update(
        FILTERS, mode_label=mode_label, class_code=show_code, when=local_when
    )
    app.jinja_env.globals.update(GLOBALS)

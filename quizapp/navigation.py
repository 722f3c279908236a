"""The main navigation, filtered by role and by which features are installed."""

from __future__ import annotations

from functools import lru_cache

from flask import Flask, current_app, request, url_for
from flask_login import current_user

#: (endpoint, label, teachers only)
NAV = [
    ("study.index", "Study", False),
    ("flashcards.index", "Flashcards", False),
    ("history.index", "History", False),
    ("settings.index", "Settings", False),
    ("teacher.index", "Teacher", True),
]


def nav_items() -> list[tuple[str, str, bool]]:
    """(URL, label, is the current section) for the current user's links.

    Nothing for visitors; teacher pages for teachers. The URLs are built once per role and
    application root (they are on every page, and ``url_for`` is not free).
    """
    if not current_user.is_authenticated:
        return []
    section = (request.endpoint or "").partition(".")[0]
    links = _links(current_app._get_current_object(), request.script_root, current_user.is_teacher)
    return [(url, label, blueprint == section) for url, label, blueprint in links]


@lru_cache(maxsize=64)
def _links(app: Flask, script_root: str, teacher: bool) -> tuple[tuple[str, str, str], ...]:
    return tuple(
        (url_for(endpoint), label, endpoint.partition(".")[0])
        for endpoint, label, teacher_only in NAV
        if endpoint in app.view_functions and (teacher or not teacher_only)
    )


LAYOUT_URLS = {
    "home": ("main.index", {}),
    "style": ("static", {"filename": "style.css"}),
    "script": ("static", {"filename": "app.js"}),
    "login": ("auth.login", {}),
    "register": ("auth.register", {}),
    "logout": ("auth.logout", {}),
}


def layout_urls() -> dict[str, str]:
    """The URLs every page's layout links to (home, style sheet, script, account links)."""
    return _layout_urls(current_app._get_current_object(), request.script_root)


@lru_cache(maxsize=16)
def _layout_urls(app: Flask, script_root: str) -> dict[str, str]:
    return {name: url_for(endpoint, **values) for name, (endpoint, values) in LAYOUT_URLS.items()}


#: Teacher pages, in the order the teacher start page lists them.
TEACHER_PAGES = [
    ("teacher.students", "Class overview"),
    ("assignments.index", "Assignments"),
    ("teacher.questions", "Question statistics"),
    ("teacher.bank", "Question bank status"),
]


def teacher_pages() -> list[tuple[str, str]]:
    """The teacher pages that this installation has."""
    return [(e, label) for e, label in TEACHER_PAGES if e in current_app.view_functions]

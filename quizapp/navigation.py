"""The main navigation, filtered by role and by which features are installed."""

from __future__ import annotations

from functools import lru_cache

from flask import Flask, current_app, request, url_for
from flask_login import current_user

from .assets import asset_url

#: (endpoint, label, who sees it: "all", "student", "teacher" (and admins) or "admin")
NAV = [
    ("study.index", "Study", "all"),
    ("flashcards.index", "Flashcards", "all"),
    ("articles.index", "Articles", "all"),
    ("history.index", "History", "all"),
    ("classes.index", "Classes", "student"),
    ("settings.index", "Settings", "all"),
    ("account.index", "Account", "all"),
    ("teacher.index", "Teacher", "teacher"),
    ("admin.index", "Admin", "admin"),
]
#: Which links each role sees (an admin is a teacher who also manages teachers).
AUDIENCES = {
    "student": frozenset({"all", "student"}),
    "teacher": frozenset({"all", "teacher"}),
    "admin": frozenset({"all", "teacher", "admin"}),
}
#: Blueprints whose pages belong to another blueprint's section of the navigation.
SECTIONS = {"classroom": "teacher"}


def nav_items() -> list[tuple[str, str, bool]]:
    """(URL, label, is the current section) for the current user's links.

    Nothing for visitors; the links of the user's role. The URLs are built once per role and
    application root (they are on every page, and ``url_for`` is not free).
    """
    if not current_user.is_authenticated:
        return []
    blueprint = (request.endpoint or "").partition(".")[0]
    section = SECTIONS.get(blueprint, blueprint)
    links = _links(current_app._get_current_object(), request.script_root, current_user.role)
    return [(url, label, owner == section) for url, label, owner in links]


@lru_cache(maxsize=64)
def _links(app: Flask, script_root: str, role: str) -> tuple[tuple[str, str, str], ...]:
    audience = AUDIENCES.get(role, AUDIENCES["student"])
    return tuple(
        (url_for(endpoint), label, endpoint.partition(".")[0])
        for endpoint, label, who in NAV
        if endpoint in app.view_functions and who in audience
    )


LAYOUT_URLS = {
    "home": ("main.index", {}),
    "style": ("assets", {"filename": "style.css"}),
    "script": ("assets", {"filename": "app.js"}),
    "login": ("auth.login", {}),
    "register": ("auth.register", {}),
    "logout": ("auth.logout", {}),
}


def layout_urls() -> dict[str, str]:
    """The URLs every page's layout links to (home, style sheet, script, account links)."""
    app = current_app._get_current_object()
    if app.debug:
        _layout_urls.cache_clear()
    return _layout_urls(app, request.script_root)


@lru_cache(maxsize=16)
def _layout_urls(app: Flask, script_root: str) -> dict[str, str]:
    """Built once per application root; in debug mode the hashed asset URLs follow edits."""
    return {
        name: asset_url(**values) if endpoint == "assets" else url_for(endpoint, **values)
        for name, (endpoint, values) in LAYOUT_URLS.items()
    }


#: Teacher pages, in the order the teacher start page lists them (the last for admins only).
TEACHER_PAGES = [
    ("classroom.index", "Classes", False),
    ("teacher.students", "Class overview", False),
    ("assignments.index", "Assignments", False),
    ("teacher.questions", "Question statistics", False),
    ("teacher.bank", "Question bank status", False),
    ("teacher.editor.files", "Edit the question bank", False),
    ("admin.index", "Teachers and admins", True),
]


def teacher_pages() -> list[tuple[str, str]]:
    """The teacher pages that this installation has and the current user may open."""
    return [
        (endpoint, label)
        for endpoint, label, admin_only in TEACHER_PAGES
        if endpoint in current_app.view_functions and (current_user.is_admin or not admin_only)
    ]

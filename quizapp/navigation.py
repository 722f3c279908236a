"""The main navigation, filtered by role and by which features are installed."""

from __future__ import annotations

from flask import current_app
from flask_login import current_user

#: (endpoint, label, teachers only)
NAV = [
    ("study.index", "Study", False),
    ("flashcards.index", "Flashcards", False),
    ("history.index", "History", False),
    ("settings.index", "Settings", False),
    ("teacher.index", "Teacher", True),
]


def nav_items() -> list[tuple[str, str]]:
    """Links for the current user: nothing for visitors, teacher pages for teachers."""
    if not current_user.is_authenticated:
        return []
    return [
        (endpoint, label)
        for endpoint, label, teacher_only in NAV
        if endpoint in current_app.view_functions and (current_user.is_teacher or not teacher_only)
    ]


#: Teacher pages, in the order the teacher start page lists them.
TEACHER_PAGES = [
    ("teacher.students", "Class overview"),
    ("teacher.questions", "Question statistics"),
    ("teacher.bank", "Question bank status"),
]


def teacher_pages() -> list[tuple[str, str]]:
    """The teacher pages that this installation has."""
    return [(e, label) for e, label in TEACHER_PAGES if e in current_app.view_functions]

"""Assignments: a teacher gives a class work with open and due times; students take it as a
quiz (``Quiz.assignment_id``); the teacher sees the gradebook (docs/assignments.md)."""

from . import modes, teacher  # noqa: F401 - the mode and the teacher pages register themselves
from .views import bp

__all__ = ["bp"]

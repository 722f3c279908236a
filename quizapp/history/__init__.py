"""History: a student's progress, past sessions and answers, and their CSV export."""

from .views import bp

__all__ = ["bp"]

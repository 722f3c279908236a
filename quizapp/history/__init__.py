"""History: a student's progress, past quizzes and answers, and their CSV export."""

from .views import bp

__all__ = ["bp"]

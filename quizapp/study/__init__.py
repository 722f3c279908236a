"""Studying: choose a quiz, answer one question per page, feedback, score, resume, retry."""

from .views import bp

__all__ = ["bp"]

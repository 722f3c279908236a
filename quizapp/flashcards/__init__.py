"""Flashcards: the review queue one card at a time, flipped and rated Again..Easy."""

from .views import bp

__all__ = ["bp"]

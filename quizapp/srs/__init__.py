"""Spaced repetition in the app: cards rated by quiz answers and flashcards, the review queue.

Importing the package registers its study modes ("Review due", "Missed questions").
"""

from . import modes
from .views import bp

__all__ = ["bp", "modes"]

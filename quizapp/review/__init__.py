"""Spaced repetition in the app: cards rated by quiz answers and flashcards, the review queue.

Importing the package registers its study modes ("Review due", "Missed questions") and the
after-answer hook that rates a quiz answer's card.
"""

from . import hooks, modes
from .views import bp

__all__ = ["bp", "hooks", "modes"]

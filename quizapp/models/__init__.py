"""Typed SQLAlchemy models, one module per feature; import them all from here."""

from .question import Question
from .quiz import Attempt, QuizSession
from .types import UTCDateTime, utcnow
from .user import ROLES, User

__all__ = ["ROLES", "Attempt", "Question", "QuizSession", "UTCDateTime", "User", "utcnow"]

"""Typed SQLAlchemy models, one module per feature; import them all from here."""

from .card import Card, ReviewLog, UserSettings
from .question import Question
from .quiz import Attempt, QuizSession
from .throttle import LoginThrottle
from .types import UTCDateTime, utcnow
from .user import ROLES, User

__all__ = [
    "ROLES",
    "Attempt",
    "Card",
    "LoginThrottle",
    "Question",
    "QuizSession",
    "ReviewLog",
    "UTCDateTime",
    "User",
    "UserSettings",
    "utcnow",
]

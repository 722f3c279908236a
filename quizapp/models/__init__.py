"""Typed SQLAlchemy models, one module per feature; import them all from here."""

from .card import Card, RatingLog, UserSettings
from .question import Question
from .quiz import Attempt, Quiz
from .throttle import LoginThrottle
from .types import UTCDateTime, utcnow
from .user import ROLES, User

__all__ = [
    "ROLES",
    "Attempt",
    "Card",
    "LoginThrottle",
    "Question",
    "Quiz",
    "RatingLog",
    "UTCDateTime",
    "User",
    "UserSettings",
    "utcnow",
]

"""Typed SQLAlchemy models, one module per feature; import them all from here."""

from .assignment import REVEAL_CHOICES, Assignment
from .card import Card, RatingLog, UserSettings
from .classroom import Classroom, ExamDate, Membership
from .question import Question
from .quiz import Attempt, Quiz
from .regrade import Regrade, RegradedAttempt
from .reset import PasswordReset
from .revision import BankRevision
from .score import ItemScore, StatisticsCache
from .throttle import LoginThrottle
from .types import UTCDateTime, utcnow
from .user import ROLES, User

__all__ = [
    "REVEAL_CHOICES",
    "ROLES",
    "Assignment",
    "Attempt",
    "BankRevision",
    "Card",
    "Classroom",
    "ExamDate",
    "ItemScore",
    "LoginThrottle",
    "Membership",
    "PasswordReset",
    "Question",
    "Quiz",
    "RatingLog",
    "Regrade",
    "RegradedAttempt",
    "StatisticsCache",
    "UTCDateTime",
    "User",
    "UserSettings",
    "utcnow",
]

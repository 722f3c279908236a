"""Typed SQLAlchemy models, one module per feature; import them all from here."""

from .types import UTCDateTime, utcnow
from .user import ROLES, User

__all__ = ["ROLES", "UTCDateTime", "User", "utcnow"]

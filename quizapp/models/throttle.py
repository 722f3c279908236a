"""Failed log-in counters shared by every worker (login throttling)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from ..extensions import db
from .types import UTCDateTime


class LoginThrottle(db.Model):
    """Failed log-ins counted for one key: ``user:<username>`` or ``ip:<address>``.

    ``failures`` counts the failures since ``window_start``; once they reach the limit,
    ``locked_until`` refuses further attempts. ``expires_at`` is when the row means nothing
    any more (window over, lock over): old rows are pruned by it. Logic: `quizapp.auth.throttle`.
    """

    __tablename__ = "login_throttle"

    key: Mapped[str] = mapped_column(String(120), primary_key=True)
    failures: Mapped[int] = mapped_column(Integer, default=0)
    window_start: Mapped[datetime] = mapped_column(UTCDateTime)
    locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)

    def __repr__(self) -> str:
        return f"<LoginThrottle {self.key} {self.failures}>"

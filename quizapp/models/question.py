"""Questions as synced from the YAML bank: one row per stable id, history kept."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from ..extensions import db
from .types import UTCDateTime, utcnow


class Question(db.Model):
    """The database's copy of a bank question.

    ``id`` is the YAML id, the one name a question has everywhere. ``version`` is the
    content hash of the question as last synced; attempts record the version they
    answered. A question removed from the YAML is *retired* (``retired_at`` set): no
    longer served, its history kept, and it comes back if the YAML restores it.
    """

    __tablename__ = "question"

    id: Mapped[str] = mapped_column(String(80), primary_key=True)
    type: Mapped[str] = mapped_column(String(20))
    topic: Mapped[str] = mapped_column(String(80), index=True)
    topic_title: Mapped[str] = mapped_column(String(200))
    version: Mapped[str] = mapped_column(String(16))
    data: Mapped[dict[str, Any]] = mapped_column(JSON)
    file: Mapped[str] = mapped_column(String(255))
    line: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    retired_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    @property
    def prompt(self) -> str:
        """The prompt text as last synced."""
        return str(self.data.get("prompt", ""))

    def __repr__(self) -> str:
        return f"<Question {self.id} v{self.version}{' retired' if self.retired_at else ''}>"

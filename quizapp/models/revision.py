"""Revisions of the bank's YAML files saved from the browser, for the diff and for revert."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ..extensions import db
from .types import UTCDateTime, utcnow


class BankRevision(db.Model):
    """One save of one topic file: who, when, the text before and after.

    ``path`` is relative to the bank folder; ``before_text`` is None when the save created
    the file. The files on disk stay the source of truth: a revision records a save, it is
    not where the bank is read from.
    """

    __tablename__ = "bank_revision"
    __table_args__ = (Index("ix_bank_revision_path_created", "path", "created_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    path: Mapped[str] = mapped_column(String(255))
    user_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))
    action: Mapped[str] = mapped_column(String(16), default="edit")
    before_text: Mapped[str | None] = mapped_column(Text)
    after_text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

"""Reading the saves teachers made from the browser (``BankRevision`` rows) for the pages."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from flask import abort
from sqlalchemy import select

from ..extensions import db
from ..models import BankRevision, User


@dataclass(frozen=True)
class RevisionRow:
    """A revision with the name of who saved it (None once the account is deleted)."""

    revision: BankRevision
    username: str | None

    @property
    def id(self) -> int:
        """The revision's id."""
        return self.revision.id

    @property
    def path(self) -> str:
        """The file, relative to the bank folder."""
        return self.revision.path

    @property
    def action(self) -> str:
        """edit, create, revert or import."""
        return self.revision.action

    @property
    def created_at(self) -> datetime:
        """When it was saved (UTC)."""
        return self.revision.created_at


def recent_revisions(path: str | None = None, limit: int = 100) -> list[RevisionRow]:
    """The latest revisions, newest first, of one file or of all."""
    query = (
        select(BankRevision, User.username)
        .outerjoin(User, BankRevision.user_id == User.id)
        .order_by(BankRevision.created_at.desc(), BankRevision.id.desc())
        .limit(limit)
    )
    if path is not None:
        query = query.where(BankRevision.path == path)
    return [RevisionRow(rev, name) for rev, name in db.session.execute(query)]


def revision_or_404(revision_id: int) -> RevisionRow:
    """One revision, or 404. Revisions are the bank's, shared by every teacher."""
    row = db.session.execute(
        select(BankRevision, User.username)
        .outerjoin(User, BankRevision.user_id == User.id)
        .where(BankRevision.id == revision_id)
    ).first()
    if row is None:
        abort(404)
    return RevisionRow(row[0], row[1])

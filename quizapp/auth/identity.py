"""Who is logged in: the few account fields a request needs, read without the ORM.

Flask-Login reloads the user on every request. The pages use only the id, the username and
the role of ``current_user``, and the study pages whether the student's keyboard shortcuts and
confidence-based marking are on, so the loader reads those with one prebuilt statement and
hands back a plain :class:`SessionUser`. A full ORM ``User`` took about a sixth of a quiz
page's time (identity map, instance state, the unit of work's bookkeeping).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import bindparam, false, func, select, true

from ..extensions import db
from ..models import User, UserSettings
from ..models.user import AccountMixin

_ACCOUNT = (
    select(
        User.id,
        User.username,
        User.role,
        User.session_version,
        func.coalesce(UserSettings.shortcuts, true()),
        func.coalesce(UserSettings.confidence_marking, false()),
    )
    .outerjoin(UserSettings, UserSettings.user_id == User.id)
    .where(User.id == bindparam("id"), User.session_version == bindparam("version"))
)


@dataclass(frozen=True, eq=False)
class SessionUser(AccountMixin):
    """The logged-in account as a request sees it (read-only; edit accounts through ``User``)."""

    id: int
    username: str
    role: str
    session_version: int
    shortcuts: bool = True
    """The student's "Keyboard shortcuts" setting (``UserSettings.shortcuts``; on if unsaved).

    Read with the account because every study page's layout needs it: a second statement on
    each quiz page would cost more than the join.
    """
    confidence_marking: bool = False
    """The student's "How sure are you?" setting (``UserSettings.confidence_marking``; off if
    unsaved): the question page asks it, and an answer without it is asked again."""


def load_session_user(cookie_id: str) -> SessionUser | None:
    """The account behind a session or remember cookie's ``"<id>.<version>"``.

    None when the account is gone, the id is malformed, or its session version has moved on
    since the cookie was issued (log-out, a password change or reset): the cookie is revoked.
    """
    user_id, dot, version = cookie_id.partition(".")
    if not (dot and user_id.isdigit() and version.isdigit()) or len(cookie_id) > 30:
        return None
    row = (
        db.session.connection()
        .execute(_ACCOUNT, {"id": int(user_id), "version": int(version)})
        .first()
    )
    return SessionUser(*row) if row is not None else None

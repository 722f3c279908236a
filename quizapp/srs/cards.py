"""Reading a student's cards and settings (the write side is in ``rating`` and ``operations``)."""

from __future__ import annotations

from sqlalchemy import bindparam, select

from ..extensions import db
from ..models import Card, UserSettings


def settings_for(user_id: int) -> UserSettings:
    """The student's saved settings, or unsaved defaults when they never changed them.

    The one way to read a student's settings; use ``.zone`` (always a valid time zone) for
    their days, not ``.timezone`` (what they saved).
    """
    return db.session.get(UserSettings, user_id) or UserSettings.defaults(user_id)


def find_card(card_id: int, user_id: int) -> Card | None:
    """The card with this id *and* owner; None for another student's or a missing one."""
    query = select(Card).filter_by(id=card_id, user_id=user_id)
    return db.session.execute(query).scalar_one_or_none()


_CARD = select(Card).where(
    Card.user_id == bindparam("user_id"), Card.question_id == bindparam("question_id")
)


def card_for(user_id: int, question_id: str) -> Card | None:
    """The student's card on a question, if they have one (for showing it; a rating reads its
    card with the student's retention in :mod:`.rating`)."""
    params = {"user_id": user_id, "question_id": question_id}
    return db.session.execute(_CARD, params).scalar_one_or_none()


def suspended_and_leeches(user_id: int) -> list[Card]:
    """The student's suspended cards and leeches, leeches first, then by question id."""
    query = (
        select(Card)
        .where(Card.user_id == user_id, Card.suspended.is_(True) | Card.leech.is_(True))
        .order_by(Card.leech.desc(), Card.question_id)
    )
    return list(db.session.execute(query).scalars())

"""Cards for tests: a snapshot of a card as ``RatingLog.previous`` stores it."""

from __future__ import annotations

from typing import Any

from quizapp.models import Card
from quizapp.models.card import card_snapshot


def snapshot(card: Card) -> dict[str, Any]:
    """Every field a rating changes, as JSON: what undo writes back."""
    return card_snapshot(card.to_state(), card.leech)

"""The queue on the database: oldest due first, then new; limits; counts at the day boundary."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import text

from quizapp.bank.webapp import current_bank
from quizapp.extensions import db
from quizapp.models import Card, RatingLog
from quizapp.scheduling import CardState, Rating, State
from quizapp.srs import operations as ops
from quizapp.srs.queue import counts, draw_queue, next_due, next_question
from quizapp.srs.rating import plan_rating
from tests.support.cards import snapshot

from .conftest import START


def put_card(
    user_id: int,
    question_id: str,
    state: State,
    due: datetime,
    *,
    suspended: bool = False,
) -> Card:
    """A card rated once before, in ``state`` and due at ``due``."""
    card = Card(user_id=user_id, question_id=question_id, created_at=START, suspended=suspended)
    card.set_state(CardState(state, 0, 5.0, 5.0, due, due - timedelta(days=1), 0, 1))
    db.session.add(card)
    db.session.flush()
    return card


def put_rating(user_id: int, card: Card, kind: str, when: datetime) -> None:
    """A review-log row of ``kind`` at ``when`` (what today's limits count)."""
    row = RatingLog(
        card_id=card.id,
        user_id=user_id,
        rating=3,
        kind=kind,
        reviewed_at=when,
        previous=snapshot(card),
    )
    db.session.add(row)
    db.session.flush()


def bank_ids() -> list[str]:
    return list(current_bank().questions)


def test_oldest_due_first_then_new(ctx, student) -> None:
    ids = bank_ids()
    put_card(student, ids[0], State.Review, START - timedelta(hours=1))
    put_card(student, ids[1], State.Relearning, START - timedelta(hours=3))
    put_card(student, ids[2], State.Review, START + timedelta(minutes=1))  # not yet
    put_card(student, ids[3], State.Review, START - timedelta(days=2), suspended=True)
    bank = current_bank()
    assert next_question(student, bank, START) == ids[1]
    drawn = draw_queue(student, bank, START, None)
    assert drawn == [ids[1], ids[0], *ids[4:]]  # then new, in bank order; no suspended card
    assert draw_queue(student, bank, START, 3) == drawn[:3]
    assert draw_queue(student, bank, START, None, ["timeline"]) == [
        i for i in drawn if current_bank().questions[i].topic == "timeline"
    ]


def test_limits_are_respected(ctx, student) -> None:
    ops.save_settings(student, 0.9, 2, 1, "UTC")
    ids = bank_ids()
    oldest = put_card(student, ids[0], State.Review, START - timedelta(hours=2))
    put_card(student, ids[1], State.Review, START - timedelta(hours=1))
    learning = put_card(student, ids[2], State.Learning, START - timedelta(minutes=5))
    bank = current_bank()
    # one review allowed, every learning card, two new ones
    assert draw_queue(student, bank, START, None) == [ids[0], ids[2], ids[3], ids[4]]
    assert counts(student, bank, START) == {"due": 1, "learning": 1, "new": 2}
    put_rating(student, oldest, "review", START - timedelta(hours=1))
    put_rating(student, oldest, "new", START - timedelta(hours=1))
    assert next_question(student, bank, START) == ids[2]  # learning has no limit
    assert draw_queue(student, bank, START, None) == [ids[2], ids[3]]
    assert counts(student, bank, START) == {"due": 0, "learning": 1, "new": 1}
    put_rating(student, oldest, "new", START - timedelta(minutes=30))
    plan_rating(student, learning.question_id, Rating.Good, START).write(
        db.session.connection(), None
    )  # the learning card graduates
    assert next_question(student, bank, START) is None
    assert next_question(student, bank, START + timedelta(days=1)) == ids[0]  # a new day


@pytest.mark.parametrize(
    ("timezone", "before", "after"),
    [
        # 14:30 UTC is 23:30 in Tokyo: its day ends at 15:00 UTC, the UTC day at midnight.
        ("UTC", {"due": 1, "learning": 2, "new": 0}, {"due": 1, "learning": 2, "new": 0}),
        ("Asia/Tokyo", {"due": 0, "learning": 1, "new": 0}, {"due": 1, "learning": 2, "new": 1}),
    ],
)
def test_counts_at_the_day_boundary(ctx, student, timezone, before, after) -> None:
    now = datetime(2026, 3, 2, 14, 30, tzinfo=UTC)
    ops.save_settings(student, 0.9, 1, 1, timezone)
    ids = bank_ids()
    review = put_card(student, ids[0], State.Review, now - timedelta(hours=1))
    put_card(student, ids[1], State.Learning, now + timedelta(minutes=20))  # 14:50: both days
    put_card(student, ids[2], State.Relearning, now + timedelta(minutes=45))  # 15:15
    for other in ids[3:-1]:  # the last question stays new
        put_card(student, other, State.Review, now + timedelta(days=30))
    # 1 March 16:00 UTC is yesterday in UTC but already 2 March (01:00) in Tokyo ...
    put_rating(student, review, "review", datetime(2026, 3, 1, 16, 0, tzinfo=UTC))
    # ... and 2 March 10:00 UTC is today in both.
    put_rating(student, review, "new", datetime(2026, 3, 2, 10, 0, tzinfo=UTC))
    # UTC: one review left, no new card left, both learning cards today. Tokyo: no review or
    # new card left, and 15:15 UTC is tomorrow; after its midnight, a fresh day's allowance.
    assert counts(student, current_bank(), now) == before
    past_midnight = datetime(2026, 3, 2, 15, 5, tzinfo=UTC)  # 00:05 on 3 March in Tokyo
    assert counts(student, current_bank(), past_midnight) == after


def test_next_due_says_when_to_come_back(ctx, student) -> None:
    ids = bank_ids()
    put_card(student, ids[0], State.Learning, START + timedelta(minutes=7))
    assert next_due(student, START) == START + timedelta(minutes=7)
    assert next_due(student, START + timedelta(minutes=8)) is None


def test_other_students_cards_do_not_count(ctx, student, make_user) -> None:
    other = make_user("student2")
    put_card(other, bank_ids()[0], State.Review, START - timedelta(days=1))
    assert counts(student, current_bank(), START) == {"due": 0, "learning": 0, "new": 11}
    assert next_question(student, current_bank(), START) == bank_ids()[0]  # new for this one


@pytest.mark.sqlite_only
def test_the_queue_walks_the_user_due_index(ctx, student) -> None:
    plan = db.session.execute(
        text(
            "EXPLAIN QUERY PLAN SELECT question_id FROM card WHERE user_id = 1 AND due <= :now "
            "AND suspended = 0 AND last_review IS NOT NULL AND state = 2 ORDER BY due, id LIMIT 1"
        ),
        {"now": "2026-03-02 09:00:00"},
    ).all()
    details = " ".join(row[-1] for row in plan)
    assert "USING INDEX ix_card_user_due (user_id=? AND due<?)" in details
    assert "TEMP B-TREE" not in details


def test_an_unknown_saved_zone_falls_back_to_utc(ctx, student) -> None:
    ops.save_settings(student, 0.9, 20, 200, "Atlantis/Capital")
    assert counts(student, current_bank(), START) == {"due": 0, "learning": 0, "new": 11}

"""The review queue on the database: the rows `scheduling.pick_next` and `queue_counts` need.

Queries are per student and walk the ``(user_id, due)`` index. A card is *scheduled* once it
has been rated and is not suspended; *new* questions are the served ones the student has no
scheduled (or suspended) card for, in bank order, except that a student with exams ahead
gets the new questions of their topics first and a new-card limit raised to introduce them in
time (``scheduling.exam``). Cards are keyed by question id here: it names one card per
student, so the pure queue's ``card_id`` is the question id.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from functools import cached_property

from sqlalchemy import (
    BindParameter,
    ColumnElement,
    CompoundSelect,
    Select,
    bindparam,
    func,
    select,
    union_all,
)

from ..bank.spec import Bank
from ..extensions import db
from ..models import Card, Question, RatingLog, UserSettings
from ..scheduling import (
    LEARN_AHEAD,
    CardKind,
    DailyLimits,
    DueCard,
    Exam,
    State,
    day_bounds,
    ensure_utc,
    exam_new_limit,
    new_first,
    next_due_at,
    pick_next,
    queue_counts,
    unseen_per_exam,
)
from .cards import settings_for
from .exams import upcoming_exams


@dataclass(frozen=True)
class Today:
    """The student's local day and the ratings that count against today's limits."""

    start: datetime
    end: datetime
    reviews_done: int
    new_done: int


def today(user_id: int, now: datetime, settings: UserSettings) -> Today:
    """Today's bounds in the student's time zone, and today's review and new ratings.

    A saved zone this server no longer knows falls back to UTC (``UserSettings.zone``).
    """
    start, end = day_bounds(now, settings.zone)
    query = (
        select(RatingLog.kind, func.count())
        .where(RatingLog.user_id == user_id)
        .where(RatingLog.reviewed_at >= start, RatingLog.reviewed_at < end)
        .group_by(RatingLog.kind)
    )
    done = dict(db.session.execute(query).all())
    return Today(start, end, done.get(CardKind.REVIEW, 0), done.get(CardKind.NEW, 0))


@dataclass(frozen=True)
class StudyDay:
    """What every queue question needs about the student today: their settings, ``today``, their
    exams ahead and (when first asked) the cards due before today ends.

    A page that asks several (the next card, the counts, when the next one is due) reads it
    once with :func:`study_day` and passes it to each.
    """

    user_id: int
    settings: UserSettings
    today: Today
    exams: tuple[Exam, ...] = ()

    @cached_property
    def due_today(self) -> list[DueCard]:
        """Every scheduled card due before today ends, oldest first: read once per page."""
        return due_before(self.user_id, self.today.end)


def study_day(user_id: int, now: datetime) -> StudyDay:
    """The student's settings, today's ratings and exams ahead, read once."""
    settings = settings_for(user_id)
    exams = tuple(upcoming_exams(user_id, now))
    return StudyDay(user_id, settings, today(user_id, now, settings), exams)


def _scheduled(
    user_id: int | BindParameter[int], *where: ColumnElement[bool]
) -> Select[tuple[str, datetime, int]]:
    """``(question_id, due, state)`` of the student's scheduled cards on served questions."""
    return (
        select(Card.question_id, Card.due, Card.state)
        .join(Question, Question.id == Card.question_id)
        .where(Card.user_id == user_id, Card.suspended.is_(False), Card.last_review.is_not(None))
        .where(Question.retired_at.is_(None), *where)
    )


def _due_heads_query() -> CompoundSelect[tuple[str, datetime, int]]:
    """Two ``LIMIT 1`` walks of the ``(user_id, due)`` index, one per kind of card.

    Built once with bound parameters ``user_id``, ``now`` and ``ahead`` (learning cards due by
    then are asked when nothing else is ready): constructing the statement costs more than
    running it.
    """
    user_id, now, ahead = bindparam("user_id"), bindparam("now"), bindparam("ahead")
    heads = [
        _scheduled(user_id, Card.due <= until, condition)
        .order_by(Card.due, Card.id)
        .limit(1)
        .subquery()
        for until, condition in (
            (now, Card.state == State.Review),
            (ahead, Card.state != State.Review),
        )
    ]
    return union_all(*(select(head) for head in heads))


DUE_HEADS = _due_heads_query()


def due_heads(user_id: int, now: datetime) -> list[DueCard]:
    """The longest-overdue review card due by ``now`` and (re)learning card due by ``now`` +
    ``LEARN_AHEAD``: at most one each.

    `pick_next` only ever takes the oldest due card of the kinds the limits allow, so the head
    of each kind is all it needs; each head is one short walk of the ``(user_id, due)`` index.
    """
    params = {"user_id": user_id, "now": now, "ahead": now + LEARN_AHEAD}
    rows = db.session.execute(DUE_HEADS, params)
    return [DueCard(*row) for row in rows]


def due_before(user_id: int, end: datetime) -> list[DueCard]:
    """Every scheduled card due before ``end`` (today's end, for the counts), oldest first."""
    query = _scheduled(user_id, Card.due < end).order_by(Card.due, Card.id)
    return [DueCard(*row) for row in db.session.execute(query)]


def started_question_ids(user_id: int) -> set[str]:
    """Questions the student has a rated or a suspended card for: not new any more."""
    query = select(Card.question_id).where(
        Card.user_id == user_id, (Card.last_review.is_not(None)) | Card.suspended.is_(True)
    )
    return set(db.session.execute(query).scalars())


def new_question_ids(user_id: int, bank: Bank) -> Iterator[str]:
    """Served questions the student has not started, in bank order (lazily: one query)."""
    started = started_question_ids(user_id)
    return (question_id for question_id in bank.questions if question_id not in started)


def new_cards(
    user_id: int, bank: Bank, now: datetime, day: StudyDay
) -> tuple[Iterable[str], DailyLimits]:
    """Today's new questions in the order to introduce them, and today's limits.

    Without exams ahead: bank order (read lazily) and the student's limits. With exams: the
    new questions of their topics first and the new-card limit raised by ``exam_new_limit``.
    """
    if not day.exams:
        return _LazyNew(user_id, bank), day.settings.limits
    started = started_question_ids(user_id)
    unseen = [question_id for question_id in bank.questions if question_id not in started]
    topic = {question_id: bank.questions[question_id].topic for question_id in unseen}.get
    per_exam = unseen_per_exam(unseen, topic, day.exams)
    limits = day.settings.limits
    new_limit = exam_new_limit(limits.new_per_day, per_exam, day.today.new_done, now)
    return new_first(unseen, topic, day.exams), raised(limits, new_limit)


def next_question(
    user_id: int,
    bank: Bank,
    now: datetime,
    day: StudyDay | None = None,
    *,
    new_until: int = 0,
) -> str | None:
    """The question to ask the student now (oldest due first, then new), within the limits.

    ``new_until`` raises today's new-card limit to that many new cards (see ``srs.extra``:
    the student asked to study new questions beyond the limit); 0 keeps the saved limit.
    """
    day = day or study_day(user_id, now)
    new, limits = new_cards(user_id, bank, now, day)
    picked = pick_next(
        due_heads(user_id, now),
        new,
        now,
        day.today.reviews_done,
        day.today.new_done,
        raised(limits, new_until),
    )
    return None if picked is None else str(picked)


class _LazyNew:
    """New question ids, read from the database only if the queue gets as far as new cards."""

    def __init__(self, user_id: int, bank: Bank) -> None:
        self.user_id, self.bank = user_id, bank

    def __iter__(self) -> Iterator[str]:
        return new_question_ids(self.user_id, self.bank)


def counts(user_id: int, bank: Bank, now: datetime, day: StudyDay | None = None) -> dict[str, int]:
    """The Study page's counts: ``due`` now, ``learning`` today, ``new`` allowed today."""
    day = day or study_day(user_id, now)
    new, limits = new_cards(user_id, bank, now, day)
    return queue_counts(day.due_today, new, now, day.today.reviews_done, day.today.new_done, limits)


def next_due(user_id: int, now: datetime, day: StudyDay | None = None) -> datetime | None:
    """When the next card the limits allow falls due later today ("back in 7 minutes")."""
    day = day or study_day(user_id, now)
    return next_due_at(day.due_today, now, day.today.reviews_done, day.settings.limits)


def raised(limits: DailyLimits, new_until: int) -> DailyLimits:
    """``limits`` with the new-card limit raised to ``new_until`` (never lowered)."""
    if new_until <= limits.new_per_day:
        return limits
    return replace(limits, new_per_day=new_until)


def unseen_count(user_id: int, bank: Bank) -> int:
    """How many served questions the student has never studied (whatever today's limit)."""
    return sum(1 for _ in new_question_ids(user_id, bank))


def next_card_due(user_id: int, now: datetime, day: StudyDay | None = None) -> datetime | None:
    """When the next scheduled card can be asked: later today, at midnight, or a later day.

    Later today within the limits first (`next_due`); when the reviews-per-day limit holds back
    cards due today, the start of tomorrow; else the first card due after today. None when the
    student has no scheduled card at all.
    """
    day = day or study_day(user_id, now)
    soon = next_due(user_id, now, day)
    if soon is not None:
        return soon
    if any(card.state == State.Review for card in day.due_today):
        return day.today.end  # held back by the reviews-per-day limit until tomorrow
    query = _scheduled(user_id, Card.due >= day.today.end).with_only_columns(func.min(Card.due))
    first = db.session.execute(query).scalar()
    return None if first is None else ensure_utc(first)


def draw_queue(
    user_id: int, bank: Bank, now: datetime, length: int | None, topics: Sequence[str] = ()
) -> list[str]:
    """A quiz's questions in the order `pick_next` would ask them now, within the limits.

    Each pick uses up a review or a new card of today's allowance, as answering it will;
    ``topics`` (when given) keeps only the questions of those topics.
    """
    day = study_day(user_id, now)
    today_ = day.today
    fresh, limits = new_cards(user_id, bank, now, day)
    wanted = set(topics)

    def keep(question_id: str) -> bool:
        spec = bank.get(question_id)
        return spec is not None and (not wanted or spec.topic in wanted)

    due = [card for card in day.due_today if keep(card.card_id)]
    new = [question_id for question_id in fresh if keep(question_id)]
    reviews_done, new_done, drawn = today_.reviews_done, today_.new_done, []
    while length is None or len(drawn) < length:
        picked = pick_next(due, new, now, reviews_done, new_done, limits)
        if picked is None:
            break
        card = next((card for card in due if card.card_id == picked), None)
        if card is None:
            new.remove(picked)
            new_done += 1
        else:
            due.remove(card)
            reviews_done += card.state == State.Review
        drawn.append(str(picked))
    return drawn

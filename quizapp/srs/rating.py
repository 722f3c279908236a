"""Rating a card, for a quiz answer or a flashcard: worked out while reading, then written.

:func:`plan_rating` reads the card and the student's retention and rates it with py-fsrs in
the request's read transaction; :meth:`CardRating.write` then stores the result in two
statements. The card is updated only if its rep count is still the one read (``UPDATE ...
WHERE reps = :seen``), or inserted only if it still does not exist (``InsertUnlessTaken``);
otherwise another request rated it in between and :class:`Changed` is raised, so the caller
rolls back and plans again (a quiz answer) or says the card was rated already (a flashcard).
The log row keeps the card as it was (``RatingLog.previous``), which is what undo writes back.

A flashcard passes the rating the student chose; a quiz answer passes a
:class:`~quizapp.scheduling.GradedAnswer`, which the card read here completes: never rated
(a first answer) or rated earlier the student's local day (a same-day learning step, whose due
is capped at the start of the next local day). The rule is ``scheduling.evidence_for_answer``.
Either way a card of an exam's topics is then capped for the student's exams ahead
(``scheduling.cap_for_exams``: due in the exam's final days, on the least loaded one).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from functools import partial
from typing import Any

from sqlalchemy import Connection, Integer, and_, bindparam, insert, select, update

from ..extensions import db
from ..models import Card, Question, RatingLog, UserSettings
from ..models.card import (
    card_state,
    card_values,
    rating_log_fields,
    scheduler_settings,
    zone_or_default,
)
from ..models.statements import Changed, InsertUnlessTaken
from ..scheduling import (
    CardState,
    Evidence,
    GradedAnswer,
    Rating,
    RatingOutcome,
    SchedulerSettings,
    cap_due,
    cap_for_exams,
    day_bounds,
    new_card,
    rate,
    retrievability,
)
from .exams import due_load, upcoming_exams

_CARDS = Card.__table__
_SETTINGS = UserSettings.__table__
_ME = select(bindparam("user_id", type_=Integer).label("user_id")).subquery("me")
_TOPIC = select(Question.topic).where(Question.id == bindparam("question_id"))
_CARD_AND_RETENTION = select(
    _SETTINGS.c.desired_retention,
    _SETTINGS.c.timezone,
    _TOPIC.scalar_subquery().label("topic"),
    _CARDS,
).select_from(
    _ME.outerjoin(_SETTINGS, _SETTINGS.c.user_id == _ME.c.user_id).outerjoin(
        _CARDS,
        and_(_CARDS.c.user_id == _ME.c.user_id, _CARDS.c.question_id == bindparam("question_id")),
    )
)
"""One row: the student's desired retention and time zone (NULL: the defaults), the question's
topic and their card (NULLs: none)."""
_UPDATE_CARD = update(_CARDS).where(
    _CARDS.c.id == bindparam("card_id"), _CARDS.c.reps == bindparam("seen_reps")
)
_INSERT_CARD = InsertUnlessTaken(_CARDS, ["user_id", "question_id"], _CARDS.c.id)
_INSERT_LOG = insert(RatingLog.__table__)


@dataclass(frozen=True)
class CardRating:
    """One rating of one card, ready to write: the card's new values and its log row."""

    user_id: int
    question_id: str
    card_id: int | None  # None: the student had no card on the question yet
    seen_reps: int
    values: dict[str, Any]
    log: dict[str, Any]
    outcome: RatingOutcome
    now: datetime
    evidence: Evidence | None = None  # a quiz answer's: why it rated as it did

    def write(self, conn: Connection, attempt_id: int | None) -> int:
        """Store the rating with the attempt it came from; the card's id. Raises Changed."""
        card_id = self.card_id
        if card_id is None:
            row = dict(self.values, user_id=self.user_id, question_id=self.question_id)
            card_id = _INSERT_CARD.run(conn, row | {"suspended": False, "created_at": self.now})
            if card_id is None:
                raise Changed(f"card {self.question_id!r} was created meanwhile")
        else:
            params = dict(self.values, card_id=card_id, seen_reps=self.seen_reps)
            if conn.execute(_UPDATE_CARD, params).rowcount != 1:
                raise Changed(f"card {self.question_id!r} was rated meanwhile")
        conn.execute(_INSERT_LOG, dict(self.log, card_id=card_id, attempt_id=attempt_id))
        return card_id


def plan_rating(
    user_id: int, question_id: str, rating: Rating | GradedAnswer, now: datetime
) -> CardRating:
    """Read the student's card on ``question_id`` (a new one if none) and rate it at ``now``:
    with ``rating`` as it is (a flashcard), or as a graded quiz answer's evidence says."""
    params = {"user_id": user_id, "question_id": question_id}
    found = db.session.connection().execute(_CARD_AND_RETENTION, params).one()
    row = found if found.id is not None else None
    before = card_state(row) if row is not None else new_card(now)
    settings = scheduler_settings(found.desired_retention)  # NULL: never saved, the defaults
    day_start, day_end = day_bounds(now, zone_or_default(found.timezone))
    evidence = None
    if isinstance(rating, GradedAnswer):
        evidence = rating.evidence(
            first_answer=before.is_new, seen_today=_rated_since(before, day_start)
        )
        outcome = rate(before, evidence.rating, now, settings)
        if evidence.same_day:
            outcome = cap_due(outcome, day_end)
    else:
        outcome = rate(before, rating, now, settings)
    if exams := upcoming_exams(user_id, now):
        outcome = cap_for_exams(outcome, found.topic, exams, partial(due_load, user_id))
    leech = bool(row.leech) if row is not None else False
    return CardRating(
        user_id=user_id,
        question_id=question_id,
        card_id=row.id if row is not None else None,
        seen_reps=before.reps,
        values=card_values(outcome.new_state),
        log={
            "user_id": user_id,
            **rating_log_fields(before, leech, outcome),
            **_calibration_fields(before, rating, now, day_start, settings),
        },
        outcome=outcome,
        now=now,
        evidence=evidence,
    )


def _calibration_fields(
    before: CardState,
    rating: Rating | GradedAnswer,
    now: datetime,
    day_start: datetime,
    settings: SchedulerSettings,
) -> dict[str, float | None]:
    """The log's ``predicted_recall`` and ``guess_chance``: FSRS's recall of a card last rated
    on an earlier local day (a test of the prediction, ``scheduling.calibration``), else None."""
    if before.is_new or _rated_since(before, day_start):
        return {"predicted_recall": None, "guess_chance": None}
    guess = rating.guess_chance if isinstance(rating, GradedAnswer) else 0.0
    return {"predicted_recall": retrievability(before, now, settings), "guess_chance": guess}


def _rated_since(state: CardState, since: datetime) -> bool:
    """True when the card's latest rating is at or after ``since``."""
    return state.last_review is not None and state.last_review >= since

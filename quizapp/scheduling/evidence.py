"""What a graded quiz answer says about memory: the rating it gives the card (docs/learning.md).

The quiz *score* keeps partial credit; the *rating* asks a different question: did the student
recall the answer, unaided, on this occasion? :func:`evidence_for_answer` is the one rule:

* not fully right (wrong or partly right): **Again**. Not recalled: the card relearns and is
  asked again in the quiz once its step is due.
* right, on a card rated earlier the same local day: **Good**, but only a learning step: the
  card is due at the start of the next local day at the latest (:func:`cap_due`).
* right but unsure (confidence 1): **Hard**. Not sure is not recall: a shorter interval, and a
  new card stays in its learning step.
* right first time on a guessable type (``guess_chance >= GUESS_LIMIT``), unless very sure
  (confidence 3): **Hard**. It may be a guess: the new card stays in its learning step and must
  be answered right once more before it graduates.
* right otherwise: **Good**.

A quiz answer never rates Easy. Wrong with confidence 3 ("very sure") is a *misconception*: the
rating is Again like any miss, and the teacher is shown it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from fsrs import Rating, State

from .rating import RatingOutcome
from .state import ensure_utc

__all__ = [
    "CONFIDENCE_LEVELS",
    "GUESS_LIMIT",
    "VERY_SURE",
    "Evidence",
    "GradedAnswer",
    "cap_due",
    "evidence_for_answer",
    "is_misconception",
]

VERY_SURE = 3
"""The top confidence level: a wrong answer given with it is a misconception."""
GUESS_LIMIT = 0.1
"""A first right answer is not trusted as recall when a blind guess is right this often or more.

With even odds that a student knows a new question, P(knew | right) = 1 / (1 + g) for a guess
chance g: 0.1 keeps that above about 0.9. Choice (1/k, k <= 9), true/false (1/2) and multi with
3 options (1/7) are guessable; multi with 4 or more options (1/15), order and match (1/n!) and
typed answers are not.
"""
CONFIDENCE_LEVELS = {1: "Not sure", 2: "Fairly sure", 3: "Very sure"}
"""Confidence-based marking's three levels, as the question page offers them."""


@dataclass(frozen=True)
class Evidence:
    """The rating an answer gives its card, and whether it is only a same-day learning step.

    ``same_day``: the card was rated earlier on the student's local day (the right answer may
    have been shown since), so a right answer must not move the card beyond the start of the
    next local day (:func:`cap_due`). ``misconception``: wrong, and very sure of it.
    """

    rating: Rating
    same_day: bool
    misconception: bool
    reason: str


@dataclass(frozen=True)
class GradedAnswer:
    """A graded quiz answer as its rating needs it; the card's history is added when rated."""

    score: float
    correct: bool
    guess_chance: float = 0.0
    confidence: int | None = None

    def evidence(self, *, first_answer: bool, seen_today: bool) -> Evidence:
        """:func:`evidence_for_answer` for this answer on a card with that history."""
        return evidence_for_answer(
            self.score,
            self.correct,
            guess_chance=self.guess_chance,
            first_answer=first_answer,
            seen_today=seen_today,
            confidence=self.confidence,
        )


def _check(score: float, guess_chance: float, confidence: int | None) -> None:
    if not 0.0 <= score <= 1.0:
        raise ValueError(f"score must be between 0 and 1, not {score}")
    if not 0.0 <= guess_chance <= 1.0:
        raise ValueError(f"guess chance must be between 0 and 1, not {guess_chance}")
    if confidence is not None and confidence not in CONFIDENCE_LEVELS:
        raise ValueError(f"confidence must be 1, 2 or 3, not {confidence}")


def is_misconception(correct: bool, confidence: int | None) -> bool:
    """Wrong (or only partly right) and very sure of it: a belief to correct, not a gap."""
    return not correct and confidence == VERY_SURE


def evidence_for_answer(
    score: float,
    correct: bool,
    *,
    guess_chance: float = 0.0,
    first_answer: bool = False,
    seen_today: bool = False,
    confidence: int | None = None,
) -> Evidence:
    """The rating of a graded quiz answer, by the table in this module's docstring.

    ``correct`` means fully right (``score`` keeps the partial credit, which does not pass a
    card). ``first_answer``: the card was never rated (a new card); ``seen_today``: it was rated
    earlier on the student's local day; ``guess_chance``: how often a blind guess is right
    (``QuestionType.guess_chance``); ``confidence``: 1, 2 or 3 when the student marked it.
    """
    _check(score, guess_chance, confidence)
    misconception = is_misconception(correct, confidence)
    if not correct:
        reason = "very sure but wrong" if misconception else "not fully right"
        return Evidence(Rating.Again, seen_today, misconception, reason)
    if seen_today:
        return Evidence(Rating.Good, True, False, "right again the same day: a learning step")
    if confidence == 1:
        return Evidence(Rating.Hard, False, False, "right but not sure")
    if first_answer and guess_chance >= GUESS_LIMIT and confidence != 3:
        return Evidence(Rating.Hard, False, False, "right first time, but could be a guess")
    return Evidence(Rating.Good, False, False, "recalled")


def cap_due(outcome: RatingOutcome, until: datetime) -> RatingOutcome:
    """``outcome`` with a card in the Review state due no later than ``until``.

    A same-day answer is rated with py-fsrs as it is (its short-term stability formula counts
    a review the same day for little), but it is no evidence for a long interval: the card
    comes due at the start of the student's next local day at the latest, where FSRS treats
    the answer as an early review. A card left in a (re)learning step keeps its step's due.
    """
    until = ensure_utc(until)
    state = outcome.new_state
    if state.state != State.Review or state.due <= until:
        return outcome
    return replace(outcome, new_state=replace(state, due=until))

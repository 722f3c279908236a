"""Which questions need checking and why (Moodle's thresholds); how often each option was picked.

The thresholds and their sources:

* **Random guess score above 40 %** "is unsatisfactory" (Moodle Docs, *Quiz report
  statistics*, from the Open University's guidance): a true/false question scores 50 %
  by guessing. Only choice (1 / number of choices) and true/false (1/2) are computed;
  other types have no single random guess.
* **Facility 5 % or less**: "extremely difficult or something wrong with the question";
  **95 % or more**: "extremely easy" (same page's facility table).
* **Discrimination index below 0.30**: Moodle's question bank "Needs checking?" column
  (``qbank_statistics\\helper``: DI < 30 % "very likely", 30–50 % "likely"); the same page
  reads DI < 0 as "the question is probably invalid" — usually a wrong key or a misleading
  distractor.
* **Discriminative efficiency below 15 %**: the quiz report marks such a question dubious
  (``quiz_statistics_table::is_dubious_question``).

Flags that depend on the answers need `MIN_STUDENTS` (see `items`); the random guess score
depends on the question alone and is always checked.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ..presentation import percent
from .items import MIN_STUDENTS, ItemStats

__all__ = [
    "CHOICE_TYPES",
    "EFFICIENCY_BELOW",
    "FACILITY_HIGH",
    "FACILITY_LOW",
    "GUESS_ABOVE",
    "WEAK_BELOW",
    "ChoiceCount",
    "choice_counts",
    "needs_checking",
    "random_guess_score",
]

GUESS_ABOVE = 0.40
FACILITY_LOW = 0.05
FACILITY_HIGH = 0.95
WEAK_BELOW = 0.30
EFFICIENCY_BELOW = 0.15

CHOICE_TYPES = ("choice", "multi", "truefalse")
"""Question types whose answers are picks among listed options."""


def random_guess_score(question_type: str, content: Mapping[str, Any]) -> float | None:
    """The mean score of a blind guess: choice 1/len(choices), true/false 1/2, else None."""
    if question_type == "choice" and content.get("choices"):
        return 1 / len(content["choices"])
    if question_type == "truefalse":
        return 0.5
    return None


def needs_checking(stats: ItemStats | None, random_guess: float | None = None) -> list[str]:
    """The reasons to look at a question again, most serious first; empty when none."""
    reasons = []
    if stats is not None and stats.students >= MIN_STUDENTS and stats.facility is not None:
        if stats.facility <= FACILITY_LOW:
            reasons.append("Extremely hard: check the key")
        elif stats.facility >= FACILITY_HIGH:
            reasons.append("Extremely easy")
    if stats is not None and stats.enough_data and stats.discrimination is not None:
        if stats.discrimination < 0:
            reasons.append("Negative discrimination: check the key and the distractors")
        elif stats.discrimination < WEAK_BELOW:
            reasons.append("Weak discrimination")
        efficiency = stats.efficiency
        if stats.discrimination >= 0 and efficiency is not None and efficiency < EFFICIENCY_BELOW:
            reasons.append("Low discriminative efficiency")
    if random_guess is not None and random_guess > GUESS_ABOVE:
        reasons.append(f"Easy to guess: a random answer scores {percent(random_guess)}")
    return reasons


@dataclass(frozen=True)
class ChoiceCount:
    """One option of a choice question: how many students picked it, and their share."""

    label: str
    right: bool
    picked: int
    share: float | None


def _options(question_type: str, content: Mapping[str, Any]) -> list[tuple[Any, str, bool]]:
    """``(stored answer value, label, right)`` for each option of the question as written."""
    if question_type == "truefalse":
        key = content.get("answer")
        return [(True, "True", key is True), (False, "False", key is False)]
    rights = content.get("answers", []) if question_type == "multi" else [content.get("answer")]
    return [(c, str(c), c in rights) for c in content.get("choices", [])]


def choice_counts(
    question_type: str, content: Mapping[str, Any], answers: Iterable[Any]
) -> list[ChoiceCount]:
    """How often each option was picked among `answers` (stored answers, one per student).

    A multi answer is a list, each ticked option counting once; shares are of the students,
    so a multi question's shares add up to more than 100 %. Picks not among the current
    options (a blank, an option since renamed) are counted as a last row, "Other or blank".
    """
    options = _options(question_type, content)
    picked: dict[Any, int] = {value: 0 for value, _, _ in options}
    other = students = 0
    for answer in answers:
        students += 1
        chosen: Sequence[Any] = answer if isinstance(answer, list) else [answer]
        known = [c for c in chosen if _hashable(c) and c in picked]
        for c in set(known):
            picked[c] += 1
        if not known:
            other += 1
    share = (lambda n: n / students) if students else (lambda n: None)
    rows = [ChoiceCount(label, right, picked[v], share(picked[v])) for v, label, right in options]
    if other:
        rows.append(ChoiceCount("Other or blank", False, other, share(other)))
    return rows


def _hashable(value: Any) -> bool:
    """True for the scalars an option can be stored as (JSON lists and objects are not)."""
    return isinstance(value, str | bool | int | float) or value is None

"""Confidence-based marking (CBM) as Moodle's ``question_cbm`` marks it (docs/learning.md).

A student says how sure they are, 1 (not sure), 2 (fairly sure) or 3 (very sure). A right
answer earns 1, 2 or 3 marks, a wrong one 0, −2 or −6, so "very sure" pays only when the chance
of being right is above 80% and "not sure" is best below 67%: honesty maximises the expected
mark. A partly right answer earns its score times the right mark (Moodle's rule: never below 0).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

__all__ = ["RIGHT_MARKS", "WRONG_MARKS", "CbmSummary", "cbm_mark", "cbm_summary"]

RIGHT_MARKS = {1: 1.0, 2: 2.0, 3: 3.0}
WRONG_MARKS = {1: 0.0, 2: -2.0, 3: -6.0}


def cbm_mark(score: float, confidence: int) -> float:
    """The CBM mark of an answer scoring ``score`` (0..1) at ``confidence`` (1..3)."""
    if confidence not in RIGHT_MARKS:
        raise ValueError(f"confidence must be 1, 2 or 3, not {confidence}")
    if not 0.0 <= score <= 1.0:
        raise ValueError(f"score must be between 0 and 1, not {score}")
    if score <= 0.0:
        return WRONG_MARKS[confidence]
    return RIGHT_MARKS[confidence] * score


@dataclass(frozen=True)
class CbmSummary:
    """A quiz's CBM marks: their total, and the average per answer marked (−6..3)."""

    total: float
    average: float
    marked: int


def cbm_summary(answers: Iterable[tuple[float, int | None]]) -> CbmSummary | None:
    """The CBM total and average of ``(score, confidence)`` pairs; answers without a confidence
    are left out; None when none has one."""
    marks = [cbm_mark(score, confidence) for score, confidence in answers if confidence]
    if not marks:
        return None
    return CbmSummary(sum(marks), sum(marks) / len(marks), len(marks))

"""The simulated students' hidden memory: the truth the app's predictions are graded against.

Two models, so the scheduler is not only graded by its own model:

* :class:`FsrsMemory` -- FSRS-6's forgetting curve and stability/difficulty updates, with each
  student's own 21 parameters drawn around py-fsrs's defaults (the app schedules with the
  defaults) and a per-question difficulty shift.
* :class:`HlrMemory` -- half-life regression (Settles & Meeder 2016): ``p = 2^(-lag/h)``,
  ``h = 2^(theta . x)`` with ``x`` = (1, sqrt(1 + right), sqrt(1 + wrong)) and a per-question
  difficulty. A right answer counts fully once ``SPACED`` (8 hours: a night) has passed since
  the question was last seen, and ``MASSED`` (a tenth) before: repetition within one day
  teaches little. Exponential, not power-law, decay.

An item is one student's memory of one question (``None``: never seen, recall 0). Times are
in days (floats). ``study`` is one exposure: the answer (recalled or not), then the feedback.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass

from fsrs.scheduler import DEFAULT_PARAMETERS

AGAIN, GOOD = 1, 3
SPACED = 8 / 24  # days
MASSED = 0.1


@dataclass
class FsrsItem:
    """Hidden FSRS memory of one question: stability (days), difficulty 1..10, last exposure."""

    stability: float
    difficulty: float
    last: float


@dataclass
class HlrItem:
    """Hidden HLR memory of one question: right (credited) and wrong counts, last exposure."""

    right: float
    wrong: int
    last: float


class FsrsMemory:
    """FSRS-6 memory with per-student parameters (lognormal noise around py-fsrs's defaults)."""

    name = "FSRS-6 students"

    def __init__(self, spread: float = 0.15) -> None:
        self.spread = spread

    def student(self, rng: random.Random) -> tuple[float, ...]:
        """One student's 21 FSRS-6 parameters."""
        w = [p * math.exp(rng.gauss(0.0, self.spread)) for p in DEFAULT_PARAMETERS]
        w[7] = min(w[7], 0.5)  # mean reversion weight stays a share
        w[20] = min(max(w[20], 0.1), 0.8)  # decay within FSRS-6's bounds
        return tuple(w)

    def recall(
        self, w: tuple[float, ...], item: FsrsItem | None, now: float, shift: float = 0.0
    ) -> float:
        """True probability of recall at ``now`` (FSRS-6's power forgetting curve; the
        question's difficulty ``shift`` is in the item already)."""
        if item is None:
            return 0.0
        decay = -w[20]
        factor = 0.9 ** (1 / decay) - 1
        return (1 + factor * max(now - item.last, 0.0) / item.stability) ** decay

    def study(
        self, w: tuple[float, ...], item: FsrsItem | None, now: float, recalled: bool, shift: float
    ) -> FsrsItem:
        """The item after one exposure: Good if recalled, Again if not (then the feedback)."""
        grade = GOOD if recalled else AGAIN
        if item is None:
            d0 = w[4] - math.exp(w[5] * (grade - 1)) + 1 + shift
            s0 = w[grade - 1] * math.exp(-shift / 2)
            return FsrsItem(max(s0, 0.001), _clamp(d0), now)
        s, d = item.stability, item.difficulty
        elapsed = now - item.last
        if elapsed < 1.0:  # same day: FSRS-6's short-term stability
            rise = math.exp(w[17] * (grade - 3 + w[18])) * s ** -w[19]
            s = s * (max(rise, 1.0) if recalled else rise)
        elif recalled:
            r = self.recall(w, item, now)
            s = s * (1 + math.exp(w[8]) * (11 - d) * s ** -w[9] * (math.exp((1 - r) * w[10]) - 1))
        else:
            r = self.recall(w, item, now)
            long = w[11] * d ** -w[12] * ((s + 1) ** w[13] - 1) * math.exp((1 - r) * w[14])
            s = min(long, s / math.exp(w[17] * w[18]))
        easy = w[4] - math.exp(w[5] * 3) + 1
        damped = d - w[6] * (grade - 3) * (10 - d) / 9
        d = _clamp(w[7] * easy + (1 - w[7]) * damped)
        return FsrsItem(max(s, 0.001), d, now)


class HlrMemory:
    """Half-life regression memory with per-student weights and per-question difficulty."""

    name = "HLR students"

    def student(self, rng: random.Random) -> tuple[float, ...]:
        """One student's (bias, right weight, wrong weight)."""
        return (rng.gauss(-0.8, 0.3), rng.gauss(1.6, 0.15), rng.gauss(-0.3, 0.1))

    def half_life(self, theta: tuple[float, ...], item: HlrItem, shift: float) -> float:
        """Half-life in days: 2^(theta . x - question difficulty)."""
        x = theta[0] + theta[1] * math.sqrt(1 + item.right) + theta[2] * math.sqrt(1 + item.wrong)
        return 2 ** min(x - shift, 12.0)

    def recall(
        self, theta: tuple[float, ...], item: HlrItem | None, now: float, shift: float = 0.0
    ) -> float:
        """True probability of recall at ``now``: 2^(-lag / half-life)."""
        if item is None:
            return 0.0
        return 2 ** (-max(now - item.last, 0.0) / self.half_life(theta, item, shift))

    def study(
        self,
        theta: tuple[float, ...],
        item: HlrItem | None,
        now: float,
        recalled: bool,
        shift: float,
    ) -> HlrItem:
        """The item after one exposure: a right (a tenth of one if massed), or a wrong."""
        if item is None:
            return HlrItem(0.0, 1, now)
        if recalled:
            credit = 1.0 if now - item.last >= SPACED else MASSED
            return HlrItem(item.right + credit, item.wrong, now)
        return HlrItem(item.right, item.wrong + 1, now)


def _clamp(difficulty: float) -> float:
    return min(max(difficulty, 1.0), 10.0)


MODELS = {"fsrs": FsrsMemory, "hlr": HlrMemory}

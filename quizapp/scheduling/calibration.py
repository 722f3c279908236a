"""Recalibrating FSRS's predicted recall on one student's own reviews (docs/learning.md).

FSRS predicts recall with its default parameters for everyone; a student who forgets faster
(or slower) than those parameters assume would be shown a recall that is not theirs. Each
review of a card last rated on an earlier day tests the prediction: FSRS's recall at that
moment (``predicted``) against what happened (``passed``: any rating but Again). The
student's recall curve is fitted on these as a logistic recalibration (Platt scaling)::

    recall = sigmoid(shift + slope * logit(predicted))

An answer is not recall itself: a question not recalled may be guessed right
(``guess_chance``: 1/k for a choice of k options), and one recalled may be slipped on (a
misclick, a typo: ``SLIP``), so ``P(passed) = g + (1 - g - SLIP) * recall``, the
four-parameter logistic model of item response theory with both asymptotes known.
:func:`fit_calibration` finds the most probable ``shift`` and ``slope`` under a prior centred
on FSRS as it is (shift 0, slope 1): with few reviews the calibration stays close to FSRS;
with many, the reviews decide.

Topics differ for one student (dates typed from memory are harder than a choice of four
people), so each topic gets its own offset of ``shift`` (``Calibration.topics``), fitted
second with ``shift`` and ``slope`` held, under a prior centred on 0 (``PRIOR_TOPIC_SD``):
a topic with few reviews keeps the student's curve. :meth:`Calibration.for_topic` is the
curve of one topic.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from typing import NamedTuple

from fsrs.scheduler import DEFAULT_PARAMETERS

__all__ = [
    "IDENTITY",
    "PRIOR_SHIFT_SD",
    "PRIOR_SLOPE_SD",
    "PRIOR_TOPIC_SD",
    "SLIP",
    "Calibration",
    "Observation",
    "fit_calibration",
]

SLIP = 0.03
"""How often an answer the student recalls is still wrong (a slip): a few percent."""
PRIOR_SHIFT_SD = 0.5
"""The prior's spread of ``shift`` (logit units)."""
PRIOR_SLOPE_SD = 0.3
"""The prior's spread of ``slope`` around 1."""
PRIOR_TOPIC_SD = 0.5
"""The prior's spread of a topic's offset of ``shift`` around 0 (logit units)."""
_DECAY = DEFAULT_PARAMETERS[20]  # FSRS-6's forgetting curve: (1 + _FACTOR * t / S) ** -_DECAY
_FACTOR = 0.9 ** (-1 / _DECAY) - 1  # so that its recall is 0.9 at t = S
_EDGE = 1e-4  # predictions are kept within (_EDGE, 1 - _EDGE) before taking the logit
_ITERATIONS = 40
_MIN_SLOPE = 0.05


def _logit(p: float) -> float:
    p = min(max(p, _EDGE), 1.0 - _EDGE)
    return math.log(p / (1.0 - p))


def _sigmoid(z: float) -> float:
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


class Observation(NamedTuple):
    """One review of a card last rated on an earlier day: FSRS's prediction and the outcome."""

    predicted: float
    passed: bool
    guess_chance: float = 0.0
    topic: str = ""
    """The question's topic ("" when unknown: it counts for the student's curve only)."""


@dataclass(frozen=True)
class Calibration:
    """One student's recall relative to FSRS's: ``sigmoid(shift + slope * logit(p))``.

    ``reviews`` is how many observations it was fitted on (0: FSRS as it is); ``topics``
    the offset of ``shift`` for each topic that had reviews, as ``(topic, offset)`` pairs.
    """

    shift: float = 0.0
    slope: float = 1.0
    reviews: int = 0
    topics: tuple[tuple[str, float], ...] = ()

    def for_topic(self, topic: str) -> Calibration:
        """The curve of one topic: the student's, its shift moved by the topic's offset."""
        offset = dict(self.topics).get(topic, 0.0)
        if not offset:
            return Calibration(self.shift, self.slope, self.reviews)
        return Calibration(self.shift + offset, self.slope, self.reviews)

    @property
    def is_identity(self) -> bool:
        """True when it leaves FSRS's predictions as they are."""
        return self.shift == 0.0 and self.slope == 1.0

    def recall(self, predicted: float) -> float:
        """The student's recall when FSRS predicts ``predicted`` (0 stays 0: never reviewed)."""
        if predicted <= 0.0 or self.is_identity:
            return max(predicted, 0.0)
        return _sigmoid(self.shift + self.slope * _logit(predicted))

    def predicted_for(self, recall: float) -> float:
        """The FSRS prediction at which this student's recall is ``recall`` (the inverse)."""
        if self.is_identity:
            return recall
        return _sigmoid((_logit(recall) - self.shift) / self.slope)

    def stability(self, stability: float) -> float:
        """The days after a review until this student's recall falls to 90%, for a card of
        FSRS ``stability`` (FSRS's own figure: the days until *its* prediction does)."""
        if self.is_identity:
            return stability
        target = min(max(self.predicted_for(0.9), _EDGE), 1.0 - _EDGE)
        return stability * (target ** (-1 / _DECAY) - 1) / _FACTOR

    def lasting_days(self, stability: float, topic: str = "") -> float:
        """The days a card of FSRS ``stability`` stays at 90 % recall or more on every piece
        of evidence: FSRS's own stability, the student's curve and the topic's (the least).

        The curves are fitted on reviews at about the desired retention; for a student whose
        forgetting FSRS does not follow they come out flat, and a flat curve above 90 % (a
        topic passed often) would say the recall lasts for ever, which no review showed. So a
        curve can shorten what FSRS says, never lengthen it: mastery (``analytics.progress``)
        needs all three.
        """
        return min(stability, self.stability(stability), self.for_topic(topic).stability(stability))


IDENTITY = Calibration()
"""FSRS's predictions as they are: no reviews to learn from yet."""


def fit_calibration(observations: Iterable[Observation]) -> Calibration:
    """The most probable calibration for these reviews (prior: ``IDENTITY``).

    Maximises the log-likelihood of ``passed`` plus the Gaussian prior (``PRIOR_SHIFT_SD``,
    ``PRIOR_SLOPE_SD``) by Fisher scoring, each step halved until the posterior rises (with
    guessing and slips the likelihood need not be concave); the slope stays positive (a higher
    prediction never means a lower recall).
    """
    observations = list(observations)
    data = [(_logit(o.predicted), 1.0 if o.passed else 0.0, o.guess_chance) for o in observations]
    if not data:
        return IDENTITY
    shift, slope = _fit_curve(data)
    by_topic: dict[str, _Data] = {}
    for o, row in zip(observations, data, strict=True):
        if o.topic:
            by_topic.setdefault(o.topic, []).append(row)
    offsets = tuple(
        (topic, _fit_offset(rows, shift, slope)) for topic, rows in sorted(by_topic.items())
    )
    return Calibration(shift, slope, len(data), offsets)


def _fit_curve(data: _Data) -> tuple[float, float]:
    """The student's ``(shift, slope)``: the most probable under their prior."""
    shift, slope = 0.0, 1.0
    best = _log_posterior(data, shift, slope)
    for _ in range(_ITERATIONS):
        step_a, step_b = _scoring_step(data, shift, slope)
        for _ in range(20):
            a, b = shift + step_a, max(slope + step_b, _MIN_SLOPE)
            value = _log_posterior(data, a, b)
            if value >= best:
                break
            step_a, step_b = step_a / 2, step_b / 2
        else:
            break
        gain = value - best
        shift, slope, best = a, b, value
        if gain < 1e-4:
            break
    return shift, slope


def _fit_offset(data: _Data, shift: float, slope: float) -> float:
    """The most probable offset of ``shift`` for one topic's reviews (prior: 0,
    ``PRIOR_TOPIC_SD``), by Fisher scoring with ``slope`` held, each step halved until the
    posterior rises."""

    def posterior(offset: float) -> float:
        return _log_likelihood(data, shift + offset, slope) - 0.5 * (offset / PRIOR_TOPIC_SD) ** 2

    offset, best = 0.0, posterior(0.0)
    for _ in range(_ITERATIONS):
        grad, info = -offset / PRIOR_TOPIC_SD**2, 1.0 / PRIOR_TOPIC_SD**2
        for x, y, g in data:
            p, dp = _pass_chance(x, shift + offset, slope, g)
            grad += (y - p) * dp / (p * (1.0 - p))
            info += dp * dp / (p * (1.0 - p))
        step = grad / info
        for _ in range(20):
            value = posterior(offset + step)
            if value >= best:
                break
            step /= 2
        else:
            break
        gain = value - best
        offset, best = offset + step, value
        if gain < 1e-4:
            break
    return offset


_Data = list[tuple[float, float, float]]


def _pass_chance(x: float, shift: float, slope: float, g: float) -> tuple[float, float]:
    """P(passed) and its derivative by the linear predictor ``shift + slope * x``."""
    q = _sigmoid(shift + slope * x)
    span = max(1.0 - g - SLIP, 0.0)
    p = min(max(g + span * q, 1e-12), 1.0 - 1e-12)
    return p, span * q * (1.0 - q)


def _log_likelihood(data: _Data, shift: float, slope: float) -> float:
    value = 0.0
    for x, y, g in data:
        p, _ = _pass_chance(x, shift, slope, g)
        value += math.log(p) if y else math.log(1.0 - p)
    return value


def _log_posterior(data: _Data, shift: float, slope: float) -> float:
    prior = -0.5 * (shift / PRIOR_SHIFT_SD) ** 2 - 0.5 * ((slope - 1.0) / PRIOR_SLOPE_SD) ** 2
    return prior + _log_likelihood(data, shift, slope)


def _scoring_step(data: _Data, shift: float, slope: float) -> tuple[float, float]:
    """One Fisher scoring step (gradient times the inverse expected information)."""
    prior_a, prior_b = 1.0 / PRIOR_SHIFT_SD**2, 1.0 / PRIOR_SLOPE_SD**2
    grad_a, grad_b = -prior_a * shift, -prior_b * (slope - 1.0)
    info_aa, info_ab, info_bb = prior_a, 0.0, prior_b
    for x, y, g in data:
        p, dp = _pass_chance(x, shift, slope, g)
        score = (y - p) * dp / (p * (1.0 - p))
        weight = dp * dp / (p * (1.0 - p))
        grad_a += score
        grad_b += score * x
        info_aa += weight
        info_ab += weight * x
        info_bb += weight * x * x
    det = info_aa * info_bb - info_ab * info_ab
    return (
        (info_bb * grad_a - info_ab * grad_b) / det,
        (info_aa * grad_b - info_ab * grad_a) / det,
    )

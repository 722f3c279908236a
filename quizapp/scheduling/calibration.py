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

FSRS's error need not be the same for every card: for a student whose memory does not grow
with spacing as FSRS assumes, FSRS's 0.9 on a card it gives a few days of stability may be
right and its 0.9 on a card it gives months far too high. The curve above averages the two,
which is right for the recall shown now but not for mastery, a claim about recall 21 days
out on cards with more stability than most reviews had. So a second curve, for mastery only
(``Calibration.long_term``), is fitted on the same reviews with the card's FSRS stability
before each (``Observation.stability``)::

    recall = sigmoid(shift + slope * logit(predicted) + span * log(stability / 10))

``span`` is 0 without evidence (prior centred on 0, ``PRIOR_SPAN_SD``); a review whose
stability is unknown counts as one at the reference (``REFERENCE_STABILITY``, 10 days).

Topics differ for one student (dates typed from memory are harder than a choice of four
people), so each topic gets its own offset of ``shift`` (``Calibration.topics``), fitted
second with ``shift`` and ``slope`` held, under a prior centred on 0 (``PRIOR_TOPIC_SD``):
a topic with few reviews keeps the student's curve. :meth:`Calibration.for_topic` is the
curve of one topic.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import NamedTuple

from fsrs.scheduler import DEFAULT_PARAMETERS

__all__ = [
    "IDENTITY",
    "PRIOR_SHIFT_SD",
    "PRIOR_SLOPE_SD",
    "PRIOR_SPAN_SD",
    "PRIOR_TOPIC_SD",
    "REFERENCE_STABILITY",
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
PRIOR_SPAN_SD = 0.5
"""The prior's spread of ``span`` around 0 (logit units per e-fold of FSRS's stability)."""
REFERENCE_STABILITY = 10.0
"""The stability (days) at which ``span`` changes nothing: ``shift`` is the offset there."""
_FLAT = (0.0, 1.0, 0.0)
"""(shift, slope, span) of FSRS as it is: where every curve starts, and its prior's centre."""
_DECAY = DEFAULT_PARAMETERS[20]  # FSRS-6's forgetting curve: (1 + _FACTOR * t / S) ** -_DECAY
_FACTOR = 0.9 ** (-1 / _DECAY) - 1  # so that its recall is 0.9 at t = S
_EDGE = 1e-4  # predictions are kept within (_EDGE, 1 - _EDGE) before taking the logit
_ITERATIONS = 40
_MIN_SLOPE = 0.05


def _logit(p: float) -> float:
    p = min(max(p, _EDGE), 1.0 - _EDGE)
    return math.log(p / (1.0 - p))


def _scale(stability: float | None) -> float:
    """The stability term's variable: log(stability / REFERENCE_STABILITY); 0 when unknown."""
    if stability is None or stability <= 0.0:
        return 0.0
    return math.log(stability / REFERENCE_STABILITY)


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
    stability: float | None = None
    """The card's FSRS stability before the review (None when unknown: the reference)."""


@dataclass(frozen=True)
class Calibration:
    """One student's recall relative to FSRS's: ``sigmoid(shift + slope * logit(p))``.

    ``reviews`` is how many observations it was fitted on (0: FSRS as it is); ``topics``
    the offset of ``shift`` for each topic that had reviews, as ``(topic, offset)`` pairs.
    ``long_term`` is a second curve fitted on the same reviews for mastery only,
    ``(shift, slope, span)`` of ``sigmoid(shift + slope * logit(p) + span * log(S / 10))``:
    how the student's recall departs from FSRS's as the card's stability S grows.
    """

    shift: float = 0.0
    slope: float = 1.0
    reviews: int = 0
    topics: tuple[tuple[str, float], ...] = ()
    long_term: tuple[float, float, float] = _FLAT
    long_topics: tuple[tuple[str, float], ...] = ()
    """Each topic's offset of the long-term curve's shift, as ``topics`` is of ``shift``."""

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
        return _days_to(self.predicted_for(0.9), stability)

    def long_term_stability(self, stability: float, topic: str = "") -> float:
        """The days until recall falls to 90 % on the ``long_term`` curve (of ``topic``: its
        offset added), for a card of FSRS ``stability``: the curve's shift at that stability,
        then as :meth:`stability`."""
        if self.long_term == _FLAT or stability <= 0.0:
            return stability
        shift, slope, span = self.long_term
        at = shift + dict(self.long_topics).get(topic, 0.0) + span * _scale(stability)
        return _days_to(_sigmoid((_logit(0.9) - at) / slope), stability)

    def lasting_days(self, stability: float, topic: str = "") -> float:
        """The days a card of FSRS ``stability`` stays at 90 % recall or more on every piece
        of evidence: FSRS's own stability, the student's curve, the topic's and the long-term
        curve (the least).

        The curves are fitted on reviews at about the desired retention; for a student whose
        forgetting FSRS does not follow they come out flat, and a flat curve above 90 % (a
        topic passed often) would say the recall lasts for ever, which no review showed. So a
        curve can shorten what FSRS says, never lengthen it: mastery (``analytics.progress``)
        needs all of them. The long-term curve is there for a student who passes the reviews
        of cards FSRS gives little stability and fails those it gives much (docs/learning.md).
        """
        return min(
            stability,
            self.stability(stability),
            self.for_topic(topic).stability(stability),
            self.long_term_stability(stability),
            self.long_term_stability(stability, topic),
        )


def _days_to(target: float, stability: float) -> float:
    """The days after a review until FSRS's prediction for ``stability`` falls to ``target``."""
    target = min(max(target, _EDGE), 1.0 - _EDGE)
    return stability * (target ** (-1 / _DECAY) - 1) / _FACTOR


IDENTITY = Calibration()
"""FSRS's predictions as they are: no reviews to learn from yet."""


def fit_calibration(observations: Iterable[Observation]) -> Calibration:
    """The most probable calibration for these reviews (prior: ``IDENTITY``).

    Maximises the log-likelihood of ``passed`` plus the Gaussian prior (``PRIOR_SHIFT_SD``,
    ``PRIOR_SLOPE_SD``, ``PRIOR_SPAN_SD``) by Fisher scoring, each step halved until the
    posterior rises (with guessing and slips the likelihood need not be concave); the slope
    stays positive (a higher prediction never means a lower recall).
    """
    observations = list(observations)
    data = [
        (_logit(o.predicted), 1.0 if o.passed else 0.0, o.guess_chance, _scale(o.stability))
        for o in observations
    ]
    if not data:
        return IDENTITY
    curve = _fit_curve(data, free_span=False)
    long_term = _fit_curve(data, free_span=True) if any(row[3] for row in data) else _FLAT
    by_topic: dict[str, _Data] = {}
    for o, row in zip(observations, data, strict=True):
        if o.topic:
            by_topic.setdefault(o.topic, []).append(row)
    topics = sorted(by_topic.items())
    offsets = tuple((topic, _fit_offset(rows, curve)) for topic, rows in topics)
    long_topics = ()
    if long_term != _FLAT:
        long_topics = tuple((topic, _fit_offset(rows, long_term)) for topic, rows in topics)
    shift, slope, _ = curve
    return Calibration(shift, slope, len(data), offsets, long_term, long_topics)


_Data = list[tuple[float, float, float, float]]
"""Rows of (logit of FSRS's prediction, passed 1/0, guess chance, stability term)."""
_Curve = tuple[float, float, float]
"""(shift, slope, span)."""
_PRIOR = (PRIOR_SHIFT_SD, PRIOR_SLOPE_SD, PRIOR_SPAN_SD)


def _fit_curve(data: _Data, *, free_span: bool) -> _Curve:
    """The student's ``(shift, slope, span)``: the most probable under their prior (``span``
    held at 0 unless ``free_span``); the slope stays at ``_MIN_SLOPE`` or more."""
    size = 3 if free_span else 2
    shift, slope, span = _ascend(
        _FLAT,
        lambda curve: _log_posterior(data, curve),
        lambda curve: _scoring_step(data, curve, size),
        lambda curve: (curve[0], max(curve[1], _MIN_SLOPE), curve[2]),
    )
    return shift, slope, span


def _fit_offset(data: _Data, curve: _Curve) -> float:
    """The most probable offset of ``shift`` for one topic's reviews (prior: 0,
    ``PRIOR_TOPIC_SD``), with ``slope`` and ``span`` held."""
    shift, slope, span = curve

    def posterior(point: tuple[float, ...]) -> float:
        moved = (shift + point[0], slope, span)
        return _log_likelihood(data, moved) - 0.5 * (point[0] / PRIOR_TOPIC_SD) ** 2

    def step(point: tuple[float, ...]) -> tuple[float, ...]:
        grad, info = -point[0] / PRIOR_TOPIC_SD**2, 1.0 / PRIOR_TOPIC_SD**2
        for x, y, g, u in data:
            p, dp = _pass_chance(x, u, (shift + point[0], slope, span), g)
            grad += (y - p) * dp / (p * (1.0 - p))
            info += dp * dp / (p * (1.0 - p))
        return (grad / info,)

    (offset,) = _ascend((0.0,), posterior, step)
    return offset


def _ascend(
    start: tuple[float, ...],
    posterior: Callable[[tuple[float, ...]], float],
    step: Callable[[tuple[float, ...]], tuple[float, ...]],
    clamp: Callable[[tuple[float, ...]], tuple[float, ...]] = lambda point: point,
) -> tuple[float, ...]:
    """Fisher scoring from ``start``: each ``step`` (kept within bounds by ``clamp``) halved
    until the ``posterior`` rises (with guessing and slips it need not be concave); stops when
    it rises by less than 1e-4, no halving helps, or after ``_ITERATIONS`` steps."""
    point, best = start, posterior(start)
    for _ in range(_ITERATIONS):
        delta = step(point)
        for _ in range(20):
            moved = clamp(tuple(p + d for p, d in zip(point, delta, strict=True)))
            value = posterior(moved)
            if value >= best:
                break
            delta = tuple(d / 2 for d in delta)
        else:
            break
        gain = value - best
        point, best = moved, value
        if gain < 1e-4:
            break
    return point


def _pass_chance(x: float, u: float, curve: _Curve, g: float) -> tuple[float, float]:
    """P(passed) and its derivative by the linear predictor ``shift + slope * x + span * u``."""
    shift, slope, span = curve
    q = _sigmoid(shift + slope * x + span * u)
    room = max(1.0 - g - SLIP, 0.0)
    p = min(max(g + room * q, 1e-12), 1.0 - 1e-12)
    return p, room * q * (1.0 - q)


def _log_likelihood(data: _Data, curve: _Curve) -> float:
    value = 0.0
    for x, y, g, u in data:
        p, _ = _pass_chance(x, u, curve, g)
        value += math.log(p) if y else math.log(1.0 - p)
    return value


def _log_posterior(data: _Data, curve: _Curve) -> float:
    prior = sum(
        -0.5 * ((value - mean) / sd) ** 2
        for value, mean, sd in zip(curve, _FLAT, _PRIOR, strict=True)
    )
    return prior + _log_likelihood(data, curve)


def _scoring_step(data: _Data, curve: _Curve, size: int) -> _Curve:
    """One Fisher scoring step (gradient times the inverse expected information) on the
    first ``size`` parameters of ``curve``; the others do not move."""
    g0 = g1 = g2 = i00 = i01 = i02 = i11 = i12 = i22 = 0.0
    for x, y, g, u in data:
        p, dp = _pass_chance(x, u, curve, g)
        score = (y - p) * dp / (p * (1.0 - p))
        weight = dp * dp / (p * (1.0 - p))
        g0, g1, g2 = g0 + score, g1 + score * x, g2 + score * u
        i00, i01, i02 = i00 + weight, i01 + weight * x, i02 + weight * u
        i11, i12, i22 = i11 + weight * x * x, i12 + weight * x * u, i22 + weight * u * u
    grad = [g0, g1, g2]
    info = [[i00, i01, i02], [i01, i11, i12], [i02, i12, i22]]
    for i in range(3):
        grad[i] -= (curve[i] - _FLAT[i]) / _PRIOR[i] ** 2
        info[i][i] += 1.0 / _PRIOR[i] ** 2
    step = [*_solve([row[:size] for row in info[:size]], grad[:size]), 0.0, 0.0][:3]
    return step[0], step[1], step[2]


def _solve(matrix: list[list[float]], vector: list[float]) -> list[float]:
    """``matrix⁻¹ · vector`` for a small symmetric positive definite matrix (the information
    with its prior: never singular), by Gaussian elimination."""
    n = len(vector)
    rows = [list(matrix[i]) + [vector[i]] for i in range(n)]
    for col in range(n):
        pivot = max(range(col, n), key=lambda r: abs(rows[r][col]))
        rows[col], rows[pivot] = rows[pivot], rows[col]
        for r in range(col + 1, n):
            factor = rows[r][col] / rows[col][col]
            for k in range(col, n + 1):
                rows[r][k] -= factor * rows[col][k]
    out = [0.0] * n
    for r in range(n - 1, -1, -1):
        out[r] = (rows[r][n] - sum(rows[r][k] * out[k] for k in range(r + 1, n))) / rows[r][r]
    return out

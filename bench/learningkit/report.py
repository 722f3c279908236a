"""The figures ``bench/learning.py`` prints, each beside its goal, from the simulation's logs.

* calibration: expected calibration error (10 bins) between the app's predicted recall of the
  cards in review and the students' true recall, overall and per topic; and, for the cards
  the app shows as mastered, the desired retention minus their true recall a week later
  (no study in between);
* retention per minute: mean true recall over the whole bank at the end of day 30 and of the
  last day, over the minutes studied so far, against the random quiz (in the student's own
  minutes, and in the app's minutes: ``matched``), and Leitner boxes (with a 95 % interval
  over students: the same ratio on students drawn again with replacement). Against the
  matched quiz the study time is the same, so the ratio is one of recall, and it cannot
  pass 1 ÷ the matched quiz's recall: the report prints that ceiling beside it;
* misses: the share asked again in the same sitting (sittings of 15 minutes or more; and,
  to tell the app's part from the student's, misses with 10 minutes of the sitting left after
  them), within 24 hours (misses with 24 hours of simulation left) and by the next sitting;
* mastery after a first sitting, as the history page shows it.
"""

from __future__ import annotations

import random
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from statistics import fmean

from quizapp.scheduling import DEFAULT_SETTINGS

from .appdriver import Shown
from .log import StudyLog

LONG_SITTING = 15.0  # minutes
STEP = 10 / 1440  # the app's learning step, in days: a miss cannot come back sooner
STRATEGIES = ("app", "random", "matched", "leitner")
"""The app, then the baselines: the random quiz in the student's minutes and in the app's
(``matched``, which needs the app's run first), and Leitner boxes."""


@dataclass
class ModelRun:
    """One memory model's simulation: each strategy's logs and what the app showed."""

    model: str
    days: int
    logs: dict[str, list[StudyLog]] = field(default_factory=dict)
    shown: list[Shown] = field(default_factory=list)


@dataclass(frozen=True)
class Figure:
    """One line of the report."""

    name: str
    model: str
    value: float | int | None
    goal: str = ""
    passed: bool | None = None
    percent: bool = False

    def shown_value(self) -> str:
        if self.value is None:
            return "—"
        if isinstance(self.value, int):
            return str(self.value)
        return f"{self.value:.1%}" if self.percent else f"{self.value:.4f}"

    def verdict(self) -> str:
        return {True: "PASS", False: "FAIL", None: ""}[self.passed]


def ece(pairs: Sequence[tuple[float, float]], bins: int = 10) -> float | None:
    """Expected calibration error of (predicted, true) pairs over ``bins`` equal-width bins."""
    if not pairs:
        return None
    groups: dict[int, list[tuple[float, float]]] = defaultdict(list)
    for predicted, true in pairs:
        groups[min(int(predicted * bins), bins - 1)].append((predicted, true))
    return sum(
        len(g) * abs(fmean(p for p, _ in g) - fmean(t for _, t in g)) for g in groups.values()
    ) / len(pairs)


def _at_most(name: str, model: str, value: float | None, goal: float, **kw: bool) -> Figure:
    sign = "≤"
    shown = f"{goal:.0%}" if kw.get("percent") else f"{goal:.2f}"
    passed = None if value is None else value <= goal
    return Figure(name, model, value, f"{sign} {shown}", passed, **kw)


def _at_least(name: str, model: str, value: float | None, goal: float, **kw: bool) -> Figure:
    shown = f"{goal:.0%}" if kw.get("percent") else f"{goal:.2f}"
    passed = None if value is None else value >= goal
    return Figure(name, model, value, f"≥ {shown}", passed, **kw)


def calibration(run: ModelRun) -> list[Figure]:
    """Predicted recall against true recall, overall and per topic; mastery a week later."""
    predicted = [p for shown in run.shown for p in shown.predicted]
    figures = [
        _at_most(
            "calibration error, predicted recall",
            run.model,
            ece([(p, t) for _, p, t in predicted]),
            0.05,
        )
    ]
    for topic in sorted({topic for topic, _, _ in predicted}):
        pairs = [(p, t) for tp, p, t in predicted if tp == topic]
        figures.append(_at_most(f"  topic {topic}", run.model, ece(pairs), 0.05))
    week = [r for shown in run.shown for r in shown.mastered_week]
    gap = DEFAULT_SETTINGS.desired_retention - fmean(week) if week else None
    figures.append(_at_most("mastery error (0.90 - true recall +7 d)", run.model, gap, 0.05))
    figures.append(
        Figure("  over (cards shown mastered, counted each sitting)", run.model, len(week))
    )
    return figures


def per_minute(logs: list[StudyLog], day: int) -> float:
    """Mean over students of retention at the end of ``day`` per minute studied until then."""
    return fmean(log.retention[day] / max(log.minutes_at[day], 1e-9) for log in logs)


RESAMPLES = 2000


def ratio_interval(app: list[StudyLog], base: list[StudyLog], day: int) -> tuple[float, float]:
    """A 95 % percentile bootstrap interval of ``per_minute(app) / per_minute(base)``: the
    same students (one index for both strategies) drawn again with replacement."""
    rng = random.Random(day)
    count = len(app)
    ratios = []
    for _ in range(RESAMPLES):
        picked = [rng.randrange(count) for _ in range(count)]
        ratios.append(
            per_minute([app[i] for i in picked], day) / per_minute([base[i] for i in picked], day)
        )
    ratios.sort()
    return ratios[int(0.025 * RESAMPLES)], ratios[int(0.975 * RESAMPLES) - 1]


def retention(run: ModelRun) -> list[Figure]:
    """Retention per minute of each strategy, and the app's ratios to the baselines."""
    figures = []
    app = run.logs["app"]
    for day in sorted(app[0].retention):
        rate = {s: per_minute(run.logs[s], day) for s in STRATEGIES}
        for strategy in STRATEGIES:
            logs = run.logs[strategy]
            recall = fmean(log.retention[day] for log in logs)
            minutes = fmean(log.minutes_at[day] for log in logs)
            figures.append(
                Figure(
                    f"day {day} {strategy}: recall {recall:.1%} in {minutes:.0f} min, recall/min",
                    run.model,
                    rate[strategy],
                )
            )
        for base, label in (("random", "random"), ("matched", "random in the app's minutes")):
            figures.append(
                _at_least(
                    f"day {day} retention/min app ÷ {label}",
                    run.model,
                    rate["app"] / rate[base],
                    1.25,
                )
            )
            low, high = ratio_interval(app, run.logs[base], day)
            figures.append(
                Figure(f"  95 % interval over students: {low:.2f}–{high:.2f}", run.model, None)
            )
        perfect = fmean(1 / max(log.minutes_at[day], 1e-9) for log in app)
        figures.append(
            Figure(
                "  the most it can be (the app at 100 % recall)",
                run.model,
                perfect / rate["matched"],
            )
        )
        figures.append(
            Figure(
                f"day {day} retention/min app ÷ Leitner", run.model, rate["app"] / rate["leitner"]
            )
        )
    return figures


def misses(run: ModelRun) -> list[Figure]:
    """Misses asked again in the same (long) sitting and within 24 hours."""
    long_sitting, anywhere, day, next_sitting, room, wrong = [], [], [], [], [], []
    for log in run.logs["app"]:
        for miss in log.misses:
            again_here = miss.again_sitting == miss.sitting
            anywhere.append(again_here)
            if log.sittings[miss.sitting] >= LONG_SITTING:
                long_sitting.append(again_here)
            if _sitting_end(log, miss.sitting) - miss.at >= STEP:
                room.append(again_here)
                if not miss.partial:
                    wrong.append(again_here)
            if miss.at + 1 <= run.days:
                day.append(miss.again is not None and miss.again - miss.at <= 1)
            if miss.sitting + 1 < len(log.sittings):
                next_sitting.append(
                    miss.again_sitting is not None and miss.again_sitting <= miss.sitting + 1
                )
    share = lambda xs: fmean(xs) if xs else None  # noqa: E731
    return [
        _at_least(
            "misses re-asked in a sitting ≥ 15 min",
            run.model,
            share(long_sitting),
            1.0,
            percent=True,
        ),
        Figure(
            "misses re-asked in the same sitting (all)", run.model, share(anywhere), percent=True
        ),
        Figure(
            "  of those with ≥ 10 min of the sitting left", run.model, share(room), percent=True
        ),
        Figure("  of those, the ones scored 0 (Again)", run.model, share(wrong), percent=True),
        _at_least("misses re-asked within 24 h", run.model, share(day), 0.95, percent=True),
        Figure("misses re-asked by the next sitting", run.model, share(next_sitting), percent=True),
    ]


def _sitting_end(log: StudyLog, sitting: int) -> float:
    """When the sitting's last answer came in (days)."""
    return log.sitting_ends[sitting]


def first_sitting(run: ModelRun) -> list[Figure]:
    """The history page's mastery after one sitting, mean over students."""
    value = fmean(s.first_mastery for s in run.shown if s.first_mastery is not None)
    return [_at_most("mastery after the first sitting", run.model, value, 0.05, percent=True)]


def figures(run: ModelRun) -> list[Figure]:
    """Every figure of one model's run."""
    return calibration(run) + retention(run) + misses(run) + first_sitting(run)


def table(rows: Sequence[Figure]) -> str:
    """The report as a plain-text table."""
    width = max(len(f.name) for f in rows)
    lines = [f"{'figure':<{width}}  {'students':<16}  {'value':>8}  {'goal':>8}  result"]
    lines += [
        f"{f.name:<{width}}  {f.model:<16}  {f.shown_value():>8}  {f.goal:>8}  {f.verdict()}"
        for f in rows
    ]
    return "\n".join(lines)

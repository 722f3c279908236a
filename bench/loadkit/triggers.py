"""What keeping ``item_score`` on write costs the answer POST: the same endpoint measured with
and without the triggers (``quizapp/statistics/scores.py``), in alternating rounds of one run.

Issue 17's goal: the answer POST may not get slower by more than 10 % for what is maintained
on write. Rounds alternate (without, with, without, with, ...) so that a change in the
machine's other load falls on both sides; the figures are the pooled requests/s and the
server CPU per answer, which other load blurs less. The triggers are dropped and created
between phases while no request runs, and ``item_score`` is recounted afterwards, so the run
ends with the table as the app keeps it.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy.engine import Engine

from quizapp.statistics.scores import create_triggers, drop_triggers, rebuild_scores
from tests.support.stats import Line

GOAL = 0.90
"""The answer POST's requests/s with the triggers, as a share of without: at least this."""


def set_triggers(engine: Engine, on: bool) -> None:
    """Create (``on``) or drop the triggers; after creating, recount ``item_score``."""
    with engine.begin() as conn:
        drop_triggers(conn)
        if on:
            create_triggers(conn)
            rebuild_scores(conn)


def rounds(measure: Callable[[str], Line], engine: Engine, count: int) -> dict[bool, list[Line]]:
    """``count`` rounds of the answer POST without then with the triggers; lines by ``on``.

    ``measure(name)`` runs one phase and returns its line. The triggers are on at the end.
    """
    lines: dict[bool, list[Line]] = {False: [], True: []}
    try:
        for _ in range(count):
            for on in (False, True):
                set_triggers(engine, on)
                lines[on].append(measure(f"answer, triggers {'on' if on else 'off'}"))
    finally:
        set_triggers(engine, True)
    return lines


def verdict(lines: dict[bool, list[Line]]) -> list[str]:
    """Pooled requests/s and CPU per answer with the triggers against without, and the goal."""

    def pooled(side: list[Line]) -> tuple[float, float]:
        requests = sum(ln.requests for ln in side)
        seconds = sum(ln.seconds for ln in side)
        cpu = sum(ln.server_cpu for ln in side)
        return (requests / seconds if seconds else 0.0), (cpu / requests if requests else 0.0)

    (rate_off, cpu_off), (rate_on, cpu_on) = pooled(lines[False]), pooled(lines[True])
    if not rate_off or not cpu_off:
        return ["  item_score triggers: nothing measured"]
    share = rate_on / rate_off
    ok = "met" if share >= GOAL else "NOT met"
    return [
        f"  answer POST with the item_score triggers: {rate_on:.0f} req/s against {rate_off:.0f}"
        f" without ({share:.2f}x, goal >= {GOAL:.2f}x): {ok}",
        f"  server CPU per answer: {cpu_on * 1000:.1f} ms with, {cpu_off * 1000:.1f} ms without"
        f" ({cpu_on / cpu_off - 1:+.0%}), {len(lines[True])} rounds each",
    ]

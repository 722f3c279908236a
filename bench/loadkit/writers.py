"""The SQLite writer strategies side by side under the same load (``load.py --compare-writers``).

Each run gets a fresh SQLite file and its own gunicorn with ``QUIZAPP_SQLITE_WRITE_QUEUE``
set: ``queue`` (the app's writers wait on a :class:`~quizapp.writelock.WriteLock`, then
``BEGIN IMMEDIATE``) or ``plain`` (``BEGIN IMMEDIATE`` and SQLite's busy handler only). A run
is the load without loss, then the quiz page and the answer POST benchmark. Strategies take
turns within each round, in the opposite order every other round (A B, B A, ...), so the
machine's other load drifts over both alike.
"""

from __future__ import annotations

import statistics
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.engine import Engine

from .checks import attempt_problems, integrity_check
from .database import engine_for, prepare, quiz_attempts
from .run import register_students, students_run
from .server import Server
from .stats import Line, merge, percentile
from .students import Student

STRATEGIES = {"queue": "1", "plain": "0"}
"""Strategy name -> ``QUIZAPP_SQLITE_WRITE_QUEUE``."""

Pages = Callable[[list[Student], Engine, float, int], dict[str, Line]]
"""Measures the quiz page and the answer POST: (students, engine, seconds, pgid) -> lines."""


@dataclass(frozen=True)
class Run:
    """One strategy's run: the loss check, and the answer and quiz page benchmark."""

    strategy: str
    accepted: int
    """Answers accepted in the load without loss."""
    stored: int
    """Attempts stored by the load without loss."""
    server_errors: int
    """5xx over the whole run."""
    problems: int
    """Unexpected responses, torn answers, answers missing over the whole run, bad integrity."""
    loss_p99: float
    loss_max: float
    """Answer POST latency in the load without loss (students also read pages)."""
    answer: Line
    answer_max: float
    page: Line

    @property
    def lost(self) -> int:
        """Accepted answers that were not stored."""
        return self.accepted - self.stored

    @property
    def whole(self) -> bool:
        """Zero loss: every accepted answer stored, no 5xx, nothing torn."""
        return self.lost == 0 and not self.server_errors and not self.problems


def run_once(strategy: str, args, pages: Pages) -> Run:  # type: ignore[no-untyped-def]
    """One run of ``strategy`` on a fresh database (``args`` as parsed by ``bench/load.py``)."""
    with tempfile.TemporaryDirectory(prefix="quizapp-writers-") as tmp:
        url, instance = f"sqlite:///{tmp}/load.sqlite", Path(tmp) / "instance"
        prepare(url, instance)
        engine = engine_for(url)
        env = {"QUIZAPP_BENCH_HELLO": "1", "QUIZAPP_SQLITE_WRITE_QUEUE": STRATEGIES[strategy]}
        options = {"workers": args.workers, "threads": args.threads, "env": env}
        with Server(url, instance, **options) as server:
            students = register_students(server.port, max(args.students, args.connections))
            shared: dict[str, list[tuple[str, str]]] = {}
            try:
                for student in students:
                    student.answer_cache = shared
                loss = students_run(students[: args.students], engine, args.seconds)
                lines = pages(students, engine, args.bench_seconds, server.proc.pid)  # type: ignore[union-attr]
                answers = merge(s.rec for s in students).latencies.get("answer", [])
            finally:
                for student in students:
                    student.close()
        missing = sum(s.accepted_total for s in students) != quiz_attempts(engine)
        problems = loss.unexpected + len(loss.problems) + len(attempt_problems(engine))
        problems += missing + (integrity_check(Path(tmp) / "load.sqlite") != "ok")
        engine.dispose()
    loss_answers = loss.rec.latencies.get("answer", [])
    return Run(
        strategy,
        loss.accepted,
        loss.attempts,
        loss.server_errors + sum(ln.errors for ln in lines.values()),
        problems,
        percentile(loss_answers, 99),
        max(loss_answers, default=0.0),
        lines["answer"],
        max(answers, default=0.0),  # the recorders hold the last phase measured: the answer
        lines["quiz page"],
    )


HEADER = (
    f"  {'strategy':<9}{'accepted':>9}{'stored':>8}{'lost':>6}{'5xx':>5}{'bad':>5}"
    f"{'loss p99':>9}{'max':>7}{'answer/s':>9}{'p50':>6}{'p99':>6}{'max':>7}"
    f"{'page/s':>8}{'p99':>6}"
)


def row(run: Run) -> str:
    """One run as a table row; latencies in ms."""
    ms = 1000
    return (
        f"  {run.strategy:<9}{run.accepted:>9}{run.stored:>8}{run.lost:>6}"
        f"{run.server_errors:>5}{run.problems:>5}{run.loss_p99 * ms:>9.0f}{run.loss_max * ms:>7.0f}"
        f"{run.answer.rate:>9.0f}{run.answer.p50 * ms:>6.0f}{run.answer.p99 * ms:>6.0f}"
        f"{run.answer_max * ms:>7.0f}{run.page.rate:>8.0f}{run.page.p99 * ms:>6.0f}"
    )


COLUMNS: dict[str, Callable[[Run], float]] = {
    "answer/s": lambda r: r.answer.rate,
    "answer p50 ms": lambda r: r.answer.p50 * 1000,
    "answer p99 ms": lambda r: r.answer.p99 * 1000,
    "answer max ms": lambda r: r.answer_max * 1000,
    "loss-run answer p99 ms": lambda r: r.loss_p99 * 1000,
    "loss-run answer max ms": lambda r: r.loss_max * 1000,
    "quiz page/s": lambda r: r.page.rate,
    "quiz page p99 ms": lambda r: r.page.p99 * 1000,
}
"""The numbers summed up over runs, latencies in ms."""


def summary(runs: list[Run]) -> list[str]:
    """Per strategy: the median and the range of each number over its runs."""
    out = []
    for strategy in dict.fromkeys(r.strategy for r in runs):
        mine = [r for r in runs if r.strategy == strategy]
        whole = sum(r.whole for r in mine)
        lost = sum(r.lost for r in mine)
        errors = sum(r.server_errors for r in mine)
        out.append(
            f"  {strategy}: {len(mine)} runs, {whole} whole; lost {lost}, 5xx {errors}, "
            f"accepted {sum(r.accepted for r in mine)} = stored {sum(r.stored for r in mine)}"
        )
        for name, value in COLUMNS.items():
            values = [value(r) for r in mine]
            out.append(
                f"    {name:<24} median {statistics.median(values):>7.1f}"
                f"  range {min(values):.1f}-{max(values):.1f}"
            )
    return out


def paired(rounds: list[dict[str, Run]]) -> list[str]:
    """Within each round, the first strategy's numbers over the second's: median and range.

    The two ran back to back, so the ratio cancels the slower drifts of the machine's other load.
    """
    if not rounds or len(rounds[0]) < 2:
        return []
    first, second = list(rounds[0])[:2]
    out = [f"  {first} / {second}, round by round:"]
    for name, value in COLUMNS.items():
        ratios = [value(r[first]) / value(r[second]) for r in rounds if value(r[second])]
        out.append(
            f"    {name:<24} median {statistics.median(ratios):>6.2f}"
            f"  range {min(ratios):.2f}-{max(ratios):.2f}  ({' '.join(f'{x:.2f}' for x in ratios)})"
        )
    return out


def compare(args, pages: Pages) -> bool:  # type: ignore[no-untyped-def]
    """``args.rounds`` rounds of ``args.writers``, interleaved; True when every run was whole."""
    strategies = args.writers
    unknown = set(strategies) - set(STRATEGIES)
    if unknown:
        raise SystemExit(f"unknown writer strategies {sorted(unknown)}; known: {list(STRATEGIES)}")
    rounds: list[dict[str, Run]] = []
    for number in range(args.rounds):
        rounds.append({})
        for strategy in strategies if number % 2 == 0 else strategies[::-1]:
            print(f"\n== round {number + 1}, {strategy}")
            rounds[-1][strategy] = run_once(strategy, args, pages)
    runs = [run for done in rounds for run in done.values()]
    print(
        f"\n  writer strategies, {args.students} students x {args.seconds:g} s without loss, "
        f"benchmark {args.connections} connections x {args.bench_seconds:g} s (latencies in ms):"
    )
    print(HEADER)
    print("\n".join(row(run) for run in runs))
    print("\n".join(summary(runs) + paired(rounds)))
    return all(run.whole for run in runs)

"""The writer-strategy comparison of ``bench/load.py --writers``: its verdicts and its sums."""

from __future__ import annotations

from argparse import Namespace

import pytest

from bench.loadkit.stats import Line
from bench.loadkit.writers import Run, compare, paired, summary


def run(strategy: str, rate: float, *, stored: int = 10, errors: int = 0) -> Run:
    answer = Line("answer", int(rate * 5), 5.0, 0.02, 0.1, errors)
    page = Line("quiz page", 1000, 5.0, 0.01, 0.05, 0)
    return Run(strategy, 10, stored, errors, 0, 0.1, 0.2, answer, 0.3, page)


def test_a_run_is_whole_only_without_loss_or_errors() -> None:
    assert run("plain", 100).whole
    assert run("plain", 100, stored=9).lost == 1
    assert not run("plain", 100, stored=9).whole
    assert not run("plain", 100, errors=1).whole


def test_summary_gives_medians_and_ranges_per_strategy() -> None:
    lines = summary([run("queue", 100), run("plain", 50), run("queue", 300), run("queue", 200)])
    assert lines[0].startswith("  queue: 3 runs, 3 whole; lost 0, 5xx 0")
    assert "median   200.0  range 100.0-300.0" in lines[1]
    assert any(line.startswith("  plain: 1 runs") for line in lines)


def test_paired_divides_within_each_round() -> None:
    rounds = [
        {"queue": run("queue", 100), "plain": run("plain", 50)},
        {"plain": run("plain", 100), "queue": run("queue", 100)},
    ]
    lines = paired(rounds)
    assert lines[0] == "  queue / plain, round by round:"
    assert "median   1.50  range 1.00-2.00  (2.00 1.00)" in lines[1]
    assert paired([{"queue": run("queue", 100)}]) == []


def test_an_unknown_strategy_is_refused_before_anything_starts() -> None:
    with pytest.raises(SystemExit, match="unknown writer strategies"):
        compare(Namespace(writers=["queue", "fifo"], rounds=1), pages=lambda *_: {})

"""``bench/loadkit/floors.py``: the cost split, and a short run of ``bench/load.py``."""

from __future__ import annotations

import pytest

from bench.loadkit.floors import cost_split
from tests.support.stats import Line

GOALS = {"quiz page": 0.60, "answer": 0.40}


def costs(**cpu_ms: float) -> dict[str, Line]:
    """Lines of 1,000 requests each, costing ``cpu_ms`` of server CPU per request."""
    return {
        name.replace("_", " "): Line(name, 1000, 1.0, 0.01, 0.02, 0, server_cpu=ms)
        for name, ms in cpu_ms.items()
    }


MEASURED = costs(
    hello=0.36, page_bytes=0.38, page_floor=0.66, whoami=0.59, answer_floor=0.62,
    quiz_page=1.06, answer=2.23,
)  # fmt: skip


def test_each_page_is_split_into_the_parts_measured_alone() -> None:
    out = "\n".join(cost_split(MEASURED, GOALS))
    assert (
        "quiz page: 1.06 ms = hello-world 0.36 + sending the page's bytes 0.02 + the template 0.28"
        " + the login check 0.23 + the quiz read and the rest 0.17" in out
    )
    assert (
        "0.60x allows 0.24 ms over hello-world; the parts measured alone already take 0.53" in out
    )
    assert "answer: 2.23 ms = hello-world 0.36 + form, CSRF, grading, FSRS, redirect 0.26" in out
    assert "+ the login check 0.23 + reads, writes and commit 1.38" in out
    assert (
        "0.40x allows 0.54 ms over hello-world; that leaves 0.05 for reads, writes and commit"
        in out
    )


def test_cheap_parts_leave_room_under_the_goal() -> None:
    cheap = dict(MEASURED, **costs(page_floor=0.40, whoami=0.40))
    assert "that leaves 0.16 for the quiz read and the rest" in "\n".join(cost_split(cheap, GOALS))


def test_a_part_measured_a_hair_below_zero_shows_as_zero() -> None:
    noisy = dict(MEASURED, **costs(page_bytes=0.3599))
    assert "sending the page's bytes 0.00 +" in "\n".join(cost_split(noisy, GOALS))


def test_without_cpu_numbers_there_is_no_split() -> None:
    lines = dict(MEASURED, hello=Line("hello", 10, 1.0, 0.01, 0.02, 0))
    assert cost_split(lines, GOALS) == ["  cost split: no server CPU was measured"]


@pytest.mark.sqlite_only
@pytest.mark.slow
def test_a_short_benchmark_run_measures_every_floor_and_splits_the_costs(capsys) -> None:
    from bench.load import main

    args = ["--students", "2", "--seconds", "0.5", "--connections", "2", "--bench-seconds", "0.3"]
    args += ["--trigger-rounds", "1"]
    args += ["--postgres", ""]  # SQLite only, whatever QUIZAPP_TEST_DATABASE_URL says
    assert main(args) == 0
    out = capsys.readouterr().out
    for path in ("hello", "page-bytes", "page-floor", "whoami (login)", "answer-floor"):
        assert f"/_bench/{path} " in out
    assert "GET /quiz/<id> (page)" in out and "POST /quiz/<id> (answer)" in out
    assert "split into the parts measured alone" in out and "reads, writes and commit" in out
    assert "answer POST with the item_score triggers:" in out and "1 rounds each" in out
    assert out.rstrip().endswith("OK")


def test_the_trigger_verdict_pools_the_rounds() -> None:
    from bench.loadkit.triggers import verdict

    off = [Line("off", 100, 1.0, 0.01, 0.02, 0, 1.0), Line("off", 300, 1.0, 0.01, 0.02, 0, 3.0)]
    on = [Line("on", 90, 1.0, 0.01, 0.02, 0, 1.0), Line("on", 270, 1.0, 0.01, 0.02, 0, 3.0)]
    rate, cpu = verdict({False: off, True: on})
    assert "180 req/s against 200 without (0.90x, goal >= 0.90x): met" in rate
    assert "11.1 ms with, 10.0 ms without (+11%), 2 rounds each" in cpu
    assert "NOT met" in verdict({False: off, True: on[:1]})[0]

"""Benchmark: does studying with quizapp help simulated students remember?

Simulated students study 60 days with the app's own code paths (``bench/learningkit/appdriver``:
"Review due" quizzes answered through ``plan_answer`` and ``write_answer`` on a SQLite file,
on an injected clock), under two memory models (``learningkit/memory``: FSRS-6 with each
student's own parameters, and half-life regression). The same students also study with two
baselines in the same run (``learningkit/baselines``: a daily random quiz, Leitner boxes).
The report (``learningkit/report``) prints each figure beside its goal: calibration of the
predicted recall and of mastery, retention per minute against the baselines, misses asked
again, mastery after a first sitting. Then the exam-date mode (``learningkit/exam``): recall
on exam day, simulated and predicted, and study time, with and without the mode.

Run: ``make bench`` or ``.venv/bin/python bench/learning.py [--students N] [--days D]
[--seed S] [--short] [--strict] [--exam-students N] [--exam-day D]
[--desired-retention R] [--without-reasks] [--bank-copies K]`` (the last three ask "what if", see
``learningkit/whatif``). Deterministic for a seed. Exits 1 on a missed goal only with
``--strict``: the goals are the product's, judged by the lead.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from contextlib import nullcontext
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.learningkit.appdriver import START, AppStudent, add_student, build_app  # noqa: E402
from bench.learningkit.baselines import (  # noqa: E402
    leitner,
    matched_random_quiz,
    random_quiz,
    spending,
)
from bench.learningkit.exam import exam_report  # noqa: E402
from bench.learningkit.log import run_days  # noqa: E402
from bench.learningkit.memory import MODELS  # noqa: E402
from bench.learningkit.report import (  # noqa: E402
    STRATEGIES,
    Figure,
    ModelRun,
    figures,
    table,
)
from bench.learningkit.students import Mind, check_forms, make_students  # noqa: E402
from bench.learningkit.whatif import AS_IS, WhatIf  # noqa: E402
from quizapp.bank.webapp import current_bank  # noqa: E402
from tests.support.clock import FrozenClock  # noqa: E402

SHORT = {"students": 3, "days": 10, "exam_students": 1, "exam_day": 8}


def simulate(
    model_name: str,
    students: int,
    days: int,
    seed: int,
    folder: Path,
    what_if: WhatIf = AS_IS,
) -> ModelRun:
    """``students`` students of one memory model, ``days`` days with the app and baselines
    (``what_if``: how the app's students study, see ``learningkit/whatif``)."""
    model = MODELS[model_name]()
    run = ModelRun(model.name, days, {strategy: [] for strategy in STRATEGIES})
    checkpoints = sorted({min(30, days), days})
    clock = FrozenClock(START)
    app = build_app(folder, clock, what_if.questions(folder))
    with app.app_context():
        bank = current_bank()
        check_forms(bank)
        ids = list(bank.questions)
        for student in make_students(model, bank, students, seed):

            def rng(part: str, index: int = student.index) -> random.Random:
                return random.Random(f"{seed}:{model_name}:{part}:{index}")

            user_id = add_student(student.index)
            what_if.settle(user_id)
            in_app = AppStudent(user_id, bank, clock, rng("app"))
            spent: list[float] = []  # the app's minutes of each day, for the matched quiz
            strategies = {  # in this order: the app's minutes are noted before they are used
                "app": spending(in_app.sit, spent),
                "random": random_quiz(bank, rng("random")),
                "matched": matched_random_quiz(bank, rng("random"), spent),  # the same shuffles
                "leitner": leitner(bank, rng("leitner")),
            }
            for name, sit in strategies.items():
                mind = Mind(model, student, rng(f"{name}-mind"))
                with what_if.applied() if name == "app" else nullcontext():
                    log = run_days(sit, mind, student, ids, days, checkpoints, seed)
                run.logs[name].append(log)
            run.shown.append(in_app.shown)
    return run


def report(students: int, days: int, seed: int, what_if: WhatIf = AS_IS) -> list[Figure]:
    """Simulate both memory models and return every figure."""
    rows: list[Figure] = []
    with tempfile.TemporaryDirectory() as tmp:
        for name in MODELS:
            folder = Path(tmp) / name
            folder.mkdir()
            rows += figures(simulate(name, students, days, seed, folder, what_if))
    return rows


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--students", type=int, default=20, help="students per memory model")
    parser.add_argument("--days", type=int, default=60)
    parser.add_argument("--seed", type=int, default=15)
    parser.add_argument("--short", action="store_true", help=f"a quick run: {SHORT}")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a goal is missed")
    parser.add_argument("--exam-students", type=int, default=6, help="0: no exam simulation")
    parser.add_argument("--exam-day", type=int, default=21, help="the exam's day")
    parser.add_argument(
        "--desired-retention", type=float, help="every student saves this in Settings"
    )
    parser.add_argument(
        "--without-reasks",
        action="store_true",
        help="a counterfactual, not the app: misses are not asked again in their sitting",
    )
    parser.add_argument(
        "--bank-copies", type=int, default=1, help="a bank this many times as large"
    )
    args = parser.parse_args(argv)
    if args.short:
        args.students, args.days = SHORT["students"], SHORT["days"]
        args.exam_students, args.exam_day = SHORT["exam_students"], SHORT["exam_day"]
    started = time.perf_counter()
    what_if = WhatIf(args.desired_retention, args.without_reasks, args.bank_copies)
    rows = report(args.students, args.days, args.seed, what_if)
    if args.exam_students:
        with tempfile.TemporaryDirectory() as tmp:
            rows += exam_report(args.exam_students, args.exam_day, args.seed, Path(tmp))
    print(f"{args.students} students per memory model, {args.days} days, seed {args.seed}")
    if what_if.describe():
        print(f"what if: {what_if.describe()}")
    print(table(rows))
    print(f"({time.perf_counter() - started:.0f} s)")
    if args.strict and any(row.passed is False for row in rows):
        sys.exit("goal missed")


if __name__ == "__main__":
    main()

"""Benchmark: check + sync 10,000 synthetic questions cold, then an unchanged reload.

Goals: check+sync cold under 2 s, unchanged reload under 100 ms. The baseline,
measured in the same run, is plain ``yaml.safe_load`` of the same files, so the ratio
says what validation and syncing cost on top of merely parsing YAML.

Run: ``make bench`` or ``.venv/bin/python bench/bank.py [N]``.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from quizapp import create_app  # noqa: E402
from quizapp.bank.runtime import BankRuntime  # noqa: E402
from quizapp.bank.sync import sync_bank  # noqa: E402
from quizapp.bank.validate import load_bank  # noqa: E402
from quizapp.extensions import db  # noqa: E402

TEMPLATES = [
    "type: choice\n    choices: [Alpha {i}, Beta {i}, Gamma {i}, Delta {i}]\n    answer: Beta {i}",
    "type: multi\n    choices: [One {i}, Two {i}, Three {i}]\n    answers: [One {i}, Three {i}]",
    "type: truefalse\n    answer: true",
    "type: short\n    answer: Answer number {i}\n    accept: [Number {i}]",
    "type: numeric\n    answer: {i} million\n    unit: EUR\n    tolerance: 5%",
    'type: date\n    answer: "2024-02-{day:02d}"',
    "type: order\n    items: [First {i}, Second {i}, Third {i}]",
    "type: match\n    pairs:\n      - Left {i}: Right {i}\n      - Up {i}: Down {i}",
    "type: cloze\n    text: The value is {{{{{i}}}}} units.",
]


def write_bank(folder: Path, n: int, per_file: int = 500) -> None:
    """``n`` questions of all nine types in files of ``per_file`` questions."""
    (folder / "sources.yaml").write_text(
        'sources:\n  - id: synthetic\n    title: Synthetic\n    date: "2024-02"\n    seed: none.txt\n'
    )
    for f in range(0, n, per_file):
        lines = [f"topic: Synthetic topic {f // per_file}", "questions:"]
        for i in range(f, min(n, f + per_file)):
            body = TEMPLATES[i % len(TEMPLATES)].format(i=i, day=i % 28 + 1)
            lines.append(
                f"  - id: q-{i}\n    prompt: Synthetic question {i}?\n    {body}\n"
                f"    explanation: Because {i}.\n    sources: [synthetic]"
            )
        (folder / f"topic-{f // per_file:03d}.yaml").write_text("\n".join(lines) + "\n")


def timed(fn):  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    result = fn()
    return result, time.perf_counter() - start


def main(n: int = 10_000) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "questions"
        folder.mkdir()
        write_bank(folder, n)
        _, baseline = timed(lambda: [yaml.safe_load(p.read_text()) for p in folder.glob("*.yaml")])
        app = create_app(
            {
                "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp}/bench.sqlite",
                "QUESTIONS_DIR": str(folder),
            },
            instance_path=f"{tmp}/instance",
        )
        with app.app_context():
            from flask_migrate import upgrade

            upgrade(directory=str(ROOT / "migrations"))
            result, t_check = timed(lambda: load_bank(folder))
            assert not result.errors, result.errors[:3]
            assert len(result.bank) == n

            def sync() -> None:
                sync_bank(result.bank)
                db.session.commit()

            _, t_sync = timed(sync)
            _, t_resync = timed(sync)
            runtime = BankRuntime(folder, interval=0)
            runtime.refresh()
            _, t_reload = timed(lambda: runtime.refresh())
            db.engine.dispose()
    cold = t_check + t_sync
    print(f"bank benchmark, {n} questions in {n // 500} files")
    print(f"  baseline yaml.safe_load only   {baseline * 1000:8.1f} ms")
    print(
        f"  check (load + validate)        {t_check * 1000:8.1f} ms  ({t_check / baseline:.2f}x baseline)"
    )
    print(f"  sync into empty SQLite         {t_sync * 1000:8.1f} ms")
    print(
        f"  check + sync cold              {cold * 1000:8.1f} ms  ({cold / baseline:.2f}x baseline)"
        f"  goal < 2000 ms: {'met' if cold < 2 else 'NOT met'}"
    )
    print(
        f"  unchanged reload (file check)  {t_reload * 1000:8.3f} ms  goal < 100 ms: "
        f"{'met' if t_reload < 0.1 else 'NOT met'}"
    )
    print(f"  unchanged re-sync (db)         {t_resync * 1000:8.1f} ms")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 10_000)

"""Teacher and student pages at school scale: 30 x 200, 300 x 500 and 3,000 x 500 students x answers.

For each size, on a fresh SQLite file (and with ``--postgres URL``, or
``QUIZAPP_TEST_DATABASE_URL``, on the PostgreSQL database ``quizapp_scale`` beside it too — it
is wiped first): migrate and sync the real bank (``tests.support.database.prepare``), seed
users, quizzes, attempts, cards and rating logs in bulk (``bench/scalekit/seed.py``) with the
``item_score`` triggers dropped, then recreate them and rebuild the table (``flask stats
rebuild``'s function), then time every
page in a fresh process (``bench/scalekit/pages.py``: 9 rounds over all pages, logged in; the
table shows medians, the growth is read on each page's minimum).

Goals (issue 17): every page under 200 ms at the largest size, its time from the middle size
(150 k answers) to the largest (1.5 M) growing by at most 1.5x, HTML under 200 KB (CSV
exports are downloads, not pages: their size is shown, not judged), the worker's peak memory
under 150 MiB. ``--strict`` exits 1 on a missed goal; ``--sizes 30x200`` picks sizes.

Run: ``make bench`` or ``.venv/bin/python bench/scale.py -h``.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import create_engine, text  # noqa: E402

from bench.scalekit.seed import PASSWORD, seed  # noqa: E402
from tests.support.database import load_database_url, prepare  # noqa: E402

SIZES = [(30, 200), (300, 500), (3000, 500)]
GOAL_MS = 200.0
GOAL_GROWTH = 1.5
GOAL_BYTES = 200_000
GOAL_MIB = 150.0


def build(url: str, students: int, answers: int, instance: Path) -> dict[str, float]:
    """A migrated database seeded with ``students`` x ``answers``; seconds each step took."""
    from werkzeug.security import generate_password_hash

    from quizapp import create_app
    from quizapp.extensions import db
    from quizapp.statistics.scores import create_triggers, drop_triggers, rebuild_scores

    prepare(url, instance)
    migrated = time.perf_counter()
    engine = create_engine(url)
    with engine.begin() as conn:
        drop_triggers(conn)  # a bulk load: item_score is rebuilt once afterwards
        seed(conn, students, answers, generate_password_hash(PASSWORD))
        create_triggers(conn)
    seeded = time.perf_counter()
    app = create_app({"SQLALCHEMY_DATABASE_URI": url}, instance_path=str(instance))
    with app.app_context():
        rebuild_scores()
        db.session.commit()
        db.session.connection().execute(text("ANALYZE"))
        db.session.commit()
        if url.startswith("sqlite"):
            db.session.connection().exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        db.session.remove()
        db.engine.dispose()
    engine.dispose()
    rebuilt = time.perf_counter()
    return {"seed": seeded - migrated, "rebuild": rebuilt - seeded}


def measure(url: str, repeats: int) -> dict[str, Any]:
    """The pages timed in a fresh process (``bench/scalekit/pages.py``)."""
    out = subprocess.run(
        [sys.executable, "-m", "bench.scalekit.pages", url, str(repeats)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    if out.returncode:
        raise RuntimeError(f"timing the pages failed:\n{out.stderr[-3000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def postgres_database(url: str) -> str:
    """``quizapp_scale`` beside ``url``'s database, created when missing."""
    target = load_database_url(url, "quizapp_scale")
    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        if not conn.execute(
            text("SELECT 1 FROM pg_database WHERE datname = 'quizapp_scale'")
        ).first():
            conn.execute(text("CREATE DATABASE quizapp_scale"))
    engine.dispose()
    return target


def run_backend(
    label: str, url_for_size: Any, sizes: list[tuple[int, int]], repeats: int
) -> list[dict]:
    """Build and time each size on one database; the results per size."""
    results = []
    for students, answers in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            url = url_for_size(Path(tmp), students)
            steps = build(url, students, answers, Path(tmp) / "instance")
            timing = measure(url, repeats)
        timing.update(steps, students=students, answers=answers)
        print(
            f"{label} {students:,} x {answers}: seeded in {steps['seed']:.1f} s, aggregates "
            f"rebuilt in {steps['rebuild']:.1f} s; peak memory {timing['peak_mib']:.0f} MiB",
            flush=True,
        )
        results.append(timing)
    return results


def report(label: str, results: list[dict]) -> list[str]:
    """Print one table per database; the goals missed."""
    missed = []
    heads = [f"{r['students'] * r['answers'] / 1000:,.0f} k" for r in results]
    print(f"\n{label}: median ms (KB) per page, by answers seeded; growth of the minimum ms")
    print(f"{'page':<28}" + "".join(f"{h:>16}" for h in heads) + "   growth (goal <= 1.5)")
    last, before = results[-1], results[-2] if len(results) > 1 else None
    for name in last["pages"]:
        cells = []
        for r in results:
            page = r["pages"][name]
            cells.append(f"{page['ms']:8.1f} ({page['bytes'] / 1000:4.0f})")
            if page["status"] != 200:
                missed.append(f"{label} {name}: status {page['status']}")
        growth = (
            last["pages"][name]["min_ms"] / before["pages"][name]["min_ms"] if before else None
        )
        page = last["pages"][name]
        flags = []
        if page["ms"] > GOAL_MS:
            flags.append("> 200 ms")
        if growth is not None and growth > GOAL_GROWTH:
            flags.append("growth")
        if page["bytes"] > GOAL_BYTES and "CSV" not in name:
            flags.append("> 200 KB")
        missed += [f"{label} {name}: {f}" for f in flags]
        shown = f"{growth:5.2f}" if growth is not None else "    -"
        print(f"{name:<28}" + "".join(f"{c:>16}" for c in cells) + f"   {shown} {' '.join(flags)}")
    peak = max(r["peak_mib"] for r in results)
    print(f"peak memory of the serving process: {peak:.0f} MiB (goal < {GOAL_MIB:.0f})")
    if peak >= GOAL_MIB:
        missed.append(f"{label}: memory {peak:.0f} MiB")
    return missed


def parse_sizes(value: str) -> list[tuple[int, int]]:
    """``30x200,300x500`` -> [(30, 200), (300, 500)]."""
    return [tuple(int(n) for n in part.split("x")) for part in value.split(",")]  # type: ignore[misc]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--postgres", help="a PostgreSQL URL (default: QUIZAPP_TEST_DATABASE_URL)")
    parser.add_argument("--sizes", type=parse_sizes, default=SIZES, help="e.g. 30x200,300x500")
    parser.add_argument("--sqlite-only", action="store_true", help="skip PostgreSQL")
    parser.add_argument("--repeats", type=int, default=9, help="rounds over the pages (9)")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a goal is missed")
    args = parser.parse_args()
    logging.getLogger("alembic").setLevel(logging.WARNING)
    backends = [("SQLite", lambda tmp, n: f"sqlite:///{tmp}/scale-{n}.sqlite")]
    pg = args.postgres or os.environ.get("QUIZAPP_TEST_DATABASE_URL")
    if pg and not args.sqlite_only:
        target = postgres_database(pg)
        backends.append(("PostgreSQL", lambda tmp, n: target))
    missed = []
    for label, url_for_size in backends:
        missed += report(label, run_backend(label, url_for_size, args.sizes, args.repeats))
    print("\nall goals met" if not missed else "\ngoals missed:\n  " + "\n  ".join(missed))
    if missed and args.strict:
        sys.exit(1)


if __name__ == "__main__":
    main()

"""Time the teacher and student pages of a seeded database, in a process of their own.

``python -m bench.scalekit.pages URL [REPEATS]`` builds the app on ``URL`` as a worker would, logs in
through the real form (the teacher, then ``student1``), requests each page once to warm up and
then in `REPEATS` rounds over all pages, and prints one JSON object: per page the median and
minimum milliseconds, the
response's size in bytes and its status, and the process's peak resident memory (a worker's
memory after serving every page). Run in a fresh process so the seeding's memory is not counted
(`peak_mib`).
"""

from __future__ import annotations

import json
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent.parent
sys.path.insert(0, str(ROOT))

from bench.scalekit.seed import PASSWORD, STUDENT, TEACHER  # noqa: E402

REPEATS = 9

TEACHER_PAGES = [
    ("teacher start", "/teacher/"),
    ("students", "/teacher/students"),
    ("students, search", "/teacher/students?q=s0001"),
    ("students of one class", "/teacher/students?class=1"),
    ("classes", "/teacher/classes"),
    ("class page (30 students)", "/teacher/classes/1"),
    ("class page (the rest of the school)", "/teacher/classes/2"),
    ("assignments", "/teacher/assignments"),
    ("questions", "/teacher/questions"),
    ("questions, all attempts", "/teacher/questions?attempts=all"),
    ("questions, most missed", "/teacher/questions?sort=most-missed"),
    ("one question", "/teacher/questions/{choice}"),
    ("one question, all attempts", "/teacher/questions/{choice}?attempts=all"),
    ("a student's history", "/teacher/students/2/history"),
    ("a student's CSV", "/teacher/students/2/export.csv"),
    ("class exam recall", "/teacher/classes/1/exams/1"),
    ("class exams", "/teacher/classes/1/exams"),
    ("bank status", "/teacher/bank"),
]
STUDENT_PAGES = [
    ("history (student)", "/history/"),
    ("CSV export (student)", "/history/export.csv"),
]


def _once(client: Any, path: str) -> tuple[float, int, int]:
    """One request: milliseconds, body size and status."""
    started = time.perf_counter()
    response = client.get(path)
    body = response.get_data()
    return (time.perf_counter() - started) * 1000, len(body), response.status_code


def _time_all(client: Any, paths: list[tuple[str, str]], repeats: int) -> dict[str, Any]:
    """Warm each page up once, then ``repeats`` rounds over all of them (a burst of other
    load on the machine falls on every page a little rather than on one page's requests);
    per page the median and the minimum ms, and the last size and status.

    The minimum is what the growth goal is read on (as ``timeit`` advises: higher values are
    mostly other processes' interference, the work itself is the same each time).
    """
    for _, path in paths:
        client.get(path)
    times: dict[str, list[float]] = {name: [] for name, _ in paths}
    last: dict[str, tuple[int, int]] = {}
    for _ in range(repeats):
        for name, path in paths:
            ms, size, status = _once(client, path)
            times[name].append(ms)
            last[name] = (size, status)
    return {
        name: {
            "ms": statistics.median(times[name]),
            "min_ms": min(times[name]),
            "bytes": last[name][0],
            "status": last[name][1],
        }
        for name, _ in paths
    }


def peak_mib() -> float:
    """This process's peak resident memory in MiB since it started (``VmHWM``).

    Not ``ru_maxrss`` where ``/proc`` has it: on Linux a process started by ``exec`` inherits
    its parent's high-water mark in ``ru_maxrss`` (the forked copy of the parent counts), so
    a child of the seeding process reported the seeder's memory, not its own.
    """
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure(url: str, repeats: int = REPEATS) -> dict[str, Any]:
    """Every page's timing on ``url``, and the peak memory of this process, in MiB."""
    from sqlalchemy import text

    from quizapp import create_app
    from quizapp.extensions import db

    with tempfile.TemporaryDirectory() as instance:
        app = create_app(
            {
                "SQLALCHEMY_DATABASE_URI": url,
                "SECRET_KEY": "bench-secret",
                "WTF_CSRF_ENABLED": False,
                "QUESTIONS_DIR": str(ROOT / "questions"),
            },
            instance_path=instance,
        )
        with app.app_context():
            choice = db.session.execute(
                text(
                    "SELECT id FROM question WHERE type = 'choice' AND retired_at IS NULL"
                    " ORDER BY file, line LIMIT 1"
                )
            ).scalar_one()
            db.session.remove()
        pages: dict[str, Any] = {}
        for username, wanted in ((TEACHER, TEACHER_PAGES), (STUDENT, STUDENT_PAGES)):
            client = app.test_client()
            login = client.post("/auth/login", data={"username": username, "password": PASSWORD})
            if login.status_code != 302:
                raise RuntimeError(f"{username} could not log in ({login.status_code})")
            paths = [(name, path.format(choice=choice)) for name, path in wanted]
            pages.update(_time_all(client, paths, repeats))
        with app.app_context():
            db.engine.dispose()
    return {"pages": pages, "peak_mib": peak_mib()}


if __name__ == "__main__":
    print(json.dumps(measure(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else REPEATS)))

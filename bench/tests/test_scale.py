"""bench/scale.py at a small size: a consistent school, every page served, a report with ratios."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from sqlalchemy import create_engine, text

from bench.scale import ROOT, build, measure, report
from bench.scalekit.pages import STUDENT_PAGES, TEACHER_PAGES
from bench.scalekit.seed import PASSWORD, TEACHER
from quizapp import create_app
from quizapp.extensions import db
from quizapp.statistics.scores import score_differences


def test_a_small_school_is_consistent_and_every_page_answers(tmp_path: Path, capsys) -> None:
    url = f"sqlite:///{tmp_path}/scale.sqlite"
    build(url, 12, 40, tmp_path / "instance")
    engine = create_engine(url)
    with engine.connect() as conn:
        count = lambda sql: conn.execute(text(sql)).scalar_one()  # noqa: E731
        assert count("SELECT count(*) FROM attempt") == 12 * 40
        assert count("SELECT count(*) FROM rating_log") == 12 * 40
        assert count("SELECT count(*) FROM quiz WHERE finished_at IS NOT NULL") == 12 * 4
        assert count("SELECT sum(reps) FROM card") == 12 * 40  # one rating per answer
        assert count("SELECT count(*) FROM attempt a JOIN quiz q ON q.id = a.quiz_id"
                     " WHERE a.user_id <> q.user_id") == 0  # fmt: skip
    engine.dispose()
    app = create_app({"SQLALCHEMY_DATABASE_URI": url}, instance_path=str(tmp_path / "instance"))
    with app.app_context():
        assert score_differences() == []  # the rebuilt aggregates match a full recount
        db.engine.dispose()
    app.config["WTF_CSRF_ENABLED"] = False
    client = app.test_client()
    client.post("/auth/login", data={"username": TEACHER, "password": PASSWORD})
    assert "12 students" in client.get("/teacher/students").text  # all through their classes
    timing = measure(url, 1)
    assert set(timing["pages"]) == {name for name, _ in TEACHER_PAGES + STUDENT_PAGES}
    assert {page["status"] for page in timing["pages"].values()} == {200}
    timing.update(students=12, answers=40)
    missed = report("SQLite", [timing, timing])
    out = capsys.readouterr().out
    assert "growth (goal <= 1.5)" in out and "peak memory" in out
    assert not [m for m in missed if "growth" in m or "status" in m]


def test_the_peak_memory_is_the_page_process_own_not_its_parents() -> None:
    """A parent holding 200 MiB starts the page process: its peak is its own (Linux carries
    the parent's high-water mark over ``exec`` in ``ru_maxrss``; `peak_mib` reads VmHWM)."""
    ballast = bytearray(200 * 2**20)
    for i in range(0, len(ballast), 4096):
        ballast[i] = 1
    code = "from bench.scalekit.pages import peak_mib; print(peak_mib())"
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert float(out.stdout) < 150
    del ballast

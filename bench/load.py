"""Load without loss, and a benchmark of the quiz pages against hello-world, under gunicorn.

For each database (a fresh SQLite file; PostgreSQL database ``quizapp_load`` too when
``--postgres URL`` or ``QUIZAPP_TEST_DATABASE_URL`` is given — it is wiped first):

1. start gunicorn (``gunicorn.conf.py``, ``bench/wsgi_bench.py``) on a free 127.0.0.1 port;
2. *load without loss*: ``--students`` register and answer quizzes page by page for
   ``--seconds`` (question page with its CSRF token -> answer -> feedback), then the attempts
   stored must equal the answers the server accepted, with zero 5xx and every answer whole;
3. *benchmark*: at ``--connections`` keep-alive connections, each endpoint alone for
   ``--bench-seconds`` after a one-second warm-up: ``GET /_bench/hello``, ``GET
   /_bench/whoami`` (the login check alone: the floor under any logged-in page), the floors
   that measure the quiz pages' other parts alone (``bench/loadkit/floors.py``), the quiz page
   GET, and the answer POST; requests/s, p50/p99 and the ratios to hello-world, then each
   page's server CPU split into those parts, against what its ratio goal allows.

The load client is Python threads in this process, on the same cores as the server: its CPU
share is printed with each phase. Run: ``make bench`` or ``.venv/bin/python bench/load.py -h``.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.loadkit import floors, triggers  # noqa: E402
from tests.support.checks import attempt_problems, integrity_check  # noqa: E402
from tests.support.database import (  # noqa: E402
    engine_for,
    load_database_url,
    prepare,
    question_ids,
    quiz_attempts,
    sqlite_path,
)
from tests.support.run import register_students, run_phase, students_run  # noqa: E402
from tests.support.server import Server, group_cpu_seconds  # noqa: E402
from tests.support.stats import Line, Recorder, line, merge, table  # noqa: E402
from tests.support.students import Student  # noqa: E402

GOALS = {"answer": 0.40, "quiz page": 0.60}
P99_GOAL = 0.050
BENCH_APP = "bench.wsgi_bench:app"
"""The app with the floor pages (``bench/loadkit/floorpages.py``) that the pages are compared with."""


def quiz_page(student: Student) -> None:
    """The student's current question page (shown before: a read-only request)."""
    started = time.perf_counter()
    student.rec.record("quiz page", started, student.http.get(f"/quiz/{student.quiz_id}").status)


class AnswerSlots:
    """Each student's next quiz slot to answer, read from the database once per quiz."""

    def __init__(self, engine) -> None:  # type: ignore[no-untyped-def]
        self.engine = engine
        self.slots: dict[str, list[tuple[int, int, str]]] = {}

    def prestart(self, student: Student, quizzes: int) -> None:
        """Start ``quizzes`` quizzes for ``student`` before the clock runs."""
        for _ in range(quizzes):
            student.ready_quizzes.append(student.start_quiz())

    def next(self, student: Student) -> tuple[int, int, str]:
        slots = self.slots.setdefault(student.username, [])
        if not slots:
            quiz_id = student.next_quiz()
            ids = question_ids(self.engine, quiz_id)
            slots.extend(reversed([(quiz_id, pos, qid) for pos, qid in enumerate(ids)]))
        return slots.pop()

    def answer(self, student: Student) -> None:
        """POST the answer to the student's next slot; abandon the quiz if it is refused."""
        quiz_id, position, question_id = self.next(student)
        if question_id not in student.answer_cache:
            student.answer_from_page(feedback=False)  # learns the fields, answers the slot
            return
        if not student.post_answer(quiz_id, position, question_id):
            self.slots[student.username] = []


def measured(
    name: str, endpoint: str, students: list[Student], action, seconds: float, pgid: int
) -> Line:  # type: ignore[no-untyped-def]
    """Warm up (a second, or ``seconds`` if shorter), run ``action`` for ``seconds``.

    Prints the CPU shares of the load client and the server; returns the line.
    """
    run_phase(students, action, min(1.0, seconds))
    for student in students:
        student.rec = Recorder()
    cpu_client, cpu_server = time.process_time(), group_cpu_seconds(pgid)
    elapsed = run_phase(students, action, seconds)
    client = time.process_time() - cpu_client
    server = group_cpu_seconds(pgid) - cpu_server
    rec = merge(s.rec for s in students)
    others = {k: v for k, v in rec.outcomes.items() if k != "accepted"}
    print(
        f"    {name:<26} CPU: load client {client / elapsed:.0%}, gunicorn {server / elapsed:.0%}"
        + (f"; {others}" if others else "")
    )
    return line(name, rec, endpoint, elapsed, server)


def benchmark(students: list[Student], engine, seconds: float, pgid: int) -> dict[str, Line]:  # type: ignore[no-untyped-def]
    """Each endpoint alone, one after the other, under the same server; their lines by name.

    Hello-world, the floors (the quiz pages' parts measured alone, no database), the login
    check, the quiz page and the answer.
    """
    phases = [
        ("GET /_bench/hello", "hello", floors.getter("hello", "/_bench/hello")),
        ("GET /_bench/page-bytes", "page bytes", floors.getter("page bytes", "/_bench/page-bytes")),
        ("GET /_bench/page-floor", "page floor", floors.getter("page floor", "/_bench/page-floor")),
        ("GET /_bench/whoami (login)", "whoami", floors.getter("whoami", "/_bench/whoami")),
        ("POST /_bench/answer-floor", "answer floor", floors.answer_floor(students[0])),
    ]
    lines = {key: measured(name, key, students, act, seconds, pgid) for name, key, act in phases}
    for student in students:
        student.next_quiz()
        student.http.get(f"/quiz/{student.quiz_id}")
    lines["quiz page"] = measured(
        "GET /quiz/<id> (page)", "quiz page", students, quiz_page, seconds, pgid
    )
    slots = AnswerSlots(engine)
    for student in students:
        slots.prestart(student, 6)
    lines["answer"] = measured(
        "POST /quiz/<id> (answer)", "answer", students, slots.answer, seconds, pgid
    )
    return lines


def trigger_cost(students: list[Student], engine, seconds: float, pgid: int, count: int) -> list[str]:  # type: ignore[no-untyped-def]
    """The answer POST without and with the ``item_score`` triggers, ``count`` rounds each."""
    slots = AnswerSlots(engine)

    def measure(name: str) -> Line:
        return measured(name, "answer", students, slots.answer, seconds, pgid)

    return triggers.verdict(triggers.rounds(measure, engine, count))


def verdicts(lines: dict[str, Line]) -> list[str]:
    """Each goal, met or not; how far the login check alone gets; where the CPU goes."""
    base = lines["hello"]
    floor = lines["whoami"].rate / base.rate if base.rate else 0
    out = [f"  login check alone (/_bench/whoami): {floor:.2f}x hello-world req/s"]
    for name in ("answer", "quiz page"):
        ratio = lines[name].rate / base.rate if base.rate else 0
        ok = "met" if ratio >= GOALS[name] else "NOT met"
        out.append(f"  {name}: {ratio:.2f}x hello-world req/s (goal >= {GOALS[name]:.2f}x): {ok}")
    for ln in (base, lines["quiz page"], lines["answer"]):
        ok = "met" if ln.p99 < P99_GOAL else "NOT met"
        out.append(f"  {ln.name}: p99 {ln.p99 * 1000:.1f} ms (goal < 50 ms): {ok}")
    return out + floors.cost_split(lines, GOALS)


def run_backend(label: str, url: str, args: argparse.Namespace) -> bool:
    """Everything for one database; True when no answer was lost and nothing failed."""
    with tempfile.TemporaryDirectory(prefix="quizapp-load-") as tmp:
        instance = Path(tmp) / "instance"
        if url.startswith("sqlite"):
            url = f"sqlite:///{tmp}/load.sqlite"
        print(f"\n== {label}: {url}")
        prepare(url, instance)
        engine = engine_for(url)
        options = {"workers": args.workers, "threads": args.threads, "app": BENCH_APP}
        with Server(url, instance, **options) as server:
            env = server.environment()
            print(
                f"  gunicorn gthread: WEB_CONCURRENCY={env.get('WEB_CONCURRENCY', 'default')} "
                f"THREADS={env.get('THREADS', 'default')}; load average {os.getloadavg()[0]:.2f}"
            )
            count = max(args.students, 0 if args.loss_only else args.connections)
            students = register_students(server.port, count)
            try:
                ok = run_students(students, engine, server.proc.pid, args)  # type: ignore[union-attr]
            finally:
                for student in students:
                    student.close()
            ok = ok and not attempt_problems(engine)
        path = sqlite_path(url)
        if path is not None:
            verdict = integrity_check(path)
            print(f"  PRAGMA integrity_check: {verdict}")
            ok = ok and verdict == "ok"
        engine.dispose()
    print(f"  {'OK' if ok else 'FAILED'}")
    return ok


def run_students(students: list[Student], engine, pgid: int, args: argparse.Namespace) -> bool:  # type: ignore[no-untyped-def]
    """The loss run, then the benchmark; True when nothing was lost and nothing failed."""
    shared: dict[str, list[tuple[str, str]]] = {}
    for student in students:
        student.answer_cache = shared
    result = students_run(students[: args.students], engine, args.seconds)
    print(f"  load without loss, {args.students} students: {result.summary()}")
    names = ("quiz page", "answer", "feedback", "start quiz")
    print(table([line(n, result.rec, n, result.seconds) for n in names]))
    ok = result.attempts == result.accepted and not result.server_errors
    ok = ok and not result.problems and not result.unexpected
    for problem in result.problems:
        print(f"  PROBLEM: {problem}")
    if args.loss_only:
        return ok
    print(f"\n  benchmark, {args.connections} connections, {args.bench_seconds:g} s each:")
    lines = benchmark(students, engine, args.bench_seconds, pgid)
    print(table(list(lines.values()), baseline=lines["hello"]))
    print("\n".join(verdicts(lines)))
    if args.trigger_rounds:
        print(f"\n  what item_score costs the answer POST, {args.trigger_rounds} rounds:")
        print("\n".join(trigger_cost(students, engine, args.bench_seconds, pgid, args.trigger_rounds)))
    accepted = sum(s.accepted_total for s in students)
    stored = quiz_attempts(engine)
    print(f"  whole run: {accepted} answers accepted, {stored} attempts stored")
    return ok and not any(ln.errors for ln in lines.values()) and stored == accepted


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--students", type=int, default=8, help="students in the loss run (8)")
    parser.add_argument("--seconds", type=float, default=5, help="length of the loss run (5)")
    parser.add_argument("--connections", type=int, default=32, help="benchmark connections (32)")
    parser.add_argument("--bench-seconds", type=float, default=5, help="per endpoint (5)")
    parser.add_argument("--loss-only", action="store_true", help="skip the benchmark")
    parser.add_argument(
        "--trigger-rounds",
        type=int,
        default=3,
        help="rounds of the answer POST without and with the item_score triggers (3; 0: none)",
    )
    parser.add_argument("--workers", type=int, help="WEB_CONCURRENCY (gunicorn.conf.py default)")
    parser.add_argument("--threads", type=int, help="THREADS (gunicorn.conf.py default)")
    parser.add_argument("--no-sqlite", action="store_true", help="PostgreSQL only")
    parser.add_argument(
        "--postgres",
        default=os.environ.get("QUIZAPP_TEST_DATABASE_URL", ""),
        help="a PostgreSQL URL; its quizapp_load database is wiped and used",
    )
    args = parser.parse_args(argv)
    args.seconds = min(args.seconds, 600)
    args.bench_seconds = min(args.bench_seconds, 120)
    backends = [] if args.no_sqlite else [("SQLite", "sqlite")]
    if args.postgres:
        backends.append(("PostgreSQL", load_database_url(args.postgres)))
    results = [run_backend(label, url, args) for label, url in backends]
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())

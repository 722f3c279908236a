"""Drive simulated students in threads, bounded in time and in count, and check the outcome."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

from sqlalchemy.engine import Engine

from .checks import attempt_problems
from .database import quiz_attempts
from .http import ConnectionLost
from .stats import Recorder, merge
from .students import Student, UnexpectedResponse

MAX_STEPS = 100_000
"""No client thread makes more than this many iterations, however long the run."""


def register_students(port: int, count: int, prefix: str = "student") -> list[Student]:
    """``count`` students, registered through the real form, a few at a time."""
    students = [Student(port, f"{prefix}{i:03d}") for i in range(count)]
    with ThreadPoolExecutor(max_workers=min(count, 8)) as pool:
        list(pool.map(Student.register, students))
    return students


def run_phase(
    students: list[Student],
    action: Callable[[Student], object],
    seconds: float,
    stop: threading.Event | None = None,
    max_steps: int = MAX_STEPS,
) -> float:
    """Run ``action`` for each student in its own thread until ``seconds`` pass; the elapsed time.

    A thread stops early on ``stop``, at ``max_steps``, when its connection is lost (a killed
    server) or on a response it cannot carry on from (recorded as ``unexpected``).
    """
    stop = stop or threading.Event()
    deadline = time.monotonic() + seconds

    def loop(student: Student) -> None:
        for _ in range(max_steps):
            if stop.is_set() or time.monotonic() >= deadline:
                return
            try:
                action(student)
            except ConnectionLost:
                return
            except UnexpectedResponse as exc:
                student.rec.outcomes["unexpected"] += 1
                student.rec.outcomes[f"unexpected: {exc}"] += 1
                return

    threads = [threading.Thread(target=loop, args=(s,), daemon=True) for s in students]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(seconds + 60)
    return time.perf_counter() - started


@dataclass
class LoadResult:
    """What a load run saw on the client side and found in the database afterwards."""

    rec: Recorder
    seconds: float
    attempts: int
    problems: list[str] = field(default_factory=list)

    @property
    def accepted(self) -> int:
        """Answers the server confirmed (redirected to their feedback)."""
        return self.rec.outcomes["accepted"]

    @property
    def server_errors(self) -> int:
        """5xx responses."""
        return self.rec.server_errors

    @property
    def lost(self) -> int:
        """Requests whose connection broke after sending (0 unless the server was killed)."""
        return self.rec.outcomes["lost in flight"]

    @property
    def unexpected(self) -> int:
        """Responses a student could not carry on from."""
        return self.rec.outcomes["unexpected"]

    def summary(self) -> str:
        """One line: answers accepted vs. attempts stored, errors."""
        return (
            f"{self.accepted} answers accepted, {self.attempts} attempts stored, "
            f"{self.server_errors} 5xx, {self.unexpected} unexpected, {self.lost} lost in flight, "
            f"{len(self.problems)} consistency problems in {self.seconds:.1f} s"
        )


def students_run(students: list[Student], engine: Engine, seconds: float) -> LoadResult:
    """Every student answers quizzes page by page for ``seconds``; then count the attempts."""
    before = quiz_attempts(engine)
    for student in students:
        student.rec = Recorder()
    elapsed = run_phase(students, Student.answer_from_page, seconds)
    rec = merge(s.rec for s in students)
    attempts = quiz_attempts(engine) - before
    return LoadResult(rec, elapsed, attempts, attempt_problems(engine))


def unexpected_messages(rec: Recorder) -> list[str]:
    """The distinct unexpected responses, for failure messages."""
    return [k for k in rec.outcomes if k.startswith("unexpected:")]


__all__ = [
    "LoadResult",
    "UnexpectedResponse",
    "register_students",
    "run_phase",
    "students_run",
    "unexpected_messages",
]

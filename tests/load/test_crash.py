"""Crash safety: SIGKILL the whole server mid-load, restart it, and find every answer whole.

An answer is one transaction (attempt, session advance, card rating and its review log), so
after a crash each one is there completely or not at all: SQLite's ``integrity_check`` is
``ok``, no accepted answer is missing, at most the answers in flight at the kill were
committed unseen, and the restarted server takes answers again.
"""

from __future__ import annotations

import threading
import time

import pytest

from tests.support.checks import attempt_problems, integrity_check
from tests.support.database import quiz_attempts, sqlite_path
from tests.support.run import register_students, run_phase
from tests.support.students import Student

STUDENTS = 8
KILL_AFTER_ANSWERS = 60


def accepted(students: list[Student]) -> int:
    return sum(s.accepted_total for s in students)


def wait_for_answers(students: list[Student], count: int, timeout: float = 15.0) -> None:
    deadline = time.monotonic() + timeout
    while accepted(students) < count and time.monotonic() < deadline:
        time.sleep(0.02)
    assert accepted(students) >= count, "the load never got going"


@pytest.mark.slow
@pytest.mark.sqlite_only
def test_sigkill_mid_load_leaves_every_answer_whole(load_db, serve) -> None:
    url, engine = load_db("sqlite")
    server = serve(url)
    students = register_students(server.port, STUDENTS)
    try:
        check_crash_and_restart(server, url, engine, students)
    finally:
        for student in students:
            student.close()


def check_crash_and_restart(server, url: str, engine, students: list[Student]) -> None:  # type: ignore[no-untyped-def]
    """Kill ``server`` under load, restart it, check the database, answer once more."""
    stop = threading.Event()
    load = threading.Thread(target=run_phase, args=(students, Student.answer_from_page, 30, stop))
    load.start()
    try:
        wait_for_answers(students, KILL_AFTER_ANSWERS)
        server.kill()  # master and every worker at once, requests in flight
    finally:
        stop.set()
        load.join(60)
    confirmed = accepted(students)
    in_flight = sum(s.rec.outcomes["answers lost in flight"] for s in students)
    assert sum(s.rec.server_errors for s in students) == 0, server.log_tail()

    server.start()
    assert integrity_check(sqlite_path(url)) == "ok"
    stored = quiz_attempts(engine)
    assert confirmed <= stored <= confirmed + in_flight
    assert attempt_problems(engine) == []

    student = students[0]
    student.reconnect(server.port)
    for _ in range(3):  # the quiz may have ended with the last answer: then a new one starts
        student.answer_from_page(feedback=False)
        if accepted(students) > confirmed:
            break
    assert accepted(students) == confirmed + 1
    assert quiz_attempts(engine) == stored + 1
    assert attempt_problems(engine) == []

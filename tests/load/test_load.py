"""Load without loss: students answering concurrently under gunicorn lose no answer.

Eight students answer quizzes page by page for five seconds (the question page with its CSRF
token, the answer, the feedback). Every answer the server accepted must be in the database,
whole, and nothing may fail with a 5xx. ``bench/load.py`` is the long version.
"""

from __future__ import annotations

import pytest

from tests.support.run import register_students, students_run, unexpected_messages

from .conftest import BACKENDS

STUDENTS = 8
SECONDS = 5.0


@pytest.mark.slow
@pytest.mark.parametrize("backend", BACKENDS)
def test_every_accepted_answer_is_stored(backend: str, load_db, serve) -> None:
    url, engine = load_db(backend)
    server = serve(url)
    students = register_students(server.port, STUDENTS)
    try:
        result = students_run(students, engine, SECONDS)
    finally:
        for student in students:
            student.close()
    assert result.server_errors == 0, server.log_tail()
    assert result.unexpected == 0, unexpected_messages(result.rec)
    assert result.lost == 0
    assert result.accepted >= STUDENTS  # every student got answers in
    assert result.attempts == result.accepted, result.summary()
    assert result.problems == []

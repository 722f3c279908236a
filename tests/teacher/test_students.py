"""The class overview: last active, quizzes, average score; teachers only."""

from __future__ import annotations

import re
from datetime import timedelta

from tests.history.records import NOW


def row_of(page: str, username: str) -> str:
    found = re.search(rf"<tr>\s*<th scope=\"row\"><a [^>]*>{username}</a>.*?</tr>", page, re.S)
    assert found, f"no row for {username}"
    return found[0]


def test_class_overview(client, auth, teacher, student, make_user, records, questions) -> None:
    idle = make_user("student2")
    records.quiz(student, questions[:2], [1.0, 0.5], started=NOW - timedelta(days=2))
    records.quiz(student, questions[:2], [0.0], finished=False, started=NOW - timedelta(days=1))
    records.attempts(student, [(questions[0], 1.0, NOW - timedelta(minutes=5))], kind="flashcard")
    auth.login("teacher1")
    page = client.get("/teacher/students").get_data(as_text=True)
    mine = row_of(page, "student1")
    assert f'href="/teacher/students/{student}/history"' in mine
    assert "2 Mar 2026, 11:55 UTC" in mine  # the flashcard rating is the latest activity
    assert "<td>1</td>" in mine  # one finished quiz
    assert "50%" in mine and "(3 answers)" in mine  # 1.5 over 3 graded; flashcards left out
    theirs = row_of(page, "student2")
    assert "never" in theirs and f"/teacher/students/{idle}/history" in theirs
    assert "teacher1</a>" not in page


def test_teacher_pages_are_forbidden_to_students(client, auth, student) -> None:
    auth.login()
    for url in ("/teacher/students", "/teacher/questions", "/teacher/questions/x/yaml"):
        assert client.get(url).status_code == 403, url


def test_teacher_start_page_lists_the_new_pages(client, auth, teacher) -> None:
    auth.login("teacher1")
    page = client.get("/teacher/").get_data(as_text=True)
    assert 'href="/teacher/students"' in page and 'href="/teacher/questions"' in page

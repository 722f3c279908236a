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
    assert "2026-03-02 11:55" in mine  # the flashcard rating is the latest activity
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


def test_students_come_a_page_at_a_time(app, client, auth, teacher, records, questions) -> None:
    from quizapp.extensions import db
    from quizapp.models import User

    with app.app_context():
        db.session.add_all(User(username=f"pupil{i:03d}", password_hash="!") for i in range(55))
        db.session.commit()
        last = db.session.execute(db.select(User.id).filter_by(username="pupil054")).scalar()
    records.quiz(last, questions[:1], [1.0])
    auth.login("teacher1")
    first = client.get("/teacher/students").text
    assert "55 students, 50 a page" in first and "Page 1 of 2" in first
    assert "pupil049</a>" in first and "pupil050</a>" not in first
    assert 'href="/teacher/students?page=2" rel="next"' in first
    second = client.get("/teacher/students?page=2").text
    assert "pupil054</a>" in second and "pupil000</a>" not in second
    assert "100%" in row_of(second, "pupil054")  # figures are read for the page's students
    assert client.get("/teacher/students?page=3").status_code == 404
    assert client.get("/teacher/students?page=0").status_code == 404


def test_students_are_found_by_part_of_their_username(client, auth, teacher, make_user) -> None:
    make_user("maria_k")
    make_user("marcus")
    make_user("anna")
    auth.login("teacher1")
    page = client.get("/teacher/students?q=MAR").text
    assert "2 students with “MAR” in their username" in page
    assert "maria_k</a>" in page and "marcus</a>" in page and "anna</a>" not in page
    assert 'value="MAR"' in page
    assert "No student's username contains “zz”" in client.get("/teacher/students?q=zz").text
    underscore = client.get("/teacher/students?q=a_").text  # "_" is no wildcard
    assert "maria_k</a>" in underscore and "marcus</a>" not in underscore

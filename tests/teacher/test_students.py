"""The class overview: last active, quizzes, average score; teachers only."""

from __future__ import annotations

import re
from datetime import timedelta

from tests.history.records import NOW
from tests.support.classes import enrol, make_class


def row_of(page: str, username: str) -> str:
    found = re.search(rf"<tr>\s*<th scope=\"row\"><a [^>]*>{username}</a>.*?</tr>", page, re.S)
    assert found, f"no row for {username}"
    return found[0]


def test_class_overview(app, client, auth, teacher, student, make_user, records, questions) -> None:
    idle = make_user("student2")
    enrol(app, teacher, [student, idle])
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


def test_teacher_start_page_lists_the_classes_and_pages(app, client, auth, teacher) -> None:
    auth.login("teacher1")
    page = client.get("/teacher/").get_data(as_text=True)
    assert "You have no classes yet" in page and 'href="/teacher/classes#new"' in page
    assert 'href="/teacher/students"' in page and 'href="/teacher/questions"' in page
    assert 'href="/admin/"' not in page  # teachers do not manage teachers
    classroom = make_class(app, teacher, "Year 10 economics")
    page = client.get("/teacher/").get_data(as_text=True)
    assert f'href="/teacher/classes/{classroom}">Year 10 economics</a>' in page


def test_teachers_see_only_the_students_of_their_classes(
    app, client, auth, teacher, student, make_user, records, questions
) -> None:
    """Issue 20's finding too: another teacher's student's history was open to every teacher."""
    other_teacher = make_user("teacher2", teacher=True)
    theirs = make_user("student2")
    mine_class = enrol(app, teacher, [student])
    their_class = enrol(app, other_teacher, [theirs], name="Class B")
    quiz = records.quiz(theirs, questions[:2], [1.0, 0.0])
    auth.login("teacher1")
    page = client.get("/teacher/students").get_data(as_text=True)
    assert "student1</a>" in page and "student2" not in page
    for url in (
        f"/teacher/students/{theirs}/history",
        f"/teacher/students/{theirs}/history/quiz/{quiz}",
        f"/teacher/students/{theirs}/export.csv",
        f"/teacher/students?class={their_class}",
    ):
        assert client.get(url).status_code == 404, url
    assert client.get(f"/teacher/students/{student}/history").status_code == 200
    one = client.get(f"/teacher/students?class={mine_class}").get_data(as_text=True)
    assert "Class overview: Class A" in one and "student1</a>" in one


def test_an_admin_sees_every_student(app, client, auth, make_user, records, questions) -> None:
    make_user("head", admin=True)
    student = make_user("student1")
    enrol(app, make_user("teacher2", teacher=True), [student])
    lonely = make_user("student3")  # in no class at all
    auth.login("head")
    page = client.get("/teacher/students").get_data(as_text=True)
    assert "student1</a>" in page and "student3</a>" in page
    assert client.get(f"/teacher/students/{lonely}/history").status_code == 200
    assert 'href="/admin/"' in client.get("/teacher/").get_data(as_text=True)


def test_a_removed_student_is_out_of_sight(app, client, auth, teacher, student) -> None:
    classroom = enrol(app, teacher, [student])
    auth.login("teacher1")
    assert client.get(f"/teacher/students/{student}/history").status_code == 200
    resp = client.post(f"/teacher/classes/{classroom}/students/{student}/remove")
    assert resp.status_code == 302
    assert client.get(f"/teacher/students/{student}/history").status_code == 404
    assert "student1" not in client.get("/teacher/students").get_data(as_text=True)

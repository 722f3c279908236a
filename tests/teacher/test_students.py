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


def test_students_come_a_page_at_a_time(app, client, auth, teacher, records, questions) -> None:
    from quizapp.extensions import db
    from quizapp.models import User

    with app.app_context():
        db.session.add_all(User(username=f"pupil{i:03d}", password_hash="!") for i in range(55))
        db.session.commit()
        pupils = db.session.execute(db.select(User.id).where(User.username.like("pupil%")))
        pupils = list(pupils.scalars())
        last = db.session.execute(db.select(User.id).filter_by(username="pupil054")).scalar()
    classroom = enrol(app, teacher, pupils)
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
    one_class = client.get(f"/teacher/students?class={classroom}&page=2").text
    assert f'href="/teacher/students?page=1&amp;class={classroom}" rel="prev"' in one_class
    assert "pupil054</a>" in one_class


def test_students_are_found_by_part_of_their_username(
    app, client, auth, teacher, make_user
) -> None:
    enrol(app, teacher, [make_user("maria_k"), make_user("marcus"), make_user("anna")])
    make_user("mario")  # in no class of this teacher's
    auth.login("teacher1")
    page = client.get("/teacher/students?q=MAR").text
    assert "2 students with “MAR” in their username" in page and "mario" not in page
    assert "maria_k</a>" in page and "marcus</a>" in page and "anna</a>" not in page
    assert 'value="MAR"' in page
    assert "No student's username contains “zz”" in client.get("/teacher/students?q=zz").text
    underscore = client.get("/teacher/students?q=a_").text  # "_" is no wildcard
    assert "maria_k</a>" in underscore and "marcus</a>" not in underscore

"""A teacher's class pages: create, the class page, new code, remove a student, settings."""

from __future__ import annotations

import re

from flask import Flask

from quizapp.classes.codes import show_code
from quizapp.extensions import db
from quizapp.models import Classroom, Membership

from ..support.classes import enrol, make_class


def classroom(app: Flask, classroom_id: int) -> Classroom:
    with app.app_context():
        found = db.session.get(Classroom, classroom_id)
        db.session.expunge(found)
        return found


def test_create_a_class(app: Flask, client, auth, teacher) -> None:
    auth.login("teacher1")
    form = client.get("/teacher/classes").text
    assert "You have no classes yet" in form
    assert '<option selected value="UTC">UTC</option>' in form  # the teacher's own zone
    resp = client.post("/teacher/classes", data={"name": "Year 10", "time_zone": "Europe/Paris"})
    classroom_id = int(re.fullmatch(r"/teacher/classes/(\d+)", resp.headers["Location"])[1])
    made = classroom(app, classroom_id)
    assert (made.name, made.time_zone, made.teacher_id) == ("Year 10", "Europe/Paris", teacher)
    page = client.get(f"/teacher/classes/{classroom_id}").text
    code = show_code(made.join_code)
    assert f"<code>{code}</code>" in page
    assert f'href="http://localhost/join/{code}"' in page
    assert "No students yet" in page and "Read it out:" in page
    assert f'href="/teacher/classes/{classroom_id}">Year 10</a>' in client.get("/teacher/").text


def test_bad_class_forms_say_why_and_write_nothing(app: Flask, client, auth, teacher) -> None:
    auth.login("teacher1")
    for data, message in [
        ({"name": "  ", "time_zone": "UTC"}, "Give the class a name"),
        ({"name": "x" * 81, "time_zone": "UTC"}, "at most 80 characters"),
        ({"name": "Year 10", "time_zone": "Mars/Olympus"}, "Choose a time zone from the list"),
    ]:
        resp = client.post("/teacher/classes", data=data)
        assert resp.status_code == 200 and message in resp.text, data
    with app.app_context():
        assert db.session.execute(db.select(Classroom)).first() is None


def test_a_new_code_retires_the_old_one(app: Flask, client, auth, teacher, student) -> None:
    classroom_id = enrol(app, teacher, [student])
    old = show_code(classroom(app, classroom_id).join_code)
    auth.login("teacher1")
    resp = client.post(f"/teacher/classes/{classroom_id}/code", follow_redirects=True)
    new = show_code(classroom(app, classroom_id).join_code)
    assert new != old
    assert f"New code for Class A: {new}. The old code {old} and its link no longer work" in (
        resp.text
    )
    assert "student1</a>" in resp.text  # members stay


def test_remove_a_student(app: Flask, client, auth, teacher, student, make_user) -> None:
    other = make_user("student2")
    classroom_id = enrol(app, teacher, [student, other])
    auth.login("teacher1")
    page = client.get(f"/teacher/classes/{classroom_id}").text
    assert "Students (2)" in page and 'aria-label="Remove student1 from Class A"' in page
    resp = client.post(
        f"/teacher/classes/{classroom_id}/students/{student}/remove", follow_redirects=True
    )
    assert "Removed student1 from Class A. Their answers stay theirs" in resp.text
    assert "Students (1)" in resp.text
    again = client.post(f"/teacher/classes/{classroom_id}/students/{student}/remove")
    assert again.status_code == 404  # not in the class any more
    assert client.post(f"/teacher/classes/{classroom_id}/students/999999/remove").status_code == 404
    with app.app_context():
        assert db.session.execute(db.select(Membership.user_id)).scalars().all() == [other]


def test_rename_and_change_the_time_zone(app: Flask, client, auth, teacher) -> None:
    classroom_id = make_class(app, teacher)
    auth.login("teacher1")
    bad = client.post(f"/teacher/classes/{classroom_id}", data={"name": "", "time_zone": "UTC"})
    assert bad.status_code == 200 and "Give the class a name" in bad.text
    assert classroom(app, classroom_id).name == "Class A"
    data = {"name": "Class B", "time_zone": "America/New_York"}
    resp = client.post(f"/teacher/classes/{classroom_id}", data=data)
    assert resp.status_code == 302
    saved = classroom(app, classroom_id)
    assert (saved.name, saved.time_zone) == ("Class B", "America/New_York")


def test_another_teachers_class_is_not_found(app: Flask, client, auth, teacher, make_user) -> None:
    theirs = make_class(app, make_user("teacher2", teacher=True), "Theirs")
    auth.login("teacher1")
    assert client.get(f"/teacher/classes/{theirs}").status_code == 404
    assert client.post(f"/teacher/classes/{theirs}/code").status_code == 404
    assert "Theirs" not in client.get("/teacher/classes").text


def test_an_admin_sees_and_runs_every_class(app: Flask, client, auth, make_user) -> None:
    make_user("head", admin=True)
    theirs = make_class(app, make_user("teacher2", teacher=True), "Theirs")
    auth.login("head")
    listing = client.get("/teacher/classes").text
    assert "All classes" in listing and "teacher teacher2" in listing
    page = client.get(f"/teacher/classes/{theirs}").text
    assert "teacher teacher2" in page
    assert client.post(f"/teacher/classes/{theirs}/code").status_code == 302


def test_students_are_forbidden(app: Flask, client, auth, teacher, student) -> None:
    classroom_id = enrol(app, teacher, [student])
    auth.login()
    for url in ("/teacher/classes", f"/teacher/classes/{classroom_id}"):
        assert client.get(url).status_code == 403
    assert client.post(f"/teacher/classes/{classroom_id}/code").status_code == 403


def test_a_large_class_page_lists_one_page_of_students(app: Flask, client, auth, teacher) -> None:
    from quizapp.models import User

    with app.app_context():
        db.session.add_all(User(username=f"pupil{i:03d}", password_hash="!") for i in range(53))
        db.session.commit()
        pupils = list(
            db.session.execute(db.select(User.id).where(User.role == "student")).scalars()
        )
    classroom_id = enrol(app, teacher, pupils)
    auth.login("teacher1")
    page = client.get(f"/teacher/classes/{classroom_id}").text
    assert "Students (53)" in page and "The first 50 by username" in page
    assert "pupil049</a>" in page and "pupil050</a>" not in page
    assert f'href="/teacher/students?class={classroom_id}"' in page  # where the rest are

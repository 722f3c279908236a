"""A student's class pages: list, join by code and by link, bad codes, joining twice, leaving."""

from __future__ import annotations

from flask import Flask

from quizapp.classes.codes import show_code
from quizapp.extensions import db
from quizapp.models import Classroom, Membership

from ..conftest import START
from ..support.classes import enrol, make_class


def code_of(app: Flask, classroom_id: int) -> str:
    with app.app_context():
        return show_code(db.session.get(Classroom, classroom_id).join_code)


def memberships(app: Flask) -> list[tuple[int, int]]:
    with app.app_context():
        rows = db.session.execute(db.select(Membership.classroom_id, Membership.user_id))
        return sorted(tuple(row) for row in rows)


def test_join_by_code_then_twice(app: Flask, client, auth, teacher, student, clock) -> None:
    classroom = make_class(app, teacher, "Year 10 economics")
    auth.login()
    page = client.get("/classes").get_data(as_text=True)
    assert "You are not in a class yet" in page and 'name="code"' in page
    typed = code_of(app, classroom).lower().replace("-", " ")
    resp = client.post("/classes/join", data={"code": typed}, follow_redirects=True)
    page = resp.get_data(as_text=True)
    assert "You joined Year 10 economics." in page
    assert "<strong>Year 10 economics</strong>" in page and "teacher teacher1" in page
    clock.advance(days=1)
    again = client.post("/classes/join", data={"code": typed}, follow_redirects=True)
    assert "You are already in Year 10 economics; nothing changed." in again.get_data(as_text=True)
    assert memberships(app) == [(classroom, student)]
    with app.app_context():
        assert db.session.execute(db.select(Membership.joined_at)).scalar_one() == START


def test_bad_codes_get_a_message_and_keep_what_was_typed(
    app: Flask, client, auth, teacher, student
) -> None:
    make_class(app, teacher)
    auth.login()
    for typed, message in [
        ("ACDE-FHJK", "No class has the code ACDE-FHJK. Check it with your teacher"),
        ("KXMO-47RA", "Class codes never contain &#39;O&#39;"),
        ("KXM", "you typed 3"),
        ("", "Enter the class code"),
        ("x" * 100, "A class code has 8 characters"),
    ]:
        resp = client.post("/classes/join", data={"code": typed})
        page = resp.get_data(as_text=True)
        assert resp.status_code == 200 and message in page, typed
        assert 'aria-invalid="true"' in page and f'value="{typed}"' in page
    assert memberships(app) == []


def test_the_join_link_asks_before_joining(app: Flask, client, auth, teacher, student) -> None:
    classroom = make_class(app, teacher, "Year 10")
    code = code_of(app, classroom)
    assert client.get(f"/join/{code}").status_code == 302  # visitors log in first
    auth.login()
    page = client.get(f"/join/{code.lower()}").get_data(as_text=True)
    assert "Join <strong>Year 10</strong>" in page and f'name="code" value="{code}"' in page
    assert memberships(app) == []  # a GET changes nothing
    client.post("/classes/join", data={"code": code})
    assert "You are already in <strong>Year 10</strong>" in client.get(f"/join/{code}").text
    assert memberships(app) == [(classroom, student)]


def test_a_forged_or_old_link_is_not_found(app: Flask, client, auth, teacher, student) -> None:
    classroom = make_class(app, teacher)
    old = code_of(app, classroom)
    auth.login("teacher1")
    client.post(f"/teacher/classes/{classroom}/code")
    auth.logout()
    auth.login()
    for url, message in [
        (f"/join/{old}", f"No class has the code {old}. The link may be old"),
        ("/join/ACDE-FHJK", "No class has the code ACDE-FHJK"),
        ("/join/%3Cscript%3E", "Class codes never contain"),
    ]:
        resp = client.get(url)
        assert resp.status_code == 404 and message in resp.text, url
        assert "<script>" not in resp.text
    assert memberships(app) == []


def test_leave_a_class(app: Flask, client, auth, teacher, student, make_user) -> None:
    mine = enrol(app, teacher, [student], name="Year 10")
    other = make_class(app, make_user("teacher2", teacher=True), "Year 11")
    auth.login()
    resp = client.post(f"/classes/{mine}/leave", follow_redirects=True)
    assert "You left Year 10. Your answers and cards stay yours" in resp.text
    assert "You are not in a class yet" in resp.text
    assert client.post(f"/classes/{mine}/leave").status_code == 404  # not in it any more
    assert client.post(f"/classes/{other}/leave").status_code == 404
    assert client.post("/classes/999999/leave").status_code == 404
    assert memberships(app) == []


def test_students_see_classes_in_the_navigation_teachers_do_not(
    client, auth, teacher, student
) -> None:
    auth.login()
    assert 'href="/classes">Classes' in client.get("/").text
    auth.logout()
    auth.login("teacher1")
    assert 'href="/classes"' not in client.get("/").text
    assert client.get("/classes").headers["Location"] == "/teacher/classes"
    resp = client.post("/classes/join", data={"code": "ACDE-FHJK"})
    assert "Only student accounts join classes" in resp.text


def test_a_teacher_opening_a_join_link_is_told_students_join(
    app: Flask, client, auth, teacher
) -> None:
    code = code_of(app, make_class(app, teacher, "Year 10"))
    auth.login("teacher1")
    page = client.get(f"/join/{code}").text
    assert "Students open it to join" in page and "<form" not in page.split("<main")[1]
    assert "Only student accounts join" in client.post("/classes/join", data={"code": code}).text

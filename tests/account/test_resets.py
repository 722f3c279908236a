"""One-time reset codes: a teacher makes one for a student of their class; it sets a new
password once, within 24 hours, and ends the student's sessions."""

from __future__ import annotations

import re

import pytest
from flask import Flask

from quizapp.account.operations import normalise_code
from quizapp.extensions import db
from quizapp.models import Classroom, Membership
from tests.auth.test_sessions import device, log_in
from tests.conftest import get_user
from tests.security.activity import log_in_as
from tests.support.clock import FrozenClock

NEW = "my new passphrase!"
CODE = re.compile(r"[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}")


@pytest.fixture
def school(app: Flask, make_user) -> dict[str, int]:
    """Tina teaches Sam; Tom teaches another class; Ada is the admin."""
    ids = {
        "tina": make_user("tina", teacher=True),
        "tom": make_user("tom", teacher=True),
        "sam": make_user("student1"),
    }
    with app.app_context():
        room = Classroom(name="5B", join_code="ABCD-EFGH", teacher_id=ids["tina"])
        db.session.add(room)
        db.session.flush()
        db.session.add(Membership(classroom_id=room.id, user_id=ids["sam"]))
        db.session.commit()
    return ids


def code_for(client, student: int) -> str:
    page = client.post(f"/account/reset-codes/{student}").get_data(as_text=True)
    found = CODE.search(page)
    assert found, page
    return found[0]


def test_a_code_sets_a_new_password_once_and_ends_sessions(app: Flask, client, school):
    sams_phone = device(app)
    log_in(sams_phone)
    log_in_as(client, school["tina"])
    code = code_for(client, school["sam"])
    visitor = device(app)
    done = visitor.post(f"/account/reset/{code}", data={"new_password": NEW, "confirm": NEW})
    assert done.status_code == 302 and done.headers["Location"].endswith("/auth/login")
    assert get_user(app, "student1").check_password(NEW)
    assert sams_phone.get("/history/").status_code == 302
    again = visitor.post(f"/account/reset/{code}", data={"new_password": NEW, "confirm": NEW})
    assert "unknown, used or expired" in again.get_data(as_text=True)


def test_a_typed_code_works_in_any_case_and_spacing(app: Flask, client, school):
    log_in_as(client, school["tina"])
    code = code_for(client, school["sam"])
    typed = code.lower().replace("-", " ")
    assert normalise_code(typed) == code
    done = device(app).post(
        "/account/reset", data={"code": typed, "new_password": NEW, "confirm": NEW}
    )
    assert done.status_code == 302
    assert get_user(app, "student1").check_password(NEW)


def test_a_code_expires_after_a_day(app: Flask, client, school, clock: FrozenClock):
    log_in_as(client, school["tina"])
    code = code_for(client, school["sam"])
    clock.advance(hours=23, minutes=59)
    assert "unknown, used or expired" not in device(app).get(f"/account/reset/{code}").get_data(
        as_text=True
    )
    clock.advance(minutes=1)
    page = device(app).get(f"/account/reset/{code}").get_data(as_text=True)
    assert "unknown, used or expired" in page


def test_a_newer_code_replaces_the_older(app: Flask, client, school):
    log_in_as(client, school["tina"])
    first, second = code_for(client, school["sam"]), code_for(client, school["sam"])
    data = {"new_password": NEW, "confirm": NEW}
    assert "unknown, used or expired" in device(app).post(
        f"/account/reset/{first}", data=data
    ).get_data(as_text=True)
    assert device(app).post(f"/account/reset/{second}", data=data).status_code == 302


def test_only_the_students_own_teacher_makes_codes(app: Flask, client, school, make_user):
    log_in_as(client, school["tom"])
    assert client.post(f"/account/reset-codes/{school['sam']}").status_code == 404
    assert client.post(f"/account/reset-codes/{school['tina']}").status_code == 404
    assert client.post("/account/reset-codes/999999").status_code == 404
    log_in_as(client, school["sam"])
    assert client.post(f"/account/reset-codes/{school['sam']}").status_code == 403


def test_a_forged_code_changes_nothing(app: Flask, school):
    page = device(app).post(
        "/account/reset", data={"code": "AAAA-BBBB-CCCC", "new_password": NEW, "confirm": NEW}
    )
    assert "unknown, used or expired" in page.get_data(as_text=True)
    assert not get_user(app, "student1").check_password(NEW)


def test_the_students_page_offers_the_code_to_their_teacher(app: Flask, client, school):
    log_in_as(client, school["tina"])
    page = client.get(f"/teacher/students/{school['sam']}/history").get_data(as_text=True)
    assert f'action="/account/reset-codes/{school["sam"]}"' in page
    assert "Make a password reset code for student1" in page

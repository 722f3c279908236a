"""The account page: change the password (other sessions end), download every record as JSON
and as CSV, delete the account (with the password; refused for a teacher with classes)."""

from __future__ import annotations

import io
import json
import zipfile

from flask import Flask

from quizapp.extensions import db
from quizapp.models import Attempt, Classroom, Membership, User
from tests.auth.test_sessions import device, log_in
from tests.conftest import PASSWORD, get_user
from tests.security.activity import log_in_as, make_activity

NEW = "a brand new passphrase"


def test_changing_the_password_needs_the_current_one(app: Flask, client, auth, student):
    auth.login()
    refused = client.post(
        "/account/password",
        data={"current_password": "not it at all", "new_password": NEW, "confirm": NEW},
    )
    assert "That is not your current password." in refused.get_data(as_text=True)
    assert get_user(app, "student1").check_password(PASSWORD)


def test_a_new_password_ends_the_other_sessions_but_not_this_one(app: Flask, student):
    laptop, phone = device(app), device(app)
    log_in(laptop)
    log_in(phone)
    response = laptop.post(
        "/account/password",
        data={"current_password": PASSWORD, "new_password": NEW, "confirm": NEW},
    )
    assert response.status_code == 302
    assert laptop.get("/history/").status_code == 200
    assert phone.get("/history/").status_code == 302
    assert get_user(app, "student1").check_password(NEW)


def test_a_short_or_mismatched_new_password_is_refused(client, auth, student):
    auth.login()
    page = client.post(
        "/account/password",
        data={"current_password": PASSWORD, "new_password": "short", "confirm": "short"},
    ).get_data(as_text=True)
    assert "at least 10 characters" in page
    page = client.post(
        "/account/password",
        data={"current_password": PASSWORD, "new_password": NEW, "confirm": NEW + "!"},
    ).get_data(as_text=True)
    assert "The passwords differ." in page


def test_my_data_holds_every_record_and_no_secret(app: Flask, client, make_user):
    activity = make_activity(app, client, make_user("alice"))
    log_in_as(client, activity.user_id)
    records = json.loads(client.get("/account/data.json").get_data(as_text=True))
    assert records["account"]["username"] == "alice"
    assert "password_hash" not in records["account"]
    assert "session_version" not in records["account"]
    with app.app_context():
        answers = db.session.query(Attempt).filter_by(user_id=activity.user_id).count()
    assert len(records["answers"]) == answers > 0
    assert {card["id"] for card in records["cards"]} == set(activity.card_ids)
    assert len(records["quizzes"]) == 2

    archive = zipfile.ZipFile(io.BytesIO(client.get("/account/data.zip").data))
    names = set(archive.namelist())
    assert {"account.csv", "answers.csv", "cards.csv", "quizzes.csv", "ratings.csv"} <= names
    answers_csv = archive.read("answers.csv").decode().splitlines()
    assert len(answers_csv) == answers + 1  # a header and one line per answer


def test_deleting_my_account_removes_everything_of_mine(app: Flask, client, make_user):
    other = make_activity(app, client, make_user("bob"))
    activity = make_activity(app, client, make_user("alice"))
    log_in_as(client, activity.user_id)
    refused = client.post("/account/delete", data={"password": "wrong password here"})
    assert "That is not your password." in refused.get_data(as_text=True)
    assert client.post("/account/delete", data={"password": PASSWORD}).status_code == 302
    with app.app_context():
        assert db.session.get(User, activity.user_id) is None
        assert db.session.query(Attempt).filter_by(user_id=activity.user_id).count() == 0
        assert db.session.query(Attempt).filter_by(user_id=other.user_id).count() > 0
    assert client.get("/history/").status_code == 302


def test_a_teacher_with_classes_cannot_delete_the_account(app: Flask, client, make_user):
    teacher = make_user("tina", teacher=True)
    with app.app_context():
        db.session.add(Classroom(name="5B", join_code="ABCD-EFGH", teacher_id=teacher))
        db.session.commit()
    log_in_as(client, teacher)
    page = client.get("/account/").get_data(as_text=True)
    assert "You still teach 1 class(es)" in page
    refused = client.post("/account/delete", data={"password": PASSWORD})
    assert "You still teach 1 class(es)" in refused.get_data(as_text=True)
    with app.app_context():
        assert db.session.get(User, teacher) is not None


def test_the_only_admin_cannot_delete_the_account_until_there_is_another(
    app: Flask, client, make_user
):
    head = make_user("head", admin=True)
    log_in_as(client, head)
    refused = client.post("/account/delete", data={"password": PASSWORD})
    assert "You are the only admin" in refused.get_data(as_text=True)
    with app.app_context():
        assert db.session.get(User, head) is not None
    make_user("deputy", admin=True)
    client.post("/account/delete", data={"password": PASSWORD})
    with app.app_context():
        assert db.session.get(User, head) is None


def test_a_student_leaving_keeps_the_class(app: Flask, client, make_user):
    teacher = make_user("tina", teacher=True)
    student = make_user("sam")
    with app.app_context():
        room = Classroom(name="5B", join_code="ABCD-EFGH", teacher_id=teacher)
        db.session.add(room)
        db.session.flush()
        db.session.add(Membership(classroom_id=room.id, user_id=student))
        db.session.commit()
        room_id = room.id
    log_in_as(client, student)
    assert client.post("/account/delete", data={"password": PASSWORD}).status_code == 302
    with app.app_context():
        assert db.session.get(Classroom, room_id) is not None
        assert db.session.query(Membership).count() == 0

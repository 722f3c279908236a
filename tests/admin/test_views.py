"""The admin page: list teachers and admins, make and unmake teachers; admins only."""

from __future__ import annotations

import re

from flask import Flask

from tests.conftest import get_user

from ..support.classes import make_class


def test_make_and_unmake_a_teacher(app: Flask, client, auth, make_user, student) -> None:
    make_user("head", admin=True)
    make_class(app, make_user("teacher2", teacher=True))
    auth.login("head")
    page = client.get("/admin/").text
    assert re.search(r"teacher2</th>\s*<td>teacher</td>\s*<td>1</td>", page)  # one class
    assert "1 student account." in page
    resp = client.post("/admin/teachers", data={"username": " Student1 "}, follow_redirects=True)
    assert "student1 is now a teacher." in resp.text
    assert get_user(app, "student1").role == "teacher"
    again = client.post("/admin/teachers", data={"username": "student1"}, follow_redirects=True)
    assert "student1 is already a teacher; nothing changed." in again.text
    resp = client.post(
        f"/admin/users/{student}/role", data={"role": "student"}, follow_redirects=True
    )
    assert "student1 is now a student." in resp.text
    assert get_user(app, "student1").role == "student"


def test_bad_requests_change_nothing(app: Flask, client, auth, make_user, student) -> None:
    head = make_user("head", admin=True)
    other_admin = make_user("deputy", admin=True)
    auth.login("head")
    missing = client.post("/admin/teachers", data={"username": "nobody"})
    assert missing.status_code == 200 and "No account is called &#39;nobody&#39;" in missing.text
    empty = client.post("/admin/teachers", data={"username": ""})
    assert "Enter the username of the account" in empty.text
    for user_id in (head, other_admin):
        resp = client.post(
            f"/admin/users/{user_id}/role", data={"role": "student"}, follow_redirects=True
        )
        assert "is an admin; change admins with `flask users`" in resp.text
    assert client.post(f"/admin/users/{student}/role", data={"role": "admin"}).status_code == 400
    assert client.post("/admin/users/999999/role", data={"role": "teacher"}).status_code == 404
    assert {get_user(app, n).role for n in ("head", "deputy")} == {"admin"}
    assert get_user(app, "student1").role == "student"


def test_only_admins_get_in(client, auth, teacher, student) -> None:
    for who in ("teacher1", "student1"):
        auth.login(who)
        assert client.get("/admin/").status_code == 403
        assert client.post("/admin/teachers", data={"username": "student1"}).status_code == 403
        assert 'href="/admin/"' not in client.get("/").text
        auth.logout()
    assert client.get("/admin/").status_code == 302  # visitors log in first

"""Register, log in, log out, open-redirect protection, CSRF and the teacher guard."""

from __future__ import annotations

import pytest
from flask import Flask

from quizapp.auth.rules import safe_next
from tests.conftest import PASSWORD, get_user


def register(client, username="newbie", password=PASSWORD, confirm=None):
    return client.post(
        "/auth/register",
        data={"username": username, "password": password, "confirm": confirm or password},
    )


def test_register_page_has_labelled_fields(client) -> None:
    html = client.get("/auth/register").get_data(as_text=True)
    for field in ("username", "password", "confirm"):
        assert f'<label for="{field}">' in html


def test_the_first_account_registered_is_the_admin(app: Flask, client, auth) -> None:
    resp = register(client, "head")
    assert resp.status_code == 302 and get_user(app, "head").role == "admin"
    home = client.get("/").get_data(as_text=True)
    assert "As the first account you are the admin" in home
    assert 'href="/admin/">Admin' in home and 'href="/teacher/">Teacher' in home
    auth.logout()
    register(client, "second")
    assert get_user(app, "second").role == "student"


def test_register_returns_to_the_page_asked_for(client) -> None:
    """A join link opened before having an account comes back after registering."""
    login = client.get("/join/KXMT-47RA", follow_redirects=True).get_data(as_text=True)
    assert 'href="/auth/register?next=/join/KXMT-47RA"' in login
    page = client.get("/auth/register?next=/join/KXMT-47RA").get_data(as_text=True)
    assert 'value="/join/KXMT-47RA"' in page
    resp = client.post(
        "/auth/register",
        data={"username": "newbie", "password": PASSWORD, "confirm": PASSWORD,
              "next": "/join/KXMT-47RA"},
    )  # fmt: skip
    assert resp.headers["Location"] == "/join/KXMT-47RA"
    client.post("/auth/logout")
    evil = {"username": "newbie2", "password": PASSWORD, "confirm": PASSWORD}
    resp = client.post("/auth/register", data={**evil, "next": "//evil.example/"})
    assert resp.headers["Location"] == "/"


def test_register_creates_a_student_and_logs_in(app: Flask, client, teacher) -> None:
    app.config["PASSWORD_HASH_METHOD"] = "scrypt"  # the default (the suite sets a cheap one)
    resp = register(client, "New.User_1")
    assert resp.status_code == 302
    user = get_user(app, "new.user_1")
    assert user is not None and user.role == "student"
    assert user.password_hash.startswith("scrypt:")
    assert PASSWORD not in user.password_hash
    assert "Log out" in client.get("/").get_data(as_text=True)


@pytest.mark.parametrize(
    ("username", "message"),
    [
        ("ab", "Use 3 to 32 characters"),
        ("x" * 33, "Use 3 to 32 characters"),
        ("bad name", "Use 3 to 32 characters"),
        ("émile", "Use 3 to 32 characters"),
        ("<script>", "Use 3 to 32 characters"),
    ],
)
def test_register_rejects_invalid_usernames(client, username: str, message: str) -> None:
    resp = register(client, username)
    assert resp.status_code == 200
    assert message in resp.get_data(as_text=True)


def test_register_rejects_duplicate_username_case_insensitively(client, student) -> None:
    resp = register(client, "STUDENT1")
    assert "That username is taken." in resp.get_data(as_text=True)


def test_register_rejects_short_password_and_mismatch(client) -> None:
    assert "at least 10 characters" in register(client, password="short").get_data(as_text=True)
    resp = register(client, password=PASSWORD, confirm=PASSWORD + "x")
    assert "The passwords differ." in resp.get_data(as_text=True)


def test_login_logout(client, auth, student) -> None:
    assert auth.login().status_code == 302
    with client.session_transaction() as sess:
        assert sess["_user_id"] == f"{student}.0"
    resp = auth.logout()
    assert resp.status_code == 302
    with client.session_transaction() as sess:
        assert "_user_id" not in sess


def test_login_is_case_insensitive_and_wrong_password_fails(client, auth, student) -> None:
    assert auth.login("Student1").status_code == 302
    auth.logout()
    resp = auth.login(password="wrong password!")
    assert resp.status_code == 200
    assert "Wrong username or password." in resp.get_data(as_text=True)


def test_login_clears_the_previous_session(client, auth, student) -> None:
    with client.session_transaction() as sess:
        sess["planted"] = "by an attacker"
    auth.login()
    with client.session_transaction() as sess:
        assert "planted" not in sess


def test_logout_needs_post(client, auth, student) -> None:
    auth.login()
    assert client.get("/auth/logout").status_code == 405


@pytest.mark.parametrize(
    "target",
    [
        "//evil.example",
        "/\\evil.example",
        "\\\\evil.example",
        "http://evil.example/",
        "https:evil.example",
        "javascript:alert(1)",
        "/\t/evil.example",
        " //evil.example",
        "evil.example",
    ],
)
def test_next_rejects_offsite_targets(client, auth, student, target: str) -> None:
    assert safe_next(target) is None
    resp = auth.login(next=target)
    assert resp.status_code == 302
    assert resp.headers["Location"] == "/"


def test_next_follows_local_paths(client, auth, student) -> None:
    assert safe_next("/history?page=2") == "/history?page=2"
    resp = auth.login(next="/auth/register?x=1")
    assert resp.headers["Location"] == "/auth/register?x=1"


def test_login_required_redirects_with_next(app: Flask, client) -> None:
    resp = client.post("/auth/logout")
    assert resp.status_code == 302
    assert resp.headers["Location"].startswith("/auth/login?next=")


class TestCSRF:
    @pytest.fixture
    def app_config(self) -> dict[str, object]:
        return {"WTF_CSRF_ENABLED": True}

    def test_post_without_token_is_rejected(self, client, student) -> None:
        resp = client.post("/auth/login", data={"username": "student1", "password": PASSWORD})
        assert resp.status_code == 400
        assert "form expired" in resp.get_data(as_text=True)

    def test_post_with_token_is_accepted(self, client, student) -> None:
        html = client.get("/auth/login").get_data(as_text=True)
        token = html.split('name="csrf_token" type="hidden" value="')[1].split('"')[0]
        resp = client.post(
            "/auth/login", data={"username": "student1", "password": PASSWORD, "csrf_token": token}
        )
        assert resp.status_code == 302

    def test_logout_without_token_is_rejected(self, client, student) -> None:
        html = client.get("/auth/login").get_data(as_text=True)
        token = html.split('name="csrf_token" type="hidden" value="')[1].split('"')[0]
        client.post(
            "/auth/login", data={"username": "student1", "password": PASSWORD, "csrf_token": token}
        )
        assert client.post("/auth/logout").status_code == 400

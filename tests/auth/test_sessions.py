"""Sessions end when they should: a cookie copied before log-out (or a password change) is
refused after it, on every device; authenticated pages are never cached; log-in costs the
same scrypt check whether or not the account exists."""

from __future__ import annotations

from flask import Flask
from flask.testing import FlaskClient

from quizapp.auth import operations
from tests.conftest import PASSWORD


def device(app: Flask, *, session: str | None = None, remember: str | None = None) -> FlaskClient:
    """A browser of its own (not pytest-flask's ``client``, which keeps its last request's
    context, and with it the logged-in user, alive into the next client's request)."""
    browser = app.test_client()
    if session is not None:
        browser.set_cookie("session", session)
    if remember is not None:
        browser.set_cookie("remember_token", remember)
    return browser


def log_in(browser: FlaskClient, **extra: str) -> None:
    response = browser.post(
        "/auth/login", data={"username": "student1", "password": PASSWORD, **extra}
    )
    assert response.status_code == 302


def cookie(browser: FlaskClient, name: str) -> str:
    found = browser.get_cookie(name)
    assert found is not None, name
    return found.value


def test_a_session_cookie_copied_before_logout_is_refused_after(app, student):
    laptop = device(app)
    log_in(laptop)
    copied = cookie(laptop, "session")
    assert device(app, session=copied).get("/history/").status_code == 200
    laptop.post("/auth/logout")
    assert device(app, session=copied).get("/history/").status_code == 302


def test_a_remember_token_copied_before_logout_no_longer_logs_in(app, student):
    laptop = device(app)
    log_in(laptop, remember="y")
    remember = cookie(laptop, "remember_token")
    assert device(app, remember=remember).get("/history/").status_code == 200
    laptop.post("/auth/logout")
    assert device(app, remember=remember).get("/history/").status_code == 302


def test_logging_out_on_one_device_ends_the_others(app, student):
    laptop, phone = device(app), device(app)
    log_in(laptop)
    log_in(phone)
    assert phone.get("/history/").status_code == 200
    laptop.post("/auth/logout")
    assert phone.get("/history/").status_code == 302


def test_a_malformed_or_old_style_cookie_id_is_no_login(app, student):
    browser = device(app)
    for forged in (str(student), f"{student}.", f"{student}.x", f"{student}.99", ".0", "1.0.0"):
        with browser.session_transaction() as sess:
            sess["_user_id"] = forged
        assert browser.get("/history/").status_code == 302, forged


def test_authenticated_pages_are_not_stored(client, auth, student):
    assert "no-store" not in client.get("/auth/login").headers.get("Cache-Control", "")
    auth.login()
    for url in ("/", "/history/", "/settings"):
        assert client.get(url).headers["Cache-Control"] == "no-store", url
    static = client.get("/static/style.css")
    static.close()
    assert "no-store" not in static.headers.get("Cache-Control", "")


def test_an_unknown_username_costs_the_same_password_check(app, student, monkeypatch):
    checked: list[str] = []
    real = operations.check_password_hash

    def counting(pwhash: str, password: str) -> bool:
        checked.append(pwhash.split("$", 1)[0])
        return real(pwhash, password)

    monkeypatch.setattr(operations, "check_password_hash", counting)
    monkeypatch.setattr("quizapp.models.user.check_password_hash", counting)
    with app.app_context():
        assert operations.authenticate("nobody-here", "a wrong password") is None
        assert operations.authenticate("student1", "a wrong password") is None
        assert operations.authenticate("student1", PASSWORD) is not None
    assert len(checked) == 3
    assert len({method for method in checked}) == 1
    assert checked[0].startswith(app.config["PASSWORD_HASH_METHOD"].split(":")[0])

"""Error pages, the teacher guard and the 500 rollback."""

from __future__ import annotations

import pytest
from flask import Flask

from quizapp.auth.decorators import teacher_required
from quizapp.extensions import db
from quizapp.models import User


@pytest.fixture
def app(app: Flask) -> Flask:
    """The app with a teacher-only page and a page that fails half-way through a write."""

    @app.route("/_teacher-only")
    @teacher_required
    def teacher_only() -> str:
        return "secret class results"

    @app.route("/_boom", methods=["POST"])
    def boom() -> str:
        db.session.add(User(username="ghost", password_hash="x", role="student"))
        db.session.flush()
        raise RuntimeError("crash mid-write")

    app.config["PROPAGATE_EXCEPTIONS"] = False
    return app


def test_404_page(client) -> None:
    resp = client.get("/no/such/page")
    assert resp.status_code == 404
    assert "404 — Not Found" in resp.get_data(as_text=True)


def test_405_page(client) -> None:
    assert client.put("/").status_code == 405


def test_413_for_oversized_body(client) -> None:
    resp = client.post("/auth/login", data={"username": "x" * 300_000, "password": "y"})
    assert resp.status_code == 413
    assert "too large" in resp.get_data(as_text=True)


def test_role_guard(client, auth, student, teacher) -> None:
    assert client.get("/_teacher-only").status_code == 302  # visitors go to the login page
    auth.login("student1")
    resp = client.get("/_teacher-only")
    assert resp.status_code == 403
    assert "not allowed" in resp.get_data(as_text=True)
    auth.logout()
    auth.login("teacher1")
    assert client.get("/_teacher-only").get_data(as_text=True) == "secret class results"


def test_500_rolls_back_and_the_app_keeps_working(app: Flask, client) -> None:
    resp = client.post("/_boom")
    assert resp.status_code == 500
    assert "Something went wrong" in resp.get_data(as_text=True)
    with app.app_context():
        assert db.session.execute(db.select(User).filter_by(username="ghost")).first() is None
    assert client.get("/").status_code == 200


def test_nav_shows_teacher_links_only_to_teachers(client, auth, student, teacher) -> None:
    auth.login("student1")
    html = client.get("/").get_data(as_text=True)
    assert "(teacher)" not in html
    assert 'href="/teacher/"' not in html
    assert 'href="/study"' in html and "Log out" in html
    auth.logout()
    auth.login("teacher1")
    html = client.get("/").get_data(as_text=True)
    assert "(teacher)" in html
    assert 'href="/teacher/"' in html

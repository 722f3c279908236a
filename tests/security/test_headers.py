"""Security headers on every response, HSTS and secure cookies only for HTTPS, ProxyFix."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from flask import Flask

from quizapp import create_app
from quizapp.extensions import db
from quizapp.models import LoginThrottle
from quizapp.security import CONTENT_SECURITY_POLICY

from ..conftest import PASSWORD, make_config

TEMPLATES = sorted(Path(__file__).resolve().parents[2].joinpath("quizapp").rglob("*.html"))
EXPECTED = {
    "Content-Security-Policy": (
        "default-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; "
        "object-src 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
}


def fetch(client, path: str):
    """GET ``path``, reading and closing the body (static files and CSV are streamed)."""
    with client.get(path) as resp:
        resp.get_data()
    return resp


@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("/", 200),
        ("/auth/login", 200),
        ("/study", 302),
        ("/no/such/page", 404),
        ("/static/style.css", 200),
        ("/static/app.js", 200),
    ],
)
def test_every_response_has_the_headers(client, path: str, status: int) -> None:
    resp = fetch(client, path)
    assert resp.status_code == status
    for name, value in EXPECTED.items():
        assert resp.headers[name] == value
    assert "Strict-Transport-Security" not in resp.headers


def test_logged_in_pages_and_csv_have_the_headers(client, auth, student) -> None:
    auth.login()
    for path in ("/study", "/history/", "/history/export.csv", "/flashcards/"):
        resp = fetch(client, path)
        assert resp.status_code == 200
        assert resp.headers["Content-Security-Policy"] == CONTENT_SECURITY_POLICY


def test_a_500_page_has_the_headers(app: Flask, client) -> None:
    @app.route("/_boom")
    def boom() -> str:
        raise RuntimeError("boom")

    app.config["PROPAGATE_EXCEPTIONS"] = False
    resp = client.get("/_boom")
    assert resp.status_code == 500
    assert resp.headers["X-Frame-Options"] == "DENY"


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_templates_need_nothing_the_policy_blocks(template: Path) -> None:
    """No inline script, inline style, event handler or javascript: URL survives the CSP."""
    html = template.read_text(encoding="utf-8")
    assert not re.search(r"\sstyle\s*=", html)
    assert not re.search(r"<style", html)
    assert not re.search(r"\son[a-z]+\s*=", html)
    assert "javascript:" not in html
    for tag in re.findall(r"<script\b[^>]*>", html):
        assert "src=" in tag


def https_app(tmp_path: Path, template_db: Path, monkeypatch: pytest.MonkeyPatch) -> Flask:
    """The app as configured with ``QUIZAPP_SECURE_COOKIES=true``."""
    monkeypatch.setenv("QUIZAPP_SECURE_COOKIES", "true")
    db_file = tmp_path / "https.sqlite"
    db_file.write_bytes(template_db.read_bytes())
    config = make_config(db_file)
    return create_app(config, instance_path=str(tmp_path / "instance"))


def test_https_config_sends_hsts_and_secure_cookies(
    tmp_path: Path, template_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = https_app(tmp_path, template_db, monkeypatch)
    assert app.config["SESSION_COOKIE_SECURE"] and app.config["REMEMBER_COOKIE_SECURE"]
    with app.app_context():
        from quizapp.auth.operations import create_user

        create_user("student1", PASSWORD)
        db.session.commit()
    client = app.test_client()
    resp = client.get("/auth/login", base_url="https://localhost")
    assert resp.headers["Strict-Transport-Security"] == "max-age=31536000"
    resp = client.post(
        "/auth/login",
        data={"username": "student1", "password": PASSWORD, "remember": "y"},
        base_url="https://localhost",
    )
    assert resp.status_code == 302
    cookies = {c.split("=", 1)[0]: c for c in resp.headers.getlist("Set-Cookie")}
    assert set(cookies) >= {"session", "remember_token"}
    for cookie in cookies.values():
        assert "; Secure" in cookie and "; HttpOnly" in cookie and "SameSite=Lax" in cookie
    with app.app_context():
        db.engine.dispose()


def test_plain_http_cookies_are_not_secure(client, student) -> None:
    resp = client.post(
        "/auth/login", data={"username": "student1", "password": PASSWORD, "remember": "y"}
    )
    cookies = resp.headers.getlist("Set-Cookie")
    assert cookies and all("; Secure" not in c and "; HttpOnly" in c for c in cookies)


@pytest.mark.parametrize(("hops", "counted"), [(0, "ip:10.0.0.1"), (1, "ip:203.0.113.7")])
def test_the_proxy_fix_is_opt_in(app: Flask, tmp_path: Path, hops: int, counted: str) -> None:
    """Only with PROXY_FIX does X-Forwarded-For name the client whose failures are counted."""
    proxied = create_app({**app.config, "PROXY_FIX": hops}, instance_path=str(tmp_path / "p"))
    proxied.test_client().post(
        "/auth/login",
        data={"username": "anyone", "password": "wrong password"},
        headers={"X-Forwarded-For": "203.0.113.7"},
        environ_base={"REMOTE_ADDR": "10.0.0.1"},
    )
    with proxied.app_context():
        keys = set(db.session.execute(db.select(LoginThrottle.key)).scalars())
    with proxied.app_context():
        db.engine.dispose()
    assert keys == {"user:anyone", counted}

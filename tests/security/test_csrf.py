"""With CSRF protection on (as in production), every POST route refuses a form without a token."""

from __future__ import annotations

import re

import pytest
from flask import Flask

from .activity import log_in_as
from .test_fuzz import QUESTION_IDS, ROUTES, edge_url

POSTS = [endpoint for endpoint, method in ROUTES if method == "POST"]


@pytest.fixture
def app_config(clock) -> dict[str, object]:
    """CSRF protection on."""
    return {"CLOCK": clock, "WTF_CSRF_ENABLED": True}


def test_the_app_has_post_routes() -> None:
    assert {"auth.login", "study.answer", "teacher.reload_bank"} <= set(POSTS)


@pytest.mark.parametrize("endpoint", POSTS)
@pytest.mark.parametrize("who", [None, "student", "teacher"])
def test_a_post_without_a_token_is_refused(
    app: Flask, client, make_user, endpoint: str, who: str | None
) -> None:
    rule = next(r for r in app.url_map.iter_rules() if r.endpoint == endpoint)
    url = edge_url(rule, "1" if "<int:" in rule.rule else QUESTION_IDS[0])
    log_in_as(client, make_user(who, teacher=who == "teacher") if who else None)
    resp = client.post(url, data={"username": "x", "password": "y" * 12, "rating": "3"})
    assert resp.status_code == 400
    assert "The form expired or was sent from elsewhere" in resp.get_data(as_text=True)


def test_a_post_with_its_token_gets_through(client) -> None:
    page = client.get("/auth/login").get_data(as_text=True)
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page)
    assert token
    data = {"username": "nobody", "password": "wrong password", "csrf_token": token[1]}
    resp = client.post("/auth/login", data=data)
    assert resp.status_code == 200
    assert "Wrong username or password." in resp.get_data(as_text=True)

"""With CSRF protection on (as in production) an answer without its token is refused."""

from __future__ import annotations

import re

import pytest

from tests.conftest import PASSWORD

from .conftest import RIGHT, attempts


@pytest.fixture
def app_config(clock) -> dict[str, object]:
    """CSRF protection on, as in production."""
    return {"CLOCK": clock, "WTF_CSRF_ENABLED": True}


def csrf_token(page: str) -> str:
    """The CSRF token of the first form on ``page``."""
    found = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page)
    assert found
    return found[1]


def test_answer_without_csrf_token_is_rejected(app, client, student) -> None:
    login_page = client.get("/auth/login").get_data(as_text=True)
    form = {"username": "student1", "password": PASSWORD, "csrf_token": csrf_token(login_page)}
    client.post("/auth/login", data=form)
    study = client.get("/study").get_data(as_text=True)
    resp = client.post(
        "/study",
        data={
            "mode": "topics",
            "topics": ["people"],
            "length": "5",
            "csrf_token": csrf_token(study),
        },
    )
    url = resp.location
    page = client.get(url).get_data(as_text=True)
    question_id = re.search(r'name="question_id" type="hidden" value="([^"]+)"', page)[1]
    form = {"position": "0", "question_id": question_id, **RIGHT[question_id]}
    rejected = client.post(url, data=form)
    assert rejected.status_code == 400 and "The form expired" in rejected.get_data(as_text=True)
    assert attempts(app) == []
    accepted = client.post(url, data={**form, "csrf_token": csrf_token(page)})
    assert accepted.status_code == 302 and len(attempts(app)) == 1

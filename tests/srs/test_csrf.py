"""With CSRF protection on, every spaced-repetition form carries a token and needs it."""

from __future__ import annotations

import re

import pytest

from tests.conftest import PASSWORD

from .test_views import make_card


@pytest.fixture
def app_config(clock) -> dict[str, object]:
    """CSRF protection on, as in production."""
    return {"CLOCK": clock, "WTF_CSRF_ENABLED": True}


def token(page: str) -> str:
    """The CSRF token of the first form on ``page``."""
    found = re.search(r'name="csrf_token" (?:type="hidden" )?value="([^"]+)"', page)
    assert found, "no CSRF token on the page"
    return found[1]


@pytest.fixture
def logged_in(client, student):
    """A student logged in through the real form, token and all."""
    page = client.get("/auth/login").get_data(as_text=True)
    data = {"username": "student1", "password": PASSWORD, "csrf_token": token(page)}
    assert client.post("/auth/login", data=data).status_code == 302
    return client


def test_every_post_needs_its_token(app, logged_in, student) -> None:
    client = logged_in
    card_id = make_card(app, student, "lample-model")
    forms = [
        ("/review", "/review", {}),
        ("/review/cards", f"/review/cards/{card_id}/suspend", {}),
        ("/review/cards", f"/review/cards/{card_id}/unsuspend", {}),
        (
            "/flashcards/q/lample-model?flipped=1",
            "/flashcards/q/lample-model",
            {"rating": "3", "reps": "1"},
        ),
        (
            "/settings",
            "/settings",
            {
                "desired_retention": "0.9",
                "new_per_day": "20",
                "reviews_per_day": "200",
                "timezone": "UTC",
            },
        ),
    ]
    for page_url, post_url, data in forms:
        page = client.get(page_url).get_data(as_text=True)
        assert 'name="csrf_token"' in page, page_url
        refused = client.post(post_url, data=data)
        assert refused.status_code == 400, post_url
        accepted = client.post(post_url, data={**data, "csrf_token": token(page)})
        assert accepted.status_code == 302, (post_url, accepted.status_code)
    undo_page = client.get("/flashcards/").get_data(as_text=True)
    assert "Undo last rating" in undo_page
    assert client.post("/flashcards/undo").status_code == 400
    assert client.post("/flashcards/undo", data={"csrf_token": token(undo_page)}).status_code == 302

"""``/_bench/whoami``: the login check alone, the floor under every logged-in page."""

from __future__ import annotations

import pytest


@pytest.fixture
def app_config() -> dict[str, object]:
    return {"BENCH_HELLO": True}


def test_whoami_needs_a_login(client) -> None:
    response = client.get("/_bench/whoami")
    assert response.status_code == 302 and "/auth/login" in response.location


def test_whoami_gives_the_logged_in_id(client, auth, student) -> None:
    auth.login()
    response = client.get("/_bench/whoami")
    assert response.status_code == 200 and response.get_data(as_text=True) == str(student)
    assert response.mimetype == "text/plain"

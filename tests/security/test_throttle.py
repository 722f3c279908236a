"""Login throttling: per username, per address, shared by every worker, reset by a success."""

from __future__ import annotations

import threading
from datetime import timedelta

import pytest
from flask import Flask
from flask.testing import FlaskClient

from quizapp import create_app
from quizapp.auth import throttle
from quizapp.extensions import db
from quizapp.models import LoginThrottle, User

from ..conftest import PASSWORD
from .conftest import FrozenClock

WRONG = "not the password"


def login(client: FlaskClient, username: str, password: str = WRONG, address: str = "10.0.0.1"):
    return client.post(
        "/auth/login",
        data={"username": username, "password": password},
        environ_base={"REMOTE_ADDR": address},
    )


def fail(client: FlaskClient, username: str, times: int, address: str = "10.0.0.1") -> None:
    for _ in range(times):
        assert login(client, username, address=address).status_code == 200


def test_five_failures_lock_the_username(client, student, clock: FrozenClock) -> None:
    fail(client, "student1", 5)
    resp = login(client, "student1", PASSWORD)
    assert resp.status_code == 429
    page = resp.get_data(as_text=True)
    assert "Too many failed log-ins for this username. Try again in 15 minutes" in page
    assert "(after 09:15 UTC)" in page
    assert resp.headers["Retry-After"] == "900"
    with client.session_transaction() as sess:
        assert "_user_id" not in sess


def test_a_locked_attempt_never_checks_the_password(
    client, student, monkeypatch: pytest.MonkeyPatch
) -> None:
    fail(client, "student1", 5)
    checked: list[str] = []
    monkeypatch.setattr(User, "check_password", lambda self, pw: checked.append(pw) or True)
    assert login(client, "student1", PASSWORD).status_code == 429
    assert checked == []


def test_the_lock_ends_after_the_window(client, student, clock: FrozenClock) -> None:
    fail(client, "student1", 5)
    clock.advance(minutes=14)
    resp = login(client, "student1", PASSWORD)
    assert resp.status_code == 429
    assert "Try again in 1 minute " in resp.get_data(as_text=True)
    clock.advance(minutes=1)
    assert login(client, "student1", PASSWORD).status_code == 302


def test_failures_older_than_the_window_do_not_count(client, student, clock) -> None:
    fail(client, "student1", 4)
    clock.advance(minutes=15)
    fail(client, "student1", 4)
    assert login(client, "student1", PASSWORD).status_code == 302


def test_a_success_resets_the_username(client, auth, student) -> None:
    fail(client, "student1", 4)
    assert login(client, "student1", PASSWORD).status_code == 302
    auth.logout()
    fail(client, "student1", 4)
    assert login(client, "student1", PASSWORD).status_code == 302


def test_usernames_are_counted_case_insensitively(client, student) -> None:
    fail(client, "Student1", 3)
    fail(client, "STUDENT1 ", 2)
    assert login(client, "student1", PASSWORD).status_code == 429


def test_unknown_usernames_are_throttled_too(client) -> None:
    fail(client, "nobody", 5)
    assert "for this username" in login(client, "nobody").get_data(as_text=True)


def test_twenty_failures_from_one_address_lock_it(client, student) -> None:
    for n in range(20):
        assert login(client, f"guess{n}").status_code == 200
    resp = login(client, "student1", PASSWORD)
    assert resp.status_code == 429
    assert "from your network" in resp.get_data(as_text=True)
    assert login(client, "student1", PASSWORD, address="10.0.0.2").status_code == 302


def test_a_success_does_not_reset_the_address(client, auth, student) -> None:
    for n in range(19):
        login(client, f"guess{n}")
    assert login(client, "student1", PASSWORD).status_code == 302
    auth.logout()
    login(client, "guess-last")
    assert login(client, "student1", PASSWORD).status_code == 429


def test_limits_come_from_the_config(app: Flask, client, student) -> None:
    app.config.update(LOGIN_USER_LIMIT=2, LOGIN_WINDOW_SECONDS=60)
    fail(client, "student1", 2)
    resp = login(client, "student1", PASSWORD)
    assert resp.status_code == 429 and resp.headers["Retry-After"] == "60"


def test_counters_are_shared_by_workers(app: Flask, client, student, tmp_path) -> None:
    """A second app on the same database (another worker) sees the same counters."""
    other = create_app(dict(app.config), instance_path=str(tmp_path / "other"))
    fail(client, "student1", 3)
    fail(other.test_client(), "student1", 2)
    assert login(client, "student1", PASSWORD).status_code == 429
    assert login(other.test_client(), "student1", PASSWORD).status_code == 429
    with other.app_context():
        db.engine.dispose()


def test_old_rows_are_pruned(app: Flask, client, clock: FrozenClock) -> None:
    fail(client, "first", 1)
    clock.advance(minutes=16)
    fail(client, "second", 1, address="10.0.0.9")
    with app.app_context():
        keys = set(db.session.execute(db.select(LoginThrottle.key)).scalars())
    assert keys == {"user:second", "ip:10.0.0.9"}


def test_lockout_message_and_wait(clock: FrozenClock) -> None:
    lock = throttle.Lockout(clock.now + timedelta(seconds=61), "address")
    assert lock.seconds_left(clock.now) == 61
    assert lock.message(clock.now) == (
        "Too many failed log-ins from your network. Try again in 2 minutes (after 09:01 UTC)."
    )


def test_keys_are_bounded() -> None:
    assert throttle.user_key("  Ann ") == "user:ann"
    assert throttle.ip_key(None) == "ip:unknown"
    assert len(throttle.user_key("x" * 500)) == throttle.KEY_LENGTH


def test_parallel_guesses_are_counted_one_by_one(app: Flask, student) -> None:
    """Twelve guesses at once: exactly five are checked, the rest refused."""
    barrier = threading.Barrier(12)
    codes: list[int] = []

    def guess() -> None:
        client = app.test_client()
        barrier.wait()
        codes.append(login(client, "student1").status_code)

    threads = [threading.Thread(target=guess) for _ in range(12)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(codes) == [200] * 5 + [429] * 7
    with app.app_context():
        assert db.session.get(LoginThrottle, "user:student1").failures == 5

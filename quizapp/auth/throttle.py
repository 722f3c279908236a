"""Login throttling per username and per client address, counted in the database.

Every worker reads and writes the same ``login_throttle`` rows, so the limits hold however
many processes serve the app. The rules (settings in brackets, defaults in `quizapp.config`):

* ``LOGIN_USER_LIMIT`` (5) failed log-ins for one username within ``LOGIN_WINDOW_SECONDS``
  (15 minutes) lock that username for the same length of time;
* ``LOGIN_IP_LIMIT`` (20) failed log-ins from one address within the window lock the address;
* while locked, attempts are refused before the password is checked, and are not counted;
* a successful log-in clears its username's counter, not its address's: one good account must
  not wipe out the guesses made from the same address at other accounts.

Concurrency: `check` locks the username's row (``SELECT ... FOR UPDATE`` on PostgreSQL; on
SQLite a POST already holds the write lock from ``BEGIN IMMEDIATE``) until the request commits,
so parallel guesses at one username are counted one after another. The address's row is only
locked when a failure is counted, so a classroom behind one address is not serialised.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from flask import current_app
from sqlalchemy import delete, select
from sqlalchemy.dialects import postgresql, sqlite

from ..extensions import db
from ..models import LoginThrottle
from .rules import normalise_username

KEY_LENGTH = 120


@dataclass(frozen=True)
class Lockout:
    """Attempts are refused until ``until``, because of too many failures for ``reason``."""

    until: datetime
    reason: str  # "username" or "address"

    def seconds_left(self, now: datetime) -> int:
        """Whole seconds to wait (at least 1), for a ``Retry-After`` header."""
        return max(1, int((self.until - now).total_seconds() + 0.999))

    def message(self, now: datetime) -> str:
        """What to tell the person at the log-in form."""
        minutes = max(1, -(-self.seconds_left(now) // 60))
        source = "for this username" if self.reason == "username" else "from your network"
        unit = "minute" if minutes == 1 else "minutes"
        return (
            f"Too many failed log-ins {source}. Try again in {minutes} {unit} "
            f"(after {self.until:%H:%M} UTC)."
        )


def user_key(username: str) -> str:
    """The counter's key for a username (compared case-insensitively, like log-ins)."""
    return f"user:{normalise_username(username)}"[:KEY_LENGTH]


def ip_key(address: str | None) -> str:
    """The counter's key for a client address (``request.remote_addr``)."""
    return f"ip:{address or 'unknown'}"[:KEY_LENGTH]


def _window() -> timedelta:
    return timedelta(seconds=float(current_app.config["LOGIN_WINDOW_SECONDS"]))


def _insert_if_missing(key: str, now: datetime) -> None:
    """Create the key's row unless it exists, without failing when another worker races us."""
    on_postgres = db.session.get_bind().dialect.name == "postgresql"
    insert = postgresql.insert if on_postgres else sqlite.insert
    values = {
        "key": key,
        "failures": 0,
        "window_start": now,
        "locked_until": None,
        "expires_at": now + _window(),
    }
    db.session.execute(
        insert(LoginThrottle).values(**values).on_conflict_do_nothing(index_elements=["key"])
    )


def _claim(key: str, now: datetime) -> LoginThrottle:
    """The key's row, locked for this transaction, its counter restarted if its time is over."""
    for _ in range(3):  # a concurrent prune may delete the row between insert and select
        _insert_if_missing(key, now)
        row = db.session.execute(
            select(LoginThrottle)
            .where(LoginThrottle.key == key)
            .with_for_update()
            .execution_options(populate_existing=True)
        ).scalar_one_or_none()
        if row is not None:
            break
    else:
        raise RuntimeError(f"could not claim the login throttle row {key!r}")
    locked = row.locked_until is not None and row.locked_until > now
    if not locked and row.window_start + _window() <= now:
        row.failures, row.window_start, row.locked_until = 0, now, None
        row.expires_at = now + _window()
        db.session.flush()
    return row


def _lockout(row: LoginThrottle | None, now: datetime, reason: str) -> Lockout | None:
    if row is not None and row.locked_until is not None and row.locked_until > now:
        return Lockout(row.locked_until, reason)
    return None


def check(username: str, address: str | None, now: datetime) -> Lockout | None:
    """The lockout that refuses this attempt, or None to go on and check the password.

    Locks the username's row until the request's transaction ends (see the module docstring).
    """
    by_user = _lockout(_claim(user_key(username), now), now, "username")
    by_address = _lockout(db.session.get(LoginThrottle, ip_key(address)), now, "address")
    found = [lock for lock in (by_user, by_address) if lock is not None]
    return max(found, key=lambda lock: lock.until) if found else None


def _count(row: LoginThrottle, limit: int, now: datetime) -> None:
    row.failures += 1
    if row.failures >= limit:
        row.locked_until = now + _window()
    row.expires_at = max(row.window_start + _window(), row.locked_until or now)


def record_failure(username: str, address: str | None, now: datetime) -> None:
    """Count a wrong password (or unknown username) for the username and the address."""
    config = current_app.config
    _count(_claim(user_key(username), now), int(config["LOGIN_USER_LIMIT"]), now)
    _count(_claim(ip_key(address), now), int(config["LOGIN_IP_LIMIT"]), now)
    db.session.flush()
    prune(now)


def record_success(username: str) -> None:
    """A right password: forget the username's failures."""
    db.session.execute(delete(LoginThrottle).where(LoginThrottle.key == user_key(username)))


def prune(now: datetime) -> None:
    """Delete rows that no longer count; rows other requests hold are left for later."""
    stale = (
        select(LoginThrottle.key)
        .where(LoginThrottle.expires_at <= now)
        .with_for_update(skip_locked=True)
    )
    db.session.execute(
        delete(LoginThrottle)
        .where(LoginThrottle.key.in_(stale.scalar_subquery()))
        .execution_options(synchronize_session=False)
    )

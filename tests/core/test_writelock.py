"""The write queue: SQLite writers of the app wait their turn on a lock beside the database."""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path

import pytest
from flask import Flask
from sqlalchemy import text

from quizapp.database import write_intent
from quizapp.extensions import db
from quizapp.writelock import WriteLock

PROBE = """
import fcntl, os, sys
fd = os.open(sys.argv[1], os.O_RDWR | os.O_CREAT)
try:
    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
except BlockingIOError:
    sys.exit(1)
"""


def free_in_another_process(path: str | Path) -> bool:
    """True when another process could take the lock file right now."""
    return subprocess.run([sys.executable, "-c", PROBE, str(path)], check=False).returncode == 0


def test_threads_take_turns(tmp_path: Path) -> None:
    lock = WriteLock(tmp_path / "db-writelock")
    assert lock.acquire(1, timeout=5)
    got = threading.Event()

    def other() -> None:
        if lock.acquire(2, timeout=5):
            got.set()
            lock.release(2)

    thread = threading.Thread(target=other)
    thread.start()
    assert not got.wait(0.2)  # waiting for the first writer
    lock.release(1)
    assert got.wait(5)
    thread.join(5)


def test_other_processes_wait_until_it_is_released(tmp_path: Path) -> None:
    lock = WriteLock(tmp_path / "db-writelock")
    assert lock.acquire(1, timeout=5)
    assert not free_in_another_process(lock.path)
    lock.release(2)  # not the holder: nothing happens
    assert not free_in_another_process(lock.path)
    lock.release(1)
    assert free_in_another_process(lock.path)


def test_a_second_connection_of_the_same_thread_goes_on_without_it(tmp_path: Path) -> None:
    lock = WriteLock(tmp_path / "db-writelock")
    assert lock.acquire(1, timeout=5)
    assert lock.acquire(2, timeout=5) is False  # no self-deadlock; SQLite's lock still guards
    lock.release(1)


@pytest.mark.sqlite_only
@pytest.mark.parametrize("end", ["commit", "rollback"])
def test_a_write_transaction_holds_the_lock_until_it_ends(app: Flask, end: str) -> None:
    with app.app_context():
        path = f"{db.engine.url.database}-writelock"
        with write_intent():
            db.session.execute(text("SELECT 1"))  # BEGIN IMMEDIATE
            assert not free_in_another_process(path)
            getattr(db.session, end)()
        assert free_in_another_process(path)
        db.session.execute(text("SELECT 1"))  # a read: plain BEGIN, no lock
        assert free_in_another_process(path)
        db.session.rollback()

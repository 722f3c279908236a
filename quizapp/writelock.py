"""A blocking queue for SQLite's one writer, shared by every thread and worker process.

SQLite lets one connection write at a time. A connection that finds the write lock taken
waits in SQLite's busy handler, which *sleeps* and polls (1, 2, 5 ... 100 ms): under load
the lock sits free while the waiters sleep, and an unlucky request waits for seconds.
Taking this lock before ``BEGIN IMMEDIATE`` makes the app's writers queue instead: a thread
lock within a worker, then ``flock`` on a file beside the database across workers; the
kernel wakes the next writer the moment the previous one commits. Writers outside the app
(``flask`` commands) still meet the busy timeout, as before.
"""

from __future__ import annotations

import fcntl
import os
import threading
from pathlib import Path


class WriteLock:
    """Exclusive and blocking: held for one connection (``key``) of one thread at a time.

    It only orders the app's writers; SQLite's own lock still guards the data. So when the
    lock cannot be had without risk (the thread already holds it for another connection, or
    the wait for another thread of this process passes ``timeout``), :meth:`acquire` says so
    and the caller goes on without it. Between processes the ``flock`` waits its turn: each
    holder keeps it for one short write transaction.
    """

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        self._thread_lock = threading.Lock()
        self._fd: int | None = None
        self._fd_pid = 0
        self._owner: tuple[int, int] | None = None  # (thread, connection key)

    def _file(self) -> int:
        # One descriptor per process: a descriptor inherited across fork() would be shared.
        if self._fd is None or self._fd_pid != os.getpid():
            self._fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
            self._fd_pid = os.getpid()
        return self._fd

    def acquire(self, key: int, timeout: float) -> bool:
        """Wait for the lock for connection ``key``; False when going on without it."""
        owner = self._owner
        if owner is not None and owner[0] == threading.get_ident():
            return False  # a second connection of this thread: waiting would deadlock
        if not self._thread_lock.acquire(timeout=timeout):
            return False
        try:
            fcntl.flock(self._file(), fcntl.LOCK_EX)
        except BaseException:
            self._thread_lock.release()
            raise
        self._owner = (threading.get_ident(), key)
        return True

    def release(self, key: int) -> None:
        """Let the next writer in, if connection ``key`` holds the lock; else do nothing."""
        if self._owner != (threading.get_ident(), key):
            return
        self._owner = None
        try:
            fcntl.flock(self._file(), fcntl.LOCK_UN)
        finally:
            self._thread_lock.release()

"""Start quizapp under gunicorn (``gunicorn.conf.py``) on a free loopback port, stop or kill it.

Used by the load and crash tests (``tests/load/``), the browser tests (``tests/e2e/``) and
``bench/load.py``.

The server runs in a process group of its own, so :meth:`Server.stop` and :meth:`Server.kill`
reach the master and every worker, and nothing outlives a test.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from .http import ConnectionLost, HttpClient

ROOT = Path(__file__).resolve().parents[2]


class ServerError(RuntimeError):
    """Gunicorn did not start; the message ends with the tail of its log."""


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _group_stats(pgid: int) -> Iterator[list[str]]:
    """The ``/proc/<pid>/stat`` fields after the command name, of each process of ``pgid``."""
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if int(fields[2]) == pgid:
            yield fields


def group_alive(pgid: int) -> bool:
    """True while a process of group ``pgid`` is still running (zombies do not count)."""
    return any(fields[0] != "Z" for fields in _group_stats(pgid))


class Server:
    """A gunicorn serving quizapp from ``database_url``; ``instance`` holds its files and log.

    It serves ``app`` (a gunicorn ``module:variable``; by default ``wsgi:app``, what ``make run``
    serves); ``env`` adds settings.
    """

    def __init__(
        self,
        database_url: str,
        instance: Path,
        *,
        workers: int | None = None,
        threads: int | None = None,
        env: dict[str, str] | None = None,
        app: str = "wsgi:app",
    ) -> None:
        self.database_url = database_url
        self.app = app
        self.instance = Path(instance)
        self.workers, self.threads = workers, threads
        self.extra_env = env or {}
        self.port = 0
        self.proc: subprocess.Popen[bytes] | None = None
        self.log_path = self.instance / "gunicorn.log"

    def environment(self) -> dict[str, str]:
        """The environment gunicorn and the app read their settings from."""
        env = {k: v for k, v in os.environ.items() if not k.startswith("QUIZAPP_")}
        env.update(
            HOST="127.0.0.1",
            PORT=str(self.port),
            QUIZAPP_DATABASE_URL=self.database_url,
            QUIZAPP_INSTANCE_PATH=str(self.instance),
            QUIZAPP_QUESTIONS_DIR=str(ROOT / "questions"),
            QUIZAPP_SECRET_KEY="load-test-secret",
            ACCESS_LOG="off",
        )
        if self.workers:
            env["WEB_CONCURRENCY"] = str(self.workers)
        if self.threads:
            env["THREADS"] = str(self.threads)
        env.update(self.extra_env)
        return env

    def start(self, timeout: float = 30.0) -> Server:
        """Start gunicorn and wait until it answers; three tries at a free port."""
        self.instance.mkdir(parents=True, exist_ok=True)
        for _ in range(3):
            self.port = free_port()
            with self.log_path.open("ab") as log:
                self.proc = subprocess.Popen(
                    [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py", self.app],
                    cwd=ROOT,
                    env=self.environment(),
                    stdout=log,
                    stderr=subprocess.STDOUT,
                    start_new_session=True,
                )
            if self._wait_ready(timeout):
                return self
            self.kill()
            if "Address already in use" not in self.log_tail():
                break
        raise ServerError(f"gunicorn did not start:\n{self.log_tail()}")

    def _wait_ready(self, timeout: float) -> bool:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc is None or self.proc.poll() is not None:
                return False
            client = HttpClient(self.port, timeout=5)
            try:
                if client.get("/auth/login").status == 200:
                    return True
            except (ConnectionLost, OSError):
                pass
            finally:
                client.close()
            time.sleep(0.1)
        return False

    def log_tail(self, lines: int = 40) -> str:
        """The last lines of gunicorn's log."""
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return ""

    def _signal_group(self, sig: signal.Signals) -> None:
        if self.proc is None:
            return
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.proc.pid, sig)

    def _reap(self, timeout: float) -> bool:
        """Wait for the master and every worker to be gone; False on timeout."""
        if self.proc is None:
            return True
        deadline = time.monotonic() + timeout
        try:
            self.proc.wait(timeout=max(0.0, timeout))
        except subprocess.TimeoutExpired:
            return False
        while group_alive(self.proc.pid):
            if time.monotonic() > deadline:
                return False
            time.sleep(0.02)
        return True

    def kill(self) -> None:
        """SIGKILL the master and all workers at once (a crash), and wait until all are gone."""
        self._signal_group(signal.SIGKILL)
        if not self._reap(10):
            raise ServerError(f"gunicorn group {self.proc.pid} survived SIGKILL")  # type: ignore[union-attr]

    def stop(self) -> None:
        """Shut down gracefully (SIGTERM); SIGKILL whatever is left after 15 s."""
        if self.proc is None or self.proc.poll() is not None and not group_alive(self.proc.pid):
            return
        self._signal_group(signal.SIGTERM)
        if not self._reap(15):
            self.kill()

    def __enter__(self) -> Server:
        return self.start() if self.proc is None else self

    def __exit__(self, *_exc: object) -> None:
        self.stop()


def group_cpu_seconds(pgid: int) -> float:
    """User + system CPU time used so far by the live processes of group ``pgid``."""
    ticks = sum(int(fields[11]) + int(fields[12]) for fields in _group_stats(pgid))
    return ticks / os.sysconf("SC_CLK_TCK")

"""A real quizapp server for the browser tests: gunicorn on loopback, a private world.

The server gets its own instance folder, SQLite file, copy of a bank and clock file, is
migrated and synced through the real ``flask`` commands, and runs in its own process group
so that stopping it stops every worker.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from bench.loadkit.server import free_port

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
RELOAD_SECONDS = 1


@dataclass
class LiveServer:
    """A running server: its URL, its bank copy and its clock."""

    url: str
    bank_dir: Path
    clock_file: Path
    log_file: Path
    process: subprocess.Popen[bytes]

    def move_clock(self, seconds: float) -> None:
        """Make the server's ``now()`` run ``seconds`` ahead of real time."""
        self.clock_file.write_text(str(seconds))

    def log_tail(self, lines: int = 40) -> str:
        """The end of the server's log, for failure messages."""
        return "\n".join(self.log_file.read_text(errors="replace").splitlines()[-lines:])

    def stop(self) -> None:
        """Stop gunicorn and its workers (the whole process group)."""
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()


def server_env(folder: Path, bank_dir: Path, clock_file: Path) -> dict[str, str]:
    """The environment of the server and its set-up commands: nothing from the caller's app."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("QUIZAPP_")}
    env.update(
        QUIZAPP_INSTANCE_PATH=str(folder / "instance"),
        QUIZAPP_DATABASE_URL=f"sqlite:///{folder / 'quizapp.sqlite'}",
        QUIZAPP_QUESTIONS_DIR=str(bank_dir),
        QUIZAPP_TEST_CLOCK_FILE=str(clock_file),
        QUIZAPP_BANK_RELOAD_SECONDS=str(RELOAD_SECONDS),
    )
    return env


def flask(env: dict[str, str], *args: str, stdin: str = "") -> None:
    """Run ``flask --app quizapp ARGS`` for the server's world; raise with its output on failure."""
    done = subprocess.run(
        [str(BIN / "flask"), "--app", "quizapp", *args],
        cwd=ROOT,
        env=env,
        input=stdin.encode(),
        capture_output=True,
        timeout=60,
    )
    if done.returncode:
        output = (done.stdout + done.stderr).decode(errors="replace")
        raise RuntimeError(f"flask {' '.join(args)} failed:\n{output}")


def wait_until_up(server: LiveServer, timeout: float = 30) -> None:
    """Poll the login page until the server answers 200."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise RuntimeError(f"the server exited early:\n{server.log_tail()}")
        try:
            with urllib.request.urlopen(f"{server.url}/auth/login", timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, OSError):
            time.sleep(0.1)
    server.stop()
    raise RuntimeError(f"the server did not answer within {timeout} s:\n{server.log_tail()}")


def start_server(folder: Path, bank: Path, teacher: tuple[str, str]) -> LiveServer:
    """Copy ``bank``, migrate, sync, create ``teacher`` (name, password), serve; wait until up."""
    bank_dir = folder / "questions"
    shutil.copytree(bank, bank_dir)
    clock_file = folder / "clock"
    clock_file.write_text("0")
    env = server_env(folder, bank_dir, clock_file)
    flask(env, "db", "upgrade")
    flask(env, "bank", "sync")
    flask(env, "users", "create", teacher[0], "--teacher", stdin=teacher[1] + "\n")
    port = free_port()
    env.update(HOST="127.0.0.1", PORT=str(port), WEB_CONCURRENCY="1", THREADS="4")
    log_file = folder / "server.log"
    command = [
        str(BIN / "gunicorn"),
        *("--bind", f"127.0.0.1:{port}", "--worker-class", "gthread"),
        *("--workers", "1", "--threads", "4", "--access-logfile", "-"),
        "wsgi:app",
    ]
    with log_file.open("wb") as log:
        process = subprocess.Popen(  # noqa: S603 - our own fixed command
            command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
        )
    server = LiveServer(f"http://127.0.0.1:{port}", bank_dir, clock_file, log_file, process)
    wait_until_up(server)
    return server

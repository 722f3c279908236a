"""A real quizapp server for the browser tests: gunicorn on loopback, a private world.

The server gets its own instance folder, SQLite file, copy of a bank and clock file, is
migrated and synced through the real ``flask`` commands, and is served by the gunicorn that
the load tests use (``tests.support.server.Server``: ``gunicorn.conf.py``, its own process
group, stopped as a whole) from ``tests/support/wsgi_e2e.py``: the real app with a clock the
tests move through a file.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from tests.support.clock import CLOCK_FILE_VARIABLE
from tests.support.server import Server

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
RELOAD_SECONDS = 1
E2E_APP = "tests.support.wsgi_e2e:app"
"""The app the server runs: ``make run``'s, with a clock the tests move (``move_clock``)."""


@dataclass
class LiveServer:
    """A running server: its URL, its bank copy and its clock."""

    url: str
    bank_dir: Path
    clock_file: Path
    server: Server

    def move_clock(self, seconds: float) -> None:
        """Make the server's ``now()`` run ``seconds`` ahead of real time."""
        self.clock_file.write_text(str(seconds))

    def log_tail(self, lines: int = 40) -> str:
        """The end of the server's log, for failure messages."""
        return self.server.log_tail(lines)

    def stop(self) -> None:
        """Stop gunicorn and its workers (the whole process group)."""
        self.server.stop()


def server_env(bank_dir: Path, clock_file: Path) -> dict[str, str]:
    """The settings of the server's own world (its bank copy, clock file, fast bank reload)."""
    return {
        "QUIZAPP_QUESTIONS_DIR": str(bank_dir),
        CLOCK_FILE_VARIABLE: str(clock_file),
        "QUIZAPP_BANK_RELOAD_SECONDS": str(RELOAD_SECONDS),
        "ACCESS_LOG": "-",
    }


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


MADE_UP_ARTICLE = """https://example.org/an-alliance-in-ai
An alliance in AI

A made-up article for the browser tests, so that the reader has a text to show.

It has a second paragraph, long enough to wrap on a phone's narrow screen and to be read by a
screen reader as a paragraph of its own.
"""
"""The text of the tiny bank's source ``harmony`` (002_example.txt); the other has no file."""


def start_server(folder: Path, bank: Path, teacher: tuple[str, str]) -> LiveServer:
    """Copy ``bank``, migrate, sync, create ``teacher`` (name, password), serve; wait until up.

    The server is ``tests.support.server``'s gunicorn (one worker, four threads) in a process group
    of its own, so stopping it stops every worker.
    """
    bank_dir = folder / "questions"
    shutil.copytree(bank, bank_dir)
    clock_file = folder / "clock"
    clock_file.write_text("0")
    articles = folder / "instance" / "articles"  # the default ARTICLES_DIR of that instance
    articles.mkdir(parents=True)
    (articles / "002_example.txt").write_text(MADE_UP_ARTICLE, encoding="utf-8")
    database_url = f"sqlite:///{folder / 'quizapp.sqlite'}"
    server = Server(
        database_url, folder / "instance", workers=1, threads=4,
        env=server_env(bank_dir, clock_file), app=E2E_APP,
    )  # fmt: skip
    env = server.environment()
    flask(env, "db", "upgrade")
    flask(env, "bank", "sync")
    flask(env, "users", "create", teacher[0], "--teacher", stdin=teacher[1] + "\n")
    server.start()
    return LiveServer(f"http://127.0.0.1:{server.port}", bank_dir, clock_file, server)

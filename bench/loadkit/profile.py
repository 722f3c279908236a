"""Where one request's time goes: cProfile over the quiz page GET, the answer POST or hello-world.

One thread, in this process, through Flask's test client, on a fresh SQLite file with the
repository's bank: no gunicorn and no other requests, so the numbers are the app's own cost
(plus the test client's, which ``hello`` shows). It prints the mean time per request without
the profiler, then the functions with the most cumulative time under it.

Run: ``.venv/bin/python -m bench.loadkit.profile page|answer|hello|whoami [-n 500] [--top 40]
[--sort tottime]``.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from flask.testing import FlaskClient
from werkzeug.datastructures import MultiDict

from tests.support.database import prepare
from tests.support.pages import answer_fields, csrf_token, hidden, parse_form
from tests.support.server import ROOT

from .floorpages import create_bench_app

PASSWORD = "profile-password"


def logged_in_client(folder: Path) -> FlaskClient:
    """A test client of a fresh app (migrated, bank synced) with a registered student."""
    url = f"sqlite:///{folder}/profile.sqlite"
    prepare(url, folder / "instance")
    config = {"SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": "profile-secret"}
    config.update(QUESTIONS_DIR=str(ROOT / "questions"))
    client = create_bench_app(config, instance_path=str(folder / "instance")).test_client()
    page = client.get("/auth/register").get_data(as_text=True)
    token = csrf_token(page)
    assert token
    form = {"csrf_token": token, "username": "profiler", "password": PASSWORD}
    assert client.post("/auth/register", data={**form, "confirm": PASSWORD}).status_code == 302
    return client


class Quizzes:
    """Quizzes started on every topic, and the current question of the one being answered."""

    def __init__(self, client: FlaskClient) -> None:
        self.client = client
        study = parse_form(client.get("/study").get_data(as_text=True), "study-form")
        self.start_form = MultiDict(
            [("csrf_token", hidden(study, "csrf_token")), ("mode", "topics"), ("length", "10")]
            + [("topics", topic) for topic in study.choices["topics"]]
        )
        self.quiz_id = self.start()

    def start(self) -> int:
        response = self.client.post("/study", data=self.start_form)
        return int(response.location.rsplit("/", 1)[1])

    def answer_form(self) -> tuple[str, MultiDict[str, str]]:
        """The URL and fields answering the current question (a new quiz once one ends)."""
        page = self.client.get(f"/quiz/{self.quiz_id}")
        while page.status_code == 302:
            self.quiz_id = self.start()
            page = self.client.get(f"/quiz/{self.quiz_id}")
        form = parse_form(page.get_data(as_text=True), "answer-form")
        return f"/quiz/{self.quiz_id}", MultiDict(form.hidden + answer_fields(form))


def request_for(
    which: str, client: FlaskClient
) -> tuple[Callable[[], object], Callable[[], object]]:
    """(prepare, measured request): ``prepare`` runs unmeasured before each request."""
    if which in ("hello", "whoami"):
        return lambda: None, lambda: client.get(f"/_bench/{which}")
    quizzes = Quizzes(client)
    if which == "page":
        client.get(f"/quiz/{quizzes.quiz_id}")  # the first view marks it shown (a write)
        return lambda: None, lambda: client.get(f"/quiz/{quizzes.quiz_id}")
    pending: list[tuple[str, MultiDict[str, str]]] = []

    def post() -> object:
        url, data = pending.pop()
        response = client.post(url, data=data)
        assert response.status_code == 302 and "/answers/" in response.location, response.status
        return response

    return lambda: pending.append(quizzes.answer_form()), post


def measure(prepare_next: Callable[[], object], send: Callable[[], object], count: int,
            profiler: cProfile.Profile | None = None) -> float:  # fmt: skip
    """Mean seconds per request over ``count`` requests (profiled when a profiler is given)."""
    total = 0.0
    for _ in range(count):
        prepare_next()
        if profiler is not None:
            profiler.enable()
        started = time.perf_counter()
        send()
        total += time.perf_counter() - started
        if profiler is not None:
            profiler.disable()
    return total / count


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("which", choices=["page", "answer", "hello", "whoami"])
    parser.add_argument("-n", type=int, default=500, help="requests measured (500)")
    parser.add_argument("--top", type=int, default=40, help="functions listed (40)")
    parser.add_argument("--sort", default="cumulative", help="pstats order (cumulative)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="quizapp-profile-") as tmp:
        client = logged_in_client(Path(tmp))
        prepare_next, send = request_for(args.which, client)
        measure(prepare_next, send, 30)  # warm up: caches, compiled statements, templates
        plain = measure(prepare_next, send, args.n)
        profiler = cProfile.Profile()
        measure(prepare_next, send, args.n, profiler)
    print(f"{args.which}: {plain * 1000:.3f} ms per request over {args.n} (no profiler)\n")
    pstats.Stats(profiler, stream=sys.stdout).sort_stats(args.sort).print_stats(args.top)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Fixtures for tests that run quizapp under a real gunicorn on 127.0.0.1.

``serve`` starts servers and stops every one of them (whole process groups) after the test.
Locally a test skips when gunicorn cannot start at all; in CI (``CI=true``) it fails instead.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine

from tests.conftest import TEST_DATABASE_URL
from tests.support.database import engine_for, load_database_url, prepare
from tests.support.server import Server, ServerError

IN_CI = os.environ.get("CI") == "true"

BACKENDS = [pytest.param("sqlite", marks=pytest.mark.sqlite_only)]
if TEST_DATABASE_URL:
    BACKENDS.append(pytest.param("postgres", marks=pytest.mark.postgres))


def database_url(backend: str, folder: Path) -> str:
    """A fresh SQLite file in ``folder``, or the PostgreSQL load database (not the suite's)."""
    if backend == "postgres":
        return load_database_url(TEST_DATABASE_URL)
    return f"sqlite:///{folder / 'load.sqlite'}"


@pytest.fixture
def load_db(tmp_path: Path) -> Iterator[Callable[[str], tuple[str, Engine]]]:
    """``load_db(backend)`` -> (url, engine): a migrated database with the bank synced."""
    engines: list[Engine] = []

    def _make(backend: str) -> tuple[str, Engine]:
        url = database_url(backend, tmp_path)
        prepare(url, tmp_path / "instance")
        engines.append(engine_for(url))
        return url, engines[-1]

    yield _make
    for engine in engines:
        engine.dispose()


@pytest.fixture
def serve(tmp_path: Path) -> Iterator[Callable[..., Server]]:
    """``serve(url, **options)`` -> a running gunicorn; all are stopped after the test."""
    servers: list[Server] = []

    def _serve(url: str, **options: object) -> Server:
        server = Server(url, tmp_path / "instance", **options)  # type: ignore[arg-type]
        servers.append(server)
        try:
            return server.start()
        except ServerError as exc:
            if IN_CI:
                raise
            pytest.skip(f"gunicorn could not start here: {exc}")

    yield _serve
    for server in servers:
        server.stop()

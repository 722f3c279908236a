"""gunicorn.conf.py: where it listens and how many workers and threads, from the environment."""

from __future__ import annotations

import runpy

import pytest

from tests.conftest import ROOT

VARIABLES = ("HOST", "PORT", "WEB_CONCURRENCY", "THREADS", "TIMEOUT", "ACCESS_LOG")


def settings(monkeypatch: pytest.MonkeyPatch, **env: str) -> dict[str, object]:
    for name in VARIABLES:
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    return runpy.run_path(str(ROOT / "gunicorn.conf.py"))


def test_defaults(monkeypatch) -> None:
    conf = settings(monkeypatch)
    assert conf["bind"] == "127.0.0.1:5000" and conf["worker_class"] == "gthread"
    assert conf["threads"] == 1 and conf["workers"] == conf["default_workers"]()
    assert 1 <= conf["workers"] <= 4 and conf["accesslog"] is None


def test_the_environment_decides(monkeypatch) -> None:
    env = {"HOST": "0.0.0.0", "PORT": "8123", "WEB_CONCURRENCY": "3", "THREADS": "2"}  # noqa: S104
    conf = settings(monkeypatch, **env, ACCESS_LOG="-")
    assert conf["bind"] == "0.0.0.0:8123" and conf["workers"] == 3 and conf["threads"] == 2
    assert conf["accesslog"] == "-"


def test_counts_are_at_least_one(monkeypatch) -> None:
    conf = settings(monkeypatch, WEB_CONCURRENCY="0", THREADS="-4", ACCESS_LOG="off")
    assert conf["workers"] == 1 and conf["threads"] == 1 and conf["accesslog"] is None

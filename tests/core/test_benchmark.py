"""The hello-world baseline page exists only when benchmarks turn it on."""

from __future__ import annotations

import pytest

from quizapp import create_app
from tests.conftest import make_config


def test_hello_is_not_served_by_default(client) -> None:
    assert client.get("/_bench/hello").status_code == 404


@pytest.mark.parametrize("value", ["1", "true"])
def test_quizapp_bench_hello_serves_it(tmp_path, monkeypatch, value: str) -> None:
    monkeypatch.setenv("QUIZAPP_BENCH_HELLO", value)
    app = create_app(make_config(tmp_path / "db.sqlite"), instance_path=str(tmp_path / "i"))
    response = app.test_client().get("/_bench/hello")
    assert response.status_code == 200
    assert response.get_data(as_text=True) == "Hello, World!"
    assert response.mimetype == "text/plain"


@pytest.mark.sqlite_only
def test_the_request_profiler_answers_real_questions(capsys) -> None:
    from bench.loadkit.profile import main

    assert main(["answer", "-n", "3", "--top", "3"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("answer: ") and "ms per request over 3" in out
    assert "function calls" in out  # the profile itself

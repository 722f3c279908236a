"""``bench/loadkit/profile.py``: the request profiler runs real requests against the bench app."""

from __future__ import annotations

import pytest


@pytest.mark.sqlite_only
def test_the_request_profiler_answers_real_questions(capsys) -> None:
    from bench.loadkit.profile import main

    assert main(["answer", "-n", "3", "--top", "3"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("answer: ") and "ms per request over 3" in out
    assert "function calls" in out  # the profile itself

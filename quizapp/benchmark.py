"""A hello-world page for benchmarks: the cheapest response the app's own stack can give.

Registered only when ``BENCH_HELLO`` is on (``QUIZAPP_BENCH_HELLO=1``), so ``bench/load.py``
can compare the quiz pages with it under the same gunicorn settings in the same run.
"""

from __future__ import annotations

from flask import Blueprint

bp = Blueprint("benchmark", __name__, url_prefix="/_bench")


@bp.get("/hello")
def hello() -> tuple[str, int, dict[str, str]]:
    """Plain text, no database, no template."""
    return "Hello, World!", 200, {"Content-Type": "text/plain; charset=utf-8"}

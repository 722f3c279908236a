"""Baseline pages for benchmarks: the cheapest responses the app's own stack can give.

Registered only when ``BENCH_HELLO`` is on (``QUIZAPP_BENCH_HELLO=1``), so ``bench/load.py``
can compare the quiz pages with them under the same gunicorn settings in the same run:

* ``/_bench/hello``: plain text, no database, no template, no login;
* ``/_bench/whoami``: the logged-in student's id as plain text: the login check (Flask-Login
  reading the account, one indexed ``SELECT``) and nothing else. No page that knows who is
  asking can cost less, so it is the floor under the quiz page.
"""

from __future__ import annotations

from flask import Blueprint
from flask_login import current_user, login_required

bp = Blueprint("benchmark", __name__, url_prefix="/_bench")
PLAIN = {"Content-Type": "text/plain; charset=utf-8"}


@bp.get("/hello")
def hello() -> tuple[str, int, dict[str, str]]:
    """Plain text, no database, no template."""
    return "Hello, World!", 200, PLAIN


@bp.get("/whoami")
@login_required
def whoami() -> tuple[str, int, dict[str, str]]:
    """The logged-in user's id: a login check and nothing else."""
    return str(current_user.id), 200, PLAIN

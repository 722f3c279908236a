"""Floor pages for benchmarks: the cheapest responses the app's own stack can give.

They are served only by the bench app (:func:`create_bench_app`, gunicorn entry
``bench/wsgi_bench.py``), so ``bench/load.py`` can compare the quiz pages with them under the
same gunicorn settings in the same run:

* ``/_bench/hello``: plain text, no database, no template, no login;
* ``/_bench/whoami``: the logged-in student's id as plain text: the login check (Flask-Login
  reading the account, one indexed ``SELECT``) and nothing else. No page that knows who is
  asking can cost less, so it is the floor under the quiz page.

And three floors that split the quiz pages' cost into parts, none of which touches the
database (a test checks that they run no SQL):

* ``/_bench/page-bytes``: the question page's HTML as a fixed string: what sending its bytes
  costs over hello-world;
* ``/_bench/page-floor``: the real question page (same view helper, templates and layout, for
  a logged-in student) rendered from a session held in memory: the template's cost;
* ``POST /_bench/answer-floor``: the real answer form checked (CSRF, fields, length), graded
  and rated by FSRS, then redirected: everything an answer does except reading and writing.
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, Flask, abort, current_app, g, redirect, request, url_for
from flask_login import current_user, login_required
from werkzeug.wrappers import Response

from quizapp import create_app
from quizapp.auth.identity import SessionUser
from quizapp.bank.webapp import current_bank
from quizapp.clock import now
from quizapp.models import Quiz
from quizapp.qtypes import get_type
from quizapp.scheduling import evidence_for_answer, new_card, rate
from quizapp.study import operations as ops
from quizapp.study.forms import AnswerForm, read_answer
from quizapp.study.views import render_question

bp = Blueprint("floorpages", __name__, url_prefix="/_bench")
PLAIN = {"Content-Type": "text/plain; charset=utf-8"}
FLOOR_USER = SessionUser(0, "floor-student", "student", 0)
"""Who the floor pages are rendered for (never read from the database)."""
FLOOR_QUESTION_TYPE = "choice"
"""The floors ask the first question of this type (the bank's most common), else the first."""


def create_bench_app(
    test_config: dict[str, Any] | None = None, instance_path: str | None = None
) -> Flask:
    """The real application (:func:`quizapp.create_app`) with the floor pages added."""
    app = create_app(test_config, instance_path)
    app.register_blueprint(bp)
    return app


@bp.get("/hello")
def hello() -> tuple[str, int, dict[str, str]]:
    """Plain text, no database, no template."""
    return "Hello, World!", 200, PLAIN


@bp.get("/whoami")
@login_required
def whoami() -> tuple[str, int, dict[str, str]]:
    """The logged-in user's id: a login check and nothing else."""
    return str(current_user.id), 200, PLAIN


def _floor() -> dict[str, Any]:
    """This bank's floor: a ten-slot ``quiz`` held in memory (never added to a database
    session), its question ``spec`` and, once rendered, the ``page`` bytes; new on a reload.

    The request's user is set to :data:`FLOOR_USER` the way Flask-Login's own loader leaves it
    (``g._login_user``), so the layout shows a logged-in student without reading an account.
    Flask-Login has no public call for that: ``login_user`` would rewrite the student's session
    cookie (and add signing it to the floor's cost), and a loader of its own could not skip the
    account read for the benchmark's logged-in students without replacing the app's loader.
    """
    g._login_user = FLOOR_USER
    bank = current_bank()
    floor = current_app.extensions.get("bench_floor")
    if floor is None or floor["bank"] is not bank:  # first request, or the bank was reloaded
        specs = sorted(bank.questions.values(), key=lambda s: s.id)
        if not specs:
            abort(404)
        spec = next((s for s in specs if s.type == FLOOR_QUESTION_TYPE), specs[0])
        quiz = Quiz(id=1, user_id=0, mode="topics", question_ids=[spec.id] * 10, position=0, seed=1)
        floor = {"bank": bank, "quiz": quiz, "spec": spec}
        current_app.extensions["bench_floor"] = floor
    return floor


@bp.get("/page-floor")
def page_floor() -> tuple[str, int]:
    """The question page as a logged-in student sees it, with no database read."""
    floor = _floor()
    return render_question(floor["quiz"], floor["spec"])


@bp.get("/page-bytes")
def page_bytes() -> str:
    """The question page's HTML, rendered once: sending the same bytes, without the template."""
    floor = _floor()
    if "page" not in floor:
        floor["page"] = render_question(floor["quiz"], floor["spec"])[0]
    return floor["page"]


@bp.post("/answer-floor")
def answer_floor() -> Response | tuple[str, int]:
    """An answer to the floor question checked, graded and rated, then redirected; no database.

    An empty or too long answer gets the question page again, as on the real answer POST.
    """
    floor = _floor()
    quiz, spec = floor["quiz"], floor["spec"]
    form = AnswerForm(request.form)
    if not form.validate() or form.question_id.data != spec.id:
        abort(400)
    display = ops.question_display(quiz, quiz.position, spec)
    read = read_answer(request.form, spec, display)
    if read.problem is not None:
        return render_question(quiz, spec, read.given, read.problem)
    qtype = get_type(spec.type)
    grade = qtype.grade(spec, read.given, parsed=read.parsed)
    evidence = evidence_for_answer(
        grade.score, grade.correct, guess_chance=qtype.guess_chance(spec), first_answer=True
    )
    moment = now()
    rate(new_card(moment), evidence.rating, moment)
    return redirect(url_for(".hello"))

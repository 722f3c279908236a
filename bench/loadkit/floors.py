"""The quiz pages' cost split into parts, from the floors served under ``/_bench/``.

Each floor is one part of a page measured alone, under the same gunicorn in the same run (see
``floorpages.py``):

* ``page-bytes``: the question page's HTML sent as a fixed string (sending the bytes);
* ``page-floor``: the question page rendered from a quiz held in memory (the template);
* ``whoami``: the login check alone (reading the account);
* ``answer-floor``: an answer checked, graded and rated by FSRS, with no database.

:func:`cost_split` subtracts them in server CPU per request, which other load on the machine
blurs less than requests/s, and compares what is left with what each ratio goal allows.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping

from tests.support.pages import answer_fields, hidden, parse_form
from tests.support.stats import Line
from tests.support.students import Student

PAGE_PARTS = [
    ("page bytes", "sending the page's bytes", "hello"),
    ("page floor", "the template", "page bytes"),
    ("whoami", "the login check", "hello"),
]
"""(endpoint, what it adds, over which endpoint): the quiz page's parts measured alone."""
ANSWER_PARTS = [
    ("answer floor", "form, CSRF, grading, FSRS, redirect", "hello"),
    ("whoami", "the login check", "hello"),
]


def getter(endpoint: str, path: str) -> Callable[[Student], None]:
    """An action: one ``GET path`` recorded under ``endpoint``."""

    def get(student: Student) -> None:
        started = time.perf_counter()
        student.rec.record(endpoint, started, student.http.get(path).status)

    return get


def answer_floor(student: Student) -> Callable[[Student], None]:
    """An action: the floor's answer POST, with the fields its page floor shows ``student``.

    Every student posts with their own CSRF token (it is bound to their session).
    """
    form = parse_form(student.http.get("/_bench/page-floor").text, "answer-form")
    question = [
        ("position", hidden(form, "position")),
        ("question_id", hidden(form, "question_id")),
    ]
    fields = question + answer_fields(form)

    def post(each: Student) -> None:
        started = time.perf_counter()
        response = each.http.post("/_bench/answer-floor", [("csrf_token", each.csrf), *fields])
        each.rec.record("answer floor", started, response.status)

    return post


def _ms(seconds: float) -> str:
    """Seconds as milliseconds with two decimals (a part that measured a hair below zero: 0.00)."""
    text = f"{seconds * 1000:.2f}"
    return "0.00" if text == "-0.00" else text


def _over(lines: Mapping[str, Line], endpoint: str, base: str) -> float:
    return lines[endpoint].cpu_per_request - lines[base].cpu_per_request


def _split(
    lines: Mapping[str, Line],
    name: str,
    goal: float,
    parts: list[tuple[str, str, str]],
    rest: str,
) -> list[str]:
    hello = lines["hello"].cpu_per_request
    total = lines[name].cpu_per_request
    costs = [(label, _over(lines, endpoint, base)) for endpoint, label, base in parts]
    known = sum(cost for _, cost in costs)
    terms = " + ".join(f"{label} {_ms(cost)}" for label, cost in costs)
    allowed = hello / goal - hello
    verdict = (
        f"the parts measured alone already take {_ms(known)}"
        if known > allowed
        else f"that leaves {_ms(allowed - known)} for {rest}"
    )
    return [
        f"    {name}: {_ms(total)} ms = hello-world {_ms(hello)} + {terms}"
        f" + {rest} {_ms(total - hello - known)}",
        f"      {goal:.2f}x allows {_ms(allowed)} ms over hello-world; {verdict}",
    ]


def cost_split(lines: Mapping[str, Line], goals: Mapping[str, float]) -> list[str]:
    """Where each page's server CPU per request goes, part by part, against its goal's allowance.

    ``lines`` maps the endpoint names (``hello``, ``page bytes``, ``page floor``, ``whoami``,
    ``answer floor``, ``quiz page``, ``answer``) to their measured lines.
    """
    if any(not ln.cpu_per_request for ln in lines.values()):
        return ["  cost split: no server CPU was measured"]
    out = ["  server CPU per request (ms), split into the parts measured alone:"]
    out += _split(lines, "quiz page", goals["quiz page"], PAGE_PARTS, "the quiz read and the rest")
    out += _split(lines, "answer", goals["answer"], ANSWER_PARTS, "reads, writes and commit")
    return out

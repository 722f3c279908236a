"""Fuzz every URL rule with Hypothesis: whatever the path, query or form, never a 500.

Each rule of ``app.url_map`` is requested with each of its methods, as an anonymous visitor, a
student with real activity and a teacher. Path parameters are real ids, small, huge and negative
numbers, unicode, path traversal and NUL bytes; query strings and forms mix the app's own field
names with random ones and random, very long or repeated values. CSRF is off here so the
payloads reach the views (``test_csrf.py`` checks that every POST needs a token).
"""

from __future__ import annotations

import re
import tempfile
from pathlib import Path
from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from werkzeug.datastructures import MultiDict
from werkzeug.routing import Rule

from quizapp import create_app

from ..conftest import make_config
from .activity import log_in_as

PARAM = re.compile(r"<(?:(\w+):)?(\w+)>")
QUESTION_IDS = ["mensch-former-lab", "founders-employers", "deal-cloze", "timeline-order"]
FIELDS = [
    "mode", "topics", "length", "position", "question_id", "answer", "order-0", "order-1",
    "match-0", "match-1", "blank-0", "blank-1", "rating", "reps", "next", "username",
    "password", "confirm", "remember", "desired_retention", "new_per_day", "reviews_per_day",
    "timezone", "page", "sort", "flipped", "submit",
]  # fmt: skip
NASTY = [
    "", " ", "../../etc/passwd", "..\\..\\windows\\win.ini", "%00", "\x00", "a\x00b",
    "<script>alert(1)</script>", "' OR 1=1 --", "{{7*7}}", "${7*7}", "NaN", "inf", "-inf",
    "1e309", "-0", "0x10", "9" * 400, "é" * 40, "\u202e", "\ufeff", "//evil.example",
    "javascript:alert(1)", "quiz", "retry", "review", "all", "people", "timeline", "true",
]  # fmt: skip

INTS = st.one_of(
    st.integers(0, 12),
    st.integers(-(2**70), 2**70),
    st.sampled_from([2**31 - 1, 2**31, 2**63 - 1, 2**63, 2**64, -1, -(2**63) - 1]),
)
TEXT = st.one_of(
    st.text(max_size=40),
    st.sampled_from(NASTY),
    st.sampled_from(QUESTION_IDS),
    INTS.map(str),
    st.integers(1_000, 300_000).map(lambda n: "x" * n),
)
PAIRS = st.one_of(
    st.lists(st.tuples(st.one_of(st.sampled_from(FIELDS), st.text(max_size=8)), TEXT)),
    st.fixed_dictionaries({}, optional=dict.fromkeys(FIELDS, TEXT)).map(lambda d: list(d.items())),
)


def segment(converter: str | None, name: str, ids: list[int]) -> st.SearchStrategy[str]:
    """Values for one path parameter (``ids``: real ones), already quoted for the URL."""
    if converter == "int":
        raw = st.one_of(st.sampled_from(ids).map(str), INTS.map(str), TEXT)
    elif converter == "path":
        raw = st.one_of(st.sampled_from(["style.css", "app.js", "../../etc/passwd"]), TEXT)
        return raw.map(lambda value: quote(value, safe="/"))
    elif name == "fmt":
        raw = st.one_of(st.sampled_from(["anki", "gift", "moodle-xml", "csv"]), TEXT)
    else:
        raw = TEXT
    return raw.map(lambda value: quote(value, safe=""))


def urls(rule: Rule, ids: list[int]) -> st.SearchStrategy[str]:
    """URLs matching (or nearly matching) ``rule``'s pattern."""
    parts: list[st.SearchStrategy[str]] = []
    position = 0
    for found in PARAM.finditer(rule.rule):
        parts.append(st.just(rule.rule[position : found.start()]))
        parts.append(segment(found[1], found[2], ids))
        position = found.end()
    parts.append(st.just(rule.rule[position:]))
    return st.tuples(*parts).map("".join)


def _routes() -> list[tuple[str, str]]:
    """(endpoint, method) for every rule, read from a throwaway app."""
    with tempfile.TemporaryDirectory() as folder:
        app = create_app(make_config(Path(folder) / "x.sqlite"), instance_path=folder)
        return sorted(
            (rule.endpoint, method)
            for rule in app.url_map.iter_rules()
            for method in sorted(rule.methods - {"HEAD", "OPTIONS"})
        )


ROUTES = _routes()


@pytest.mark.parametrize(("endpoint", "method"), ROUTES, ids=[f"{m} {e}" for e, m in ROUTES])
def test_no_request_gets_a_500(fuzz_app, endpoint: str, method: str) -> None:
    app, users, activity = fuzz_app
    rule = next(r for r in app.url_map.iter_rules() if r.endpoint == endpoint)
    client = app.test_client()
    ids = [activity.finished_quiz, activity.unfinished_quiz, 0, *activity.card_ids]
    ids += [user_id for user_id in users.values() if user_id is not None]
    roles = ["anonymous", "student", "student", "teacher", "teacher"]

    @settings(
        max_examples=25,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(url=urls(rule, ids), who=st.sampled_from(roles), query=PAIRS, form=PAIRS)
    def check(url: str, who: str, query: list[tuple[str, str]], form: list[tuple[str, str]]):
        log_in_as(client, users[who])
        data = MultiDict(form) if method == "POST" else None
        with client.open(url, method=method, query_string=MultiDict(query), data=data) as resp:
            resp.get_data()  # streamed bodies (CSV) fail while being read
        assert resp.status_code < 500, (method, url, who, resp.status_code)

    check()


EDGES = ["a\x00b", str(2**64), "-1", "1e309", "nan", "x" * 5000, "../../etc/passwd", ""]


def edge_url(rule: Rule, value: str) -> str:
    """``rule`` with every path parameter set to ``value`` (quoted)."""
    return PARAM.sub(lambda _: quote(value, safe="") or "0", rule.rule)


@pytest.mark.parametrize(("endpoint", "method"), ROUTES, ids=[f"{m} {e}" for e, m in ROUTES])
def test_edge_values_in_every_field_never_500(fuzz_app, endpoint: str, method: str) -> None:
    """Every field of every form and query set to one edge value at a time, for both roles."""
    app, users, activity = fuzz_app
    rule = next(r for r in app.url_map.iter_rules() if r.endpoint == endpoint)
    client = app.test_client()
    real = str(activity.unfinished_quiz) if "int:" in rule.rule else QUESTION_IDS[0]
    for who in ("student", "teacher"):
        log_in_as(client, users[who])
        for value in EDGES:
            fields = MultiDict([(name, value) for name in FIELDS])
            for url in {edge_url(rule, value), edge_url(rule, real)}:
                form = fields if method == "POST" else None
                with client.open(url, method=method, query_string=fields, data=form) as resp:
                    resp.get_data()
                assert resp.status_code < 500, (method, url, who, value)

"""``bench/loadkit/floorpages.py``: hello-world, the login check alone, and the floors (parts
of the quiz pages' cost, measured with no database at all), served by the bench app only.
"""

from __future__ import annotations

import pytest
from flask import Flask
from werkzeug.datastructures import MultiDict

from bench.loadkit.floorpages import bp, create_bench_app
from quizapp import create_app
from tests.conftest import make_config
from tests.history.records import count_queries
from tests.support.pages import answer_fields, csrf_token, parse_form

FLOORS = ["/_bench/page-floor", "/_bench/page-bytes"]
HIDDEN = ("csrf_token", "position", "question_id")


@pytest.fixture
def app_config() -> dict[str, object]:
    return {"WTF_CSRF_ENABLED": True}


@pytest.fixture
def app(app: Flask) -> Flask:
    """The suite's app with the floor pages, as ``create_bench_app`` builds it."""
    app.register_blueprint(bp)
    return app


def floor_answer(client) -> MultiDict[str, str]:  # type: ignore[no-untyped-def]
    """The page floor's own answer form, filled in the way the load benchmark fills it."""
    form = parse_form(client.get("/_bench/page-floor").get_data(as_text=True), "answer-form")
    return MultiDict(form.hidden + answer_fields(form))


@pytest.mark.parametrize(
    "url", ["/_bench/hello", "/_bench/whoami", *FLOORS, "/_bench/answer-floor"]
)
def test_the_product_app_serves_no_floor(tmp_path, url: str) -> None:
    app = create_app(make_config(tmp_path / "db.sqlite"), instance_path=str(tmp_path / "i"))
    assert app.test_client().get(url).status_code == 404


@pytest.mark.parametrize("url", FLOORS)
def test_the_page_floors_show_the_question_page_without_sql(app, client, url: str) -> None:
    client.get(url)  # the first request of a worker may load the bank (and sync it)
    with count_queries(app) as statements:
        response = client.get(url)
    assert response.status_code == 200 and statements == []
    page = response.get_data(as_text=True)
    assert 'class="answer-form' in page and "floor-student" in page  # a logged-in student
    assert "Question 1 of 10" in page and "Log in" not in page


def test_the_answer_floor_grades_and_redirects_without_sql(app, client) -> None:
    data = floor_answer(client)
    with count_queries(app) as statements:
        response = client.post("/_bench/answer-floor", data=data)
    assert response.status_code == 302 and response.location.endswith("/_bench/hello")
    assert statements == []


def test_the_answer_floor_checks_the_form_like_the_real_answer(client) -> None:
    data = floor_answer(client)
    assert client.post("/_bench/answer-floor", data={**data, "csrf_token": "x"}).status_code == 400
    assert client.post("/_bench/answer-floor", data={**data, "question_id": "x"}).status_code == 400
    empty = MultiDict([(k, v) for k, v in data.items() if k in HIDDEN])
    response = client.post("/_bench/answer-floor", data=empty)
    assert response.status_code == 200 and "Please answer the question" in response.text
    too_long = MultiDict([*empty.items(), ("answer", "x" * 5000)])
    assert client.post("/_bench/answer-floor", data=too_long).status_code == 400


def test_page_bytes_sends_what_the_page_floor_rendered_first(app, client) -> None:
    from flask import template_rendered

    first = client.get("/_bench/page-bytes").get_data()
    rendered: list[str] = []

    def record(_app, template, **_extra) -> None:  # type: ignore[no-untyped-def]
        rendered.append(template.name)

    with template_rendered.connected_to(record, app):
        assert client.get("/_bench/page-bytes").get_data() == first
        assert rendered == []  # the bytes are sent again, not rendered again
        client.get("/_bench/page-floor")
    assert rendered == ["study/question.html"] and b'class="answer-form' in first


def test_hello(tmp_path) -> None:
    app = create_bench_app(make_config(tmp_path / "db.sqlite"), instance_path=str(tmp_path / "i"))
    response = app.test_client().get("/_bench/hello")
    assert response.status_code == 200
    assert response.get_data(as_text=True) == "Hello, World!"
    assert response.mimetype == "text/plain"


def test_whoami_needs_a_login(client) -> None:
    response = client.get("/_bench/whoami")
    assert response.status_code == 302 and "/auth/login" in response.location


def test_whoami_gives_the_logged_in_id(client, auth, student) -> None:
    auth.login(csrf_token=csrf_token(client.get("/auth/login").get_data(as_text=True)))
    response = client.get("/_bench/whoami")
    assert response.status_code == 200 and response.get_data(as_text=True) == str(student)
    assert response.mimetype == "text/plain"

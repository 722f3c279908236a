"""XSS probes: a bank whose every text field injects HTML, answers and a username that do too.

tests/data/bank/xss puts ``<script>``, ``<img onerror>``, attribute breakers, ``javascript:``
links and ``{{ 1234567*3 }}`` in topic and source titles, prompts, choices, items, pairs, cloze
text, explanations and hints. Every page that shows them must show them as text:
`html_audit.script_problems` finds anything that would run, and each check also asserts the
payload is on the page, escaped, so a page that simply left the field out would not pass.
"""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient

from quizapp.extensions import db
from quizapp.models import Card, User
from quizapp.study.requeue import MAX_ASKS
from tests.support.classes import enrol

from ..conftest import DATA, PASSWORD
from ..study.conftest import QuizDriver, start
from .activity import log_in_as
from .html_audit import script_problems

ESCAPED = "&lt;script&gt;alert("
QUESTIONS = ["xss-choice", "xss-multi", "xss-short", "xss-order", "xss-match", "xss-cloze"]
ANSWERS: dict[str, dict[str, object]] = {
    "xss-choice": {"answer": "<img src=x onerror=alert('choice')>"},
    "xss-multi": {"answer": ["' onfocus='alert(1)", "<script>alert('m1')</script>"]},
    "xss-short": {"answer": "<script>alert('typed')</script>"},
    "xss-order": {
        "order-0": "{{ 1234567*3 }}",
        "order-1": "<img src=x onerror=alert('o2')>",
        "order-2": "<script>alert('o1')</script>",
    },
    "xss-match": {
        "match-0": "\"><svg onload=alert('pair')>",
        "match-1": "<img src=x onerror=alert('right')>",
    },
    "xss-cloze": {"blank-0": "<svg onload=alert('blank')>"},
}
PAYLOAD_USERNAME = "<img src=x onerror=alert(9)>"


@pytest.fixture
def app_config(clock, tmp_path: Path) -> dict[str, object]:
    """The XSS bank (a copy, so a test can break it) on the frozen clock."""
    bank = tmp_path / "questions"
    shutil.copytree(DATA / "bank" / "xss", bank)
    return {"CLOCK": clock, "QUESTIONS_DIR": str(bank)}


def page(client: FlaskClient, url: str, *, shows_payload: bool = True) -> str:
    """GET ``url``: 200, nothing that would run, and (usually) an escaped payload on it."""
    resp = client.get(url)
    assert resp.status_code == 200, (url, resp.status_code)
    html = resp.get_data(as_text=True)
    assert script_problems(html) == [], url
    if shows_payload:
        assert ESCAPED in html, f"{url} does not show the injected text"
    return html


def answer_everything(client: FlaskClient) -> QuizDriver:
    """Take a quiz over the whole XSS bank, checking each question and feedback page."""
    quiz = start(client, ["people"])
    while client.get(quiz.url).status_code == 200:
        page(client, quiz.url, shows_payload=False)
        position, question_id = quiz.current()
        assert quiz.post(position, question_id, ANSWERS[question_id]).status_code == 302
        page(client, f"{quiz.url}/answers/{position}")
    return quiz


def test_bank_text_is_inert_on_student_pages(app: Flask, client, auth, student) -> None:
    auth.login()
    page(client, "/study")
    quiz = answer_everything(client)
    page(client, f"{quiz.url}/results")
    page(client, "/history/")
    page(client, f"/history/quiz/{quiz.id}")
    for question_id in QUESTIONS:
        page(client, f"/flashcards/q/{question_id}", shows_payload=question_id != "xss-order")
        page(client, f"/flashcards/q/{question_id}?flipped=1")
    with app.app_context():
        card_id = db.session.execute(
            db.select(Card.id).filter_by(user_id=student, question_id="xss-short")
        ).scalar_one()
    client.post(f"/review/cards/{card_id}/suspend")
    page(client, "/review/cards")


def test_bank_text_is_inert_on_teacher_pages(app: Flask, client, make_user, student) -> None:
    log_in_as(client, student)
    quiz = answer_everything(client)
    teacher = make_user("teacher1", teacher=True)
    enrol(app, teacher, [student])
    log_in_as(client, teacher)
    page(client, "/teacher/", shows_payload=False)
    page(client, "/teacher/questions")
    page(client, "/teacher/bank")
    page(client, "/teacher/students", shows_payload=False)
    page(client, f"/teacher/students/{student}/history")
    page(client, f"/teacher/students/{student}/history/quiz/{quiz.id}")
    for question_id in QUESTIONS:
        page(client, f"/teacher/questions/{question_id}")
        page(client, f"/teacher/questions/{question_id}/yaml")
    for fmt in ("anki", "gift", "moodle-xml", "qti", "csv"):
        resp = client.get(f"/teacher/bank/export/{fmt}")
        assert resp.status_code == 200
        assert "html" not in resp.content_type
        assert resp.headers["Content-Disposition"].startswith("attachment")


def test_bank_errors_are_inert_on_the_bank_page(app: Flask, client, make_user) -> None:
    log_in_as(client, make_user("teacher1", teacher=True))
    page(client, "/teacher/bank")
    broken = Path(app.config["QUESTIONS_DIR"]) / "broken.yaml"
    broken.write_text(
        "topic: \"<script>alert('t')</script>\"\n"
        "questions:\n"
        "  - id: \"<script>alert('id')</script>\"\n"
        "    type: \"<img src=x onerror=alert('type')>\"\n"
        "    prompt: \"<svg onload=alert('p')>\"\n",
        encoding="utf-8",
    )
    assert client.post("/teacher/bank/reload").status_code == 302
    html = page(client, "/teacher/bank")
    assert "broken.yaml" in html and "&lt;img src=x onerror" in html


def test_bank_text_is_inert_in_the_editor(app: Flask, client, make_user) -> None:
    """The editor's text area, errors beside it, previews, diffs and conflicts show YAML as text."""
    log_in_as(client, make_user("teacher1", teacher=True))
    page(client, "/teacher/bank/files", shows_payload=False)
    html = page(client, "/teacher/bank/files/people.yaml")
    assert "</textarea><" not in html.split('<textarea id="text"')[1].split("</textarea>")[0]
    for question_id in QUESTIONS:
        page(client, f"/teacher/bank/files/people.yaml/questions/{question_id}")
    path = Path(app.config["QUESTIONS_DIR"]) / "people.yaml"
    text = path.read_text()
    token = html.split('name="base_hash" type="hidden" value="')[1].split('"')[0]
    broken = text + '  - id: "<script>alert(\'id\')</script>"\n    type: "</textarea><b>"\n'
    resp = client.post("/teacher/bank/files/people.yaml", data={"text": broken, "base_hash": token})
    assert resp.status_code == 422
    assert script_problems(resp.get_data(as_text=True)) == []
    assert ESCAPED in resp.get_data(as_text=True)
    saved = text + "# </textarea><script>alert('comment')</script>\n"
    resp = client.post("/teacher/bank/files/people.yaml", data={"text": saved, "base_hash": token})
    assert resp.status_code == 302
    html = page(client, "/teacher/bank/revisions/1")
    assert "&lt;/textarea&gt;&lt;script&gt;alert(&#39;comment&#39;)" in html
    path.write_text(text + "# <svg onload=alert('disk')>\n")  # changed on disk meanwhile
    resp = client.post("/teacher/bank/files/people.yaml", data={"text": broken, "base_hash": token})
    assert resp.status_code == 409
    assert script_problems(resp.get_data(as_text=True)) == []
    assert "&lt;svg onload=alert(&#39;disk&#39;)&gt;" in resp.get_data(as_text=True)


def test_a_username_with_html_is_inert(app: Flask, client, make_user) -> None:
    """Usernames are checked at sign-up; one that got in some other way is still only text."""
    with app.app_context():
        user = User(username=PAYLOAD_USERNAME, role="student")
        user.set_password(PASSWORD)
        db.session.add(user)
        db.session.commit()
        user_id = user.id
    log_in_as(client, user_id)
    quiz = answer_everything(client)
    for url in ("/", "/history/", f"/history/quiz/{quiz.id}"):
        assert "&lt;img src=x onerror=alert(9)&gt;" in page(client, url, shows_payload=False)
    teacher = make_user("teacher1", teacher=True)
    enrol(app, teacher, [user_id], name="<script>alert('class')</script>")
    log_in_as(client, teacher)
    page(client, "/teacher/", shows_payload=False)
    for url in (
        "/teacher/students",
        f"/teacher/students/{user_id}/history",
        f"/teacher/students/{user_id}/history/quiz/{quiz.id}",
    ):
        assert "&lt;img src=x onerror=alert(9)&gt;" in page(client, url, shows_payload=False)


def read_csv(client: FlaskClient, url: str) -> list[dict[str, str]]:
    """The rows of a CSV download (a text/csv attachment)."""
    with client.get(url) as resp:
        body = resp.get_data(as_text=True)
    assert resp.content_type.startswith("text/csv")
    assert resp.headers["Content-Disposition"].startswith("attachment")
    return list(csv.DictReader(io.StringIO(body)))


@pytest.mark.parametrize(
    "typed", ['=HYPERLINK("http://evil.example","x")', "+1+1", "-2+3", "@SUM(A1)", "\t=1"]
)
def test_csv_exports_defuse_formulas(app, client, make_user, student, typed: str) -> None:
    log_in_as(client, student)
    quiz = start(client, ["people"])
    while client.get(quiz.url).status_code == 200:
        position, question_id = quiz.current()
        given = {"answer": typed} if question_id == "xss-short" else ANSWERS[question_id]
        quiz.post(position, question_id, given)
    exports = [read_csv(client, "/history/export.csv")]
    teacher = make_user("teacher1", teacher=True)
    enrol(app, teacher, [student])
    log_in_as(client, teacher)
    exports.append(read_csv(client, f"/teacher/students/{student}/export.csv"))
    for rows in exports:
        cells = [row["answer"] for row in rows if row["question_id"] == "xss-short"]
        assert set(cells) == {"'" + typed.strip()} and 1 <= len(cells) <= MAX_ASKS  # re-asked
        for row in rows:
            for value in row.values():
                assert not value.startswith(("=", "+", "-", "@", "\t", "\r")), value


@pytest.mark.parametrize(
    "html",
    [
        "<p><script>alert(1)</script></p>",
        "<p><img src=x onerror=alert(1)></p>",
        '<a href=" javascript:alert(1)">x</a>',
        "<svg onload=alert(1)></svg>",
        '<span style="color:red">x</span>',
        "<iframe src=about:blank></iframe>",
        "<p>3703701</p>",
    ],
)
def test_the_audit_finds_what_would_run(html: str) -> None:
    assert script_problems(html)


def test_the_audit_passes_escaped_text() -> None:
    assert script_problems("<p>&lt;script&gt;alert(1)&lt;/script&gt; {{ 1234567*3 }}</p>") == []

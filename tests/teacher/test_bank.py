"""The teachers' bank status page, the Reload button and hot reload inside the app."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import pytest
from flask import Flask

from quizapp.bank.webapp import current_bank
from quizapp.extensions import db
from quizapp.models import Question


@pytest.fixture
def app_config(bank_dir: Path) -> dict[str, object]:
    return {"QUESTIONS_DIR": str(bank_dir), "BANK_RELOAD_SECONDS": 0}


def test_students_get_403(client, auth, student) -> None:
    auth.login("student1")
    assert client.get("/teacher/bank").status_code == 403
    assert client.post("/teacher/bank/reload").status_code == 403
    assert client.get("/teacher/").status_code == 403


def test_status_page_lists_topics_and_loading_syncs_the_db(
    app: Flask, client, auth, teacher
) -> None:
    auth.login("teacher1")
    html = client.get("/teacher/bank").get_data(as_text=True)
    assert "The bank is valid" in html
    assert "people.yaml" in html
    with app.app_context():
        assert db.session.execute(db.select(db.func.count(Question.id))).scalar() >= 60


def test_broken_edit_shows_errors_keeps_serving_and_fix_clears(
    app: Flask, client, auth, teacher, bank_dir: Path
) -> None:
    auth.login("teacher1")
    client.get("/teacher/bank")
    with app.test_request_context():
        served_before = len(current_bank())
    people = bank_dir / "people.yaml"
    good = people.read_text()
    people.write_text(good.replace("type: choice", "type: choise", 1))
    html = unescape(client.get("/teacher/bank").get_data(as_text=True))
    assert re.search(r"people\.yaml:\d+:\d+: question '[a-z0-9-]+': unknown type", html)
    assert f"Served: {served_before} questions" in html
    people.write_text(good + "\n")
    resp = client.post("/teacher/bank/reload", follow_redirects=True)
    html = resp.get_data(as_text=True)
    assert "The bank is valid" in html and "unknown type" not in html


def test_yaml_text_is_escaped_on_the_status_page(client, auth, teacher, bank_dir: Path) -> None:
    auth.login("teacher1")
    people = bank_dir / "people.yaml"
    people.write_text(people.read_text().replace("type: choice", "type: <script>x</script>", 1))
    html = client.get("/teacher/bank").get_data(as_text=True)
    assert "<script>x</script>" not in html
    assert "&lt;script&gt;" in html

"""Two app servers on one database and one bank folder: an edit through one is served by the other.

The way a school runs quizapp on several machines (docs/editor.md, "Several servers"): each
server reloads the shared folder every ``BANK_RELOAD_SECONDS``, and the revisions live in the
shared database. Runs on SQLite (two servers, one machine) and, in the PostgreSQL pass of
``make test`` (and so in CI), on PostgreSQL.
"""

from __future__ import annotations

import html
import re
import shutil
import time
from pathlib import Path

import pytest

from quizapp import create_app
from quizapp.auth.operations import create_user
from quizapp.extensions import db
from tests.conftest import PASSWORD, ROOT
from tests.load.conftest import BACKENDS, IN_CI, database_url
from tests.support.database import prepare
from tests.support.http import HttpClient, Response
from tests.support.pages import csrf_token
from tests.support.server import Server, ServerError

pytestmark = pytest.mark.slow

RELOAD_SECONDS = 1.0
OLD = "Where did Arthur Mensch work before"
NEW = "Where did Arthur Mensch work just before"


def _accounts(url: str, instance: Path) -> None:
    """A teacher and a student in the shared database."""
    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": "x"}, str(instance))
    with app.app_context():
        create_user("teacher1", PASSWORD, "teacher")
        create_user("student1", PASSWORD, "student")
        db.session.commit()
        db.engine.dispose()


def _log_in(server: Server, username: str) -> HttpClient:
    client = HttpClient(server.port)
    token = csrf_token(client.get("/auth/login").text)
    form = {"csrf_token": token, "username": username, "password": PASSWORD}
    assert client.post("/auth/login", form).status == 302
    return client


def _field(page: Response, name: str) -> str:
    match = re.search(rf'name="{name}" type="hidden" value="([^"]*)"', page.text)
    assert match, page.text[:2000]
    return match.group(1)


def _save_through(server: Server) -> None:
    """The teacher opens people.yaml on ``server``, edits one prompt and saves."""
    teacher = _log_in(server, "teacher1")
    page = teacher.get("/teacher/bank/files/people.yaml")
    assert page.status == 200
    text = html.unescape(re.search(r"<textarea[^>]*>\n?(.*?)</textarea>", page.text, re.S)[1])
    form = {
        "csrf_token": _field(page, "csrf_token"),
        "base_hash": _field(page, "base_hash"),
        "text": text.replace(OLD, NEW),
    }
    saved = teacher.post("/teacher/bank/files/people.yaml", form)
    assert saved.status == 302, saved.text[:3000]
    teacher.close()


def _start(url: str, folder: Path, bank: Path) -> Server:
    env = {"QUIZAPP_QUESTIONS_DIR": str(bank), "QUIZAPP_BANK_RELOAD_SECONDS": str(RELOAD_SECONDS)}
    server = Server(url, folder, workers=1, threads=2, env=env)
    try:
        return server.start()
    except ServerError as exc:
        if IN_CI:
            raise
        pytest.skip(f"gunicorn could not start here: {exc}")


@pytest.mark.parametrize("backend", BACKENDS)
def test_an_edit_through_one_server_is_served_by_the_other(tmp_path: Path, backend: str) -> None:
    bank = tmp_path / "shared" / "questions"
    shutil.copytree(ROOT / "questions", bank, ignore=shutil.ignore_patterns("drafts", "*.md"))
    url = database_url(backend, tmp_path)
    prepare(url, tmp_path / "instance")
    _accounts(url, tmp_path / "instance")
    one = _start(url, tmp_path / "one", bank)
    try:
        other = _start(url, tmp_path / "other", bank)
        try:
            student = _log_in(other, "student1")
            assert OLD in student.get("/flashcards/q/mensch-former-lab").text
            _save_through(one)
            saved_at = time.monotonic()
            while NEW not in student.get("/flashcards/q/mensch-former-lab").text:
                # within the reload interval; the margin is for a busy two-core machine only
                assert time.monotonic() - saved_at < RELOAD_SECONDS + 15, other.log_tail()
                time.sleep(0.1)
            student.close()
            teacher = _log_in(other, "teacher1")
            revisions = teacher.get("/teacher/bank/revisions").text
            assert "people.yaml" in revisions and "teacher1" in revisions
            teacher.close()
        finally:
            other.stop()
    finally:
        one.stop()
    assert NEW in (bank / "people.yaml").read_text()

"""Bad input to the editor: a clear message each time, and nothing written or recorded."""

from __future__ import annotations

from pathlib import Path

import pytest
from flask import Flask

from quizapp.extensions import db
from quizapp.models import BankRevision

from .conftest import multipart, open_file


def _files(bank_dir: Path) -> dict[str, bytes]:
    """The bank's files (the editor's lock file, ``.editor.lock``, aside)."""
    return {p.name: p.read_bytes() for p in bank_dir.iterdir() if p.name != ".editor.lock"}


def _nothing_changed(app: Flask, bank_dir: Path, before: dict[str, bytes]) -> None:
    assert _files(bank_dir) == before
    with app.app_context():
        assert db.session.execute(db.select(db.func.count(BankRevision.id))).scalar() == 0


@pytest.fixture
def before(bank_dir: Path) -> dict[str, bytes]:
    return _files(bank_dir)


def test_a_10_mb_save_is_refused_with_its_size(app, as_teacher, bank_dir, before) -> None:
    _text, base_hash = open_file(as_teacher, "people.yaml")
    huge = "topic: x\n" + "# filler\n" * (10 * 1024 * 1024 // 9)
    resp = as_teacher.post(
        "/teacher/bank/files/people.yaml", **multipart({"text": huge, "base_hash": base_hash})
    )
    assert resp.status_code == 413
    html = resp.get_data(as_text=True)
    assert "10.0 MiB" in html and "at most 1024 KiB" in html and "Nothing was saved" in html
    _nothing_changed(app, bank_dir, before)


def test_a_save_just_over_the_file_limit_is_named_beside_the_text(
    app, as_teacher, bank_dir, before
) -> None:
    _text, base_hash = open_file(as_teacher, "people.yaml")
    text = "topic: x\n" + "#" * (1024 * 1024) + "\n"
    resp = as_teacher.post(
        "/teacher/bank/files/people.yaml", **multipart({"text": text, "base_hash": base_hash})
    )
    assert resp.status_code == 422
    assert "a bank file is at most 1024 KiB" in resp.get_data(as_text=True)
    _nothing_changed(app, bank_dir, before)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"\x00\x01\x02binary\xff\xfe", "could not be read as text"),
        (b"topic: x\nquestions:\n  - id: \x07bell\n", "binary data (U+0007)"),
        (b"topic: caf\xe9\n", "binary data (U+FFFD)"),
    ],
)
def test_binary_data_is_refused(app, as_teacher, bank_dir, before, data, message) -> None:
    _text, base_hash = open_file(as_teacher, "people.yaml")
    resp = as_teacher.post(
        "/teacher/bank/files/people.yaml", **multipart({"base_hash": base_hash, "text": data})
    )
    assert resp.status_code in (400, 422)
    html = resp.get_data(as_text=True)
    assert message in html
    _nothing_changed(app, bank_dir, before)


@pytest.mark.parametrize(
    "url",
    [
        "/teacher/bank/files/..%2F..%2Fetc%2Fpasswd",
        "/teacher/bank/files/../../etc/passwd",
        "/teacher/bank/files/.editor.lock",
        "/teacher/bank/files/README.md",
        "/teacher/bank/files/_wip.yaml",
        "/teacher/bank/files/%2Fetc%2Fpasswd",
        "/teacher/bank/files/people.yaml/questions/..%2Fsources",
    ],
)
def test_paths_outside_the_bank_are_not_found(app, as_teacher, bank_dir, before, url) -> None:
    assert as_teacher.get(url).status_code == 404
    resp = as_teacher.post(url, data={"text": "topic: x\n", "base_hash": ""})
    assert resp.status_code in (404, 405)
    _nothing_changed(app, bank_dir, before)


def test_a_missing_file_is_not_found(as_teacher) -> None:
    assert as_teacher.get("/teacher/bank/files/nope.yaml").status_code == 404


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("../evil.yaml", "is not a topic file name"),
        ("../../tmp/evil", "is not a topic file name"),
        (".hidden", "is not a topic file name"),
        ("Big Topic", "is not a topic file name"),
        ("sub/dir.yaml", "is not a topic file name"),
    ],
)
def test_new_files_get_safe_names_only(app, as_teacher, bank_dir, before, name, message) -> None:
    resp = as_teacher.get("/teacher/bank/new", query_string={"name": name, "title": "Evil"})
    assert resp.status_code == 422
    assert message in resp.get_data(as_text=True)
    _nothing_changed(app, bank_dir, before)
    assert not (bank_dir.parent / "evil.yaml").exists()


def test_a_save_without_the_csrf_token_is_refused(app, bank_dir, before, teacher) -> None:
    app.config["WTF_CSRF_ENABLED"] = True
    client = app.test_client()
    login = client.get("/auth/login").get_data(as_text=True)
    token = login.split('name="csrf_token" type="hidden" value="')[1].split('"')[0]
    client.post(
        "/auth/login",
        data={"username": "teacher1", "password": "correct horse battery", "csrf_token": token},
    )
    text, base_hash = open_file(client, "people.yaml")
    resp = client.post(
        "/teacher/bank/files/people.yaml", data={"text": text + "# x\n", "base_hash": base_hash}
    )
    assert resp.status_code == 400
    assert "The form expired" in resp.get_data(as_text=True)
    resp = client.post("/teacher/bank/import-gift", data={"name": "x.yaml"})
    assert resp.status_code == 400
    _nothing_changed(app, bank_dir, before)


EDITOR_URLS = [
    ("GET", "/teacher/bank/files"),
    ("GET", "/teacher/bank/files/people.yaml"),
    ("POST", "/teacher/bank/files/people.yaml"),
    ("GET", "/teacher/bank/files/people.yaml/questions/mensch-former-lab"),
    ("GET", "/teacher/bank/new?name=x.yaml&title=X"),
    ("GET", "/teacher/bank/revisions"),
    ("GET", "/teacher/bank/revisions/1"),
    ("POST", "/teacher/bank/revisions/1/revert"),
    ("GET", "/teacher/bank/import-gift"),
    ("POST", "/teacher/bank/import-gift"),
]


@pytest.mark.parametrize(("method", "url"), EDITOR_URLS)
def test_students_and_visitors_cannot_use_the_editor(
    app, client, auth, student, bank_dir, before, method, url
) -> None:
    form = {"text": "topic: x\n", "base_hash": ""}
    resp = client.open(url, method=method, data=form if method == "POST" else None)
    assert resp.status_code == 302 and "/auth/login" in resp.location
    auth.login("student1")
    resp = client.open(url, method=method, data=form if method == "POST" else None)
    assert resp.status_code == 403
    _nothing_changed(app, bank_dir, before)

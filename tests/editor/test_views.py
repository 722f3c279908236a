"""The editor's pages: list, open, save with errors beside the text, save, conflict, preview."""

from __future__ import annotations

from pathlib import Path

from flask import Flask
from flask.testing import FlaskClient

from quizapp.extensions import db
from quizapp.models import BankRevision, Question

from .conftest import BAD, GOOD, hidden, open_file, textarea


def revisions(app: Flask) -> list[BankRevision]:
    with app.app_context():
        return list(db.session.execute(db.select(BankRevision).order_by(BankRevision.id)).scalars())


def test_files_are_listed(as_teacher: FlaskClient) -> None:
    html = as_teacher.get("/teacher/bank/files").get_data(as_text=True)
    assert "/teacher/bank/files/people.yaml" in html
    assert "/teacher/bank/files/sources.yaml" in html
    assert "README.md" not in html


def test_opening_a_file_shows_its_text_and_questions(as_teacher, bank_dir: Path) -> None:
    text, base_hash = open_file(as_teacher, "people.yaml")
    assert text == (bank_dir / "people.yaml").read_text()
    assert len(base_hash) == 64
    html = as_teacher.get("/teacher/bank/files/people.yaml").get_data(as_text=True)
    assert 'enctype="multipart/form-data"' in html
    assert "/teacher/bank/files/people.yaml/questions/mensch-former-lab" in html


def test_an_invalid_save_shows_each_error_at_its_line_and_writes_nothing(
    app: Flask, as_teacher, bank_dir: Path
) -> None:
    path = bank_dir / "people.yaml"
    before = path.read_bytes()
    text, base_hash = open_file(as_teacher, "people.yaml")
    broken = text.replace(GOOD, BAD).replace("difficulty: easy", "difficulty: trivial", 1)
    line = broken.splitlines().index(BAD) + 1
    resp = as_teacher.post(
        "/teacher/bank/files/people.yaml",
        data={"text": broken.replace("\n", "\r\n"), "base_hash": base_hash, "save": "1"},
    )
    assert resp.status_code == 422
    html = resp.get_data(as_text=True)
    assert "2 errors: nothing was saved" in html
    assert f'data-line="{line}"' in html and f"Line {line}, column" in html
    assert "Google Deepmind Labs" in textarea(html)  # the teacher's text is kept
    assert "trivial" in html
    assert path.read_bytes() == before
    assert revisions(app) == []


def test_a_valid_save_is_written_recorded_and_served_at_once(
    app: Flask, as_teacher, bank_dir: Path, teacher: int, clock
) -> None:
    path = bank_dir / "people.yaml"
    as_teacher.get("/teacher/bank/files")  # the bank is loaded; the next reload is an hour away
    text, base_hash = open_file(as_teacher, "people.yaml")
    new = text.replace("Where did Arthur Mensch work", "Where did Arthur Mensch work first")
    resp = as_teacher.post(
        "/teacher/bank/files/people.yaml",
        data={"text": new.replace("\n", "\r\n"), "base_hash": base_hash},
    )
    assert resp.status_code == 302
    assert path.read_text() == new  # \r\n from the browser written as \n
    [rev] = revisions(app)
    assert (rev.path, rev.user_id, rev.action) == ("people.yaml", teacher, "edit")
    assert (rev.before_text, rev.after_text, rev.created_at) == (text, new, clock.now)
    page = as_teacher.get(resp.location).get_data(as_text=True)
    assert "students get it now" in page
    served = as_teacher.get("/flashcards/q/mensch-former-lab").get_data(as_text=True)
    assert "Mensch work first" in served
    with app.app_context():
        assert "work first" in db.session.get(Question, "mensch-former-lab").prompt


def test_saving_the_same_text_records_nothing(app: Flask, as_teacher) -> None:
    text, base_hash = open_file(as_teacher, "people.yaml")
    resp = as_teacher.post(
        "/teacher/bank/files/people.yaml", data={"text": text, "base_hash": base_hash}
    )
    assert resp.status_code == 302
    assert revisions(app) == []


def test_check_without_saving(app: Flask, as_teacher, bank_dir: Path) -> None:
    text, base_hash = open_file(as_teacher, "people.yaml")
    new = text.replace("difficulty: easy", "difficulty: hard", 1)
    form = {"text": new, "base_hash": base_hash, "check": "1"}
    resp = as_teacher.post("/teacher/bank/files/people.yaml", data=form)
    assert resp.status_code == 200
    assert "No errors" in resp.get_data(as_text=True)
    assert (bank_dir / "people.yaml").read_text() == text
    assert revisions(app) == []


def test_a_file_changed_on_disk_is_not_overwritten(app: Flask, as_teacher, bank_dir: Path) -> None:
    path = bank_dir / "people.yaml"
    text, base_hash = open_file(as_teacher, "people.yaml")
    theirs = text.replace("difficulty: easy", "difficulty: medium", 1)
    path.write_text(theirs)  # a colleague with a shell
    mine = text.replace("Where did Arthur Mensch work", "Where did Mensch work")
    resp = as_teacher.post(
        "/teacher/bank/files/people.yaml", data={"text": mine, "base_hash": base_hash}
    )
    assert resp.status_code == 409
    html = resp.get_data(as_text=True)
    assert "the file changed since you opened it" in html
    assert "Where did Mensch work" in textarea(html)  # mine, to keep editing
    assert "difficulty: medium" in html  # theirs, shown beside it
    assert path.read_text() == theirs
    assert revisions(app) == []
    # Saving again from that page is deliberate: it carries the disk version's hash.
    resp = as_teacher.post(
        "/teacher/bank/files/people.yaml",
        data={"text": mine, "base_hash": hidden(html, "base_hash")},
    )
    assert resp.status_code == 302
    assert path.read_text() == mine


def test_preview_shows_the_question_as_students_see_it(as_teacher) -> None:
    html = as_teacher.get("/teacher/bank/files/people.yaml/questions/mensch-former-lab")
    assert html.status_code == 200
    page = html.get_data(as_text=True)
    assert "Where did Arthur Mensch work" in page
    assert 'type="radio"' in page and "<fieldset" in page and "disabled" in page
    assert "The right answer" in page and "Google DeepMind" in page
    assert "answer-form" in page and 'action="/quiz' not in page  # nothing can be sent
    assert as_teacher.get("/teacher/bank/files/people.yaml/questions/nope").status_code == 404

"""Revisions: every save is one, with who and when, a diff, and a revert that is itself one."""

from __future__ import annotations

from pathlib import Path

from flask import Flask

from quizapp.extensions import db
from quizapp.models import BankRevision, User

from .conftest import hidden, open_file, textarea


def _save(client, name: str, change: tuple[str, str]) -> None:
    text, base_hash = open_file(client, name)
    assert change[0] in text
    new = text.replace(*change, 1)
    resp = client.post(f"/teacher/bank/files/{name}", data={"text": new, "base_hash": base_hash})
    assert resp.status_code == 302, resp.get_data(as_text=True)


def _revisions(app: Flask) -> list[tuple[str, str, str | None, str]]:
    with app.app_context():
        rows = db.session.execute(db.select(BankRevision).order_by(BankRevision.id)).scalars()
        return [(r.path, r.action, r.before_text, r.after_text) for r in rows]


def test_the_diff_shows_who_when_and_what(app: Flask, as_teacher) -> None:
    text, _ = open_file(as_teacher, "people.yaml")
    line = next(n for n, row in enumerate(text.splitlines(), 1) if "difficulty: easy" in row)
    _save(as_teacher, "people.yaml", ("difficulty: easy", "difficulty: hard"))
    html = as_teacher.get("/teacher/bank/revisions/1").get_data(as_text=True)
    assert "Edit by teacher1, 2 Mar 2026, 09:00 UTC" in html
    assert "1 line added, 1 removed" in html
    assert f'<tr class="removed"><td>{line}</td>' in html and "difficulty: easy" in html
    assert f'<tr class="added"><td></td><td>{line}</td>' in html and "difficulty: hard" in html
    listing = as_teacher.get("/teacher/bank/revisions?file=people.yaml").get_data(as_text=True)
    assert "/teacher/bank/revisions/1" in listing
    assert "/teacher/bank/revisions/1" in as_teacher.get("/teacher/bank/files").get_data(
        as_text=True
    )
    assert as_teacher.get("/teacher/bank/revisions/99").status_code == 404


def test_revert_puts_the_old_text_back_as_a_new_revision(
    app: Flask, as_teacher, bank_dir: Path
) -> None:
    original = (bank_dir / "people.yaml").read_text()
    _save(as_teacher, "people.yaml", ("difficulty: easy", "difficulty: hard"))
    page = as_teacher.get("/teacher/bank/revisions/1").get_data(as_text=True)
    resp = as_teacher.post(
        "/teacher/bank/revisions/1/revert", data={"base_hash": hidden(page, "base_hash")}
    )
    assert resp.status_code == 302 and resp.location.endswith("/teacher/bank/revisions/2")
    assert (bank_dir / "people.yaml").read_text() == original
    [(_, first, _, edited), (path, action, before, after)] = _revisions(app)
    assert (first, path, action) == ("edit", "people.yaml", "revert")
    assert (before, after) == (edited, original)


def test_revert_refuses_when_the_file_changed_since_the_page(
    app: Flask, as_teacher, bank_dir: Path
) -> None:
    _save(as_teacher, "people.yaml", ("difficulty: easy", "difficulty: hard"))
    page = as_teacher.get("/teacher/bank/revisions/1").get_data(as_text=True)
    _save(as_teacher, "people.yaml", ("type: choice", "type: choice  # checked"))
    now = (bank_dir / "people.yaml").read_text()
    resp = as_teacher.post(
        "/teacher/bank/revisions/1/revert", data={"base_hash": hidden(page, "base_hash")}
    )
    assert resp.status_code == 409
    assert "The file changed since you opened this page" in resp.get_data(as_text=True)
    assert (bank_dir / "people.yaml").read_text() == now
    assert len(_revisions(app)) == 2
    page = as_teacher.get("/teacher/bank/revisions/1").get_data(as_text=True)
    assert "undoing the later changes too" in page


def test_a_new_file_is_created_on_save_and_cannot_be_reverted_away(
    app: Flask, as_teacher, bank_dir: Path
) -> None:
    resp = as_teacher.get(
        "/teacher/bank/new", query_string={"name": "founders-2", "title": "More founders"}
    )
    assert resp.status_code == 200
    html = resp.get_data(as_text=True)
    assert not (bank_dir / "founders-2.yaml").exists()  # nothing written yet
    assert 'action="/teacher/bank/files/founders-2.yaml"' in html
    text = textarea(html)
    resp = as_teacher.post(
        "/teacher/bank/files/founders-2.yaml", data={"text": text, "base_hash": ""}
    )
    assert resp.status_code == 302
    assert (bank_dir / "founders-2.yaml").read_text().startswith("topic: 'More founders'")
    [(path, action, before, _after)] = _revisions(app)
    assert (path, action, before) == ("founders-2.yaml", "create", None)
    page = as_teacher.get("/teacher/bank/revisions/1").get_data(as_text=True)
    assert "it cannot be reverted" in page
    resp = as_teacher.post("/teacher/bank/revisions/1/revert", data={"base_hash": ""})
    assert resp.status_code == 409
    assert (bank_dir / "founders-2.yaml").exists()
    # Creating it again from a stale "new file" page is a conflict, not an overwrite.
    resp = as_teacher.post(
        "/teacher/bank/files/founders-2.yaml", data={"text": text, "base_hash": ""}
    )
    assert resp.status_code == 409
    assert len(_revisions(app)) == 1


def test_an_existing_name_opens_that_file(as_teacher) -> None:
    resp = as_teacher.get("/teacher/bank/new", query_string={"name": "people", "title": "X"})
    assert resp.status_code == 302 and resp.location.endswith("/teacher/bank/files/people.yaml")


def test_a_revision_by_a_deleted_account_still_shows(app: Flask, as_teacher, make_user) -> None:
    other = make_user("teacher2", teacher=True)
    with app.app_context():
        db.session.add(
            BankRevision(path="people.yaml", user_id=other, before_text="a\n", after_text="b\n")
        )
        db.session.commit()
    assert "by teacher2" in as_teacher.get("/teacher/bank/revisions/1").get_data(as_text=True)
    with app.app_context():
        db.session.execute(db.delete(User).where(User.id == other))
        db.session.commit()
    html = as_teacher.get("/teacher/bank/revisions/1").get_data(as_text=True)
    assert "by (deleted account)" in html

"""Uploading a GIFT file: the importer's messages in the page, a new topic file, a revision."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

from flask import Flask

from quizapp.editor.imports import _origin
from quizapp.extensions import db
from quizapp.models import BankRevision

GIFT = Path(__file__).resolve().parents[1] / "data" / "gift"


def _upload(client, data: bytes, name: str = "imported", sources: tuple[str, ...] = ()):
    form = {"gift": (BytesIO(data), "quiz.gift"), "name": name, "sources": list(sources)}
    return client.post("/teacher/bank/import-gift", data=form, content_type="multipart/form-data")


def _revisions(app: Flask) -> list[tuple[str, str]]:
    with app.app_context():
        rows = db.session.execute(db.select(BankRevision).order_by(BankRevision.id)).scalars()
        return [(r.path, r.action) for r in rows]


def test_the_form_lists_the_sources(as_teacher) -> None:
    html = as_teacher.get("/teacher/bank/import-gift").get_data(as_text=True)
    assert 'type="file"' in html and 'value="ai-harmony"' in html


def test_an_upload_becomes_a_topic_file_with_the_importers_messages(
    app: Flask, as_teacher, bank_dir: Path
) -> None:
    resp = _upload(as_teacher, (GIFT / "foreign.gift").read_bytes(), sources=("ai-harmony",))
    html = resp.get_data(as_text=True)
    assert resp.status_code == 200, html
    assert "Imported " in html and "/teacher/bank/files/imported.yaml" in html
    assert "GIFT line " in html and "essay questions cannot be graded" in html
    written = (bank_dir / "imported.yaml").read_text()
    assert written.startswith("# Imported from quiz.gift")
    assert "sources: [ai-harmony]" in written
    assert _revisions(app) == [("imported.yaml", "import")]
    assert as_teacher.get("/teacher/bank/files/imported.yaml").status_code == 200


def test_an_upload_with_nothing_importable_writes_nothing(
    app: Flask, as_teacher, bank_dir: Path
) -> None:
    resp = _upload(as_teacher, b"Just a description, no question.\n")
    assert resp.status_code == 422
    assert "nothing was written" in resp.get_data(as_text=True)
    assert not (bank_dir / "imported.yaml").exists()
    assert _revisions(app) == []


def test_bad_uploads_get_a_clear_message(app: Flask, as_teacher, bank_dir: Path) -> None:
    resp = _upload(as_teacher, "Q?{=caf\u00e9}\n".encode("cp1252"))
    assert resp.status_code == 422
    assert "Line 1 is not UTF-8 text" in resp.get_data(as_text=True)
    resp = _upload(as_teacher, b"Q?{=a}\x00\x01")
    assert "binary data" in resp.get_data(as_text=True)
    resp = _upload(as_teacher, b"Q?{=a}\n", name="../../evil")
    assert "is not a topic file name" in resp.get_data(as_text=True)
    resp = _upload(as_teacher, b"Q?{=a}\n", name="people.yaml")
    assert "people.yaml exists already" in resp.get_data(as_text=True)
    resp = as_teacher.post(
        "/teacher/bank/import-gift", data={"name": "x"}, content_type="multipart/form-data"
    )
    assert "Choose a GIFT file" in resp.get_data(as_text=True)
    assert not (bank_dir.parent / "evil.yaml").exists()
    assert _revisions(app) == []


def test_an_answer_block_that_crashed_the_importer_is_imported(
    app: Flask, as_teacher, bank_dir: Path
) -> None:
    """A GIFT answer block without = or ~ crashed the importer (issue 22); as in Moodle, it
    is a short answer now, imported as a draft (no source given)."""
    resp = _upload(as_teacher, b"Capital of France? {Paris}\n")
    html = resp.get_data(as_text=True)
    assert resp.status_code == 200, html
    assert "Traceback" not in html
    written = (bank_dir / "imported.yaml").read_text()
    assert "type: short" in written and "answer: Paris" in written
    assert "status: draft" in written
    assert _revisions(app) == [("imported.yaml", "import")]


def test_the_uploads_name_cannot_break_out_of_the_header_comment(as_teacher, bank_dir) -> None:
    form = {
        "gift": (BytesIO(b"::q1:: Paris is in France.{T}\n"), "../evil/a: b.gift"),
        "name": "named",
        "sources": ["ai-harmony"],
    }
    resp = as_teacher.post(
        "/teacher/bank/import-gift", data=form, content_type="multipart/form-data"
    )
    assert resp.status_code == 200, resp.get_data(as_text=True)
    first = (bank_dir / "named.yaml").read_text().splitlines()[0]
    assert first.startswith("# Imported from a_ b.gift ") and "evil" not in first
    assert _origin("x\ntopic: evil") == "x_topic_ evil"
    assert _origin(None) == _origin("") == "upload"

"""The teachers' download links and the import form on the bank page."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

import pytest

from quizapp.exchange import FORMATS


def test_students_get_403(client, auth, student) -> None:
    auth.login("student1")
    assert client.get("/teacher/bank/export/gift").status_code == 403


def test_anonymous_visitors_are_sent_to_log_in(client) -> None:
    response = client.get("/teacher/bank/export/csv")
    assert response.status_code == 302 and "/auth/login" in response.location


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_teachers_download_each_format(client, auth, teacher, fmt: str) -> None:
    auth.login("teacher1")
    response = client.get(f"/teacher/bank/export/{fmt}")
    assert response.status_code == 200
    disposition = response.headers["Content-Disposition"]
    assert disposition == f"attachment; filename={FORMATS[fmt].filename}"
    assert response.mimetype == FORMATS[fmt].mimetype.split(";")[0]
    assert response.data


def test_the_gift_download_notes_what_it_cannot_express(client, auth, teacher) -> None:
    auth.login("teacher1")
    text = client.get("/teacher/bank/export/gift").get_data(as_text=True)
    assert "// not expressible: GIFT has one blank per question" in text


def test_unknown_format_is_404(client, auth, teacher) -> None:
    auth.login("teacher1")
    assert client.get("/teacher/bank/export/docx").status_code == 404


def test_the_bank_page_links_every_format(client, auth, teacher) -> None:
    assert set(FORMATS) == {"anki", "gift", "moodle-xml", "qti", "csv"}
    auth.login("teacher1")
    html = client.get("/teacher/bank").get_data(as_text=True)
    for fmt in FORMATS.values():
        assert f'href="/teacher/bank/export/{fmt.name}"' in html


def _upload(client, fmt: str, name: str, data: bytes, button: str = "show"):
    form = {"fmt": fmt, "file": (BytesIO(data), name), button: "x"}
    return client.post("/teacher/bank/import", data=form, content_type="multipart/form-data")


AIKEN = b"Where is it?\nA. Paris\nB. Berlin\nANSWER: A\n\nOnly one?\nA. x\nANSWER: A\n"


def test_the_bank_page_converts_an_aiken_upload_and_saves_nothing(
    client, auth, teacher, app
) -> None:
    auth.login("teacher1")
    before = sorted(p.name for p in Path(app.config["QUESTIONS_DIR"]).iterdir())
    response = _upload(client, "aiken", "mistral.txt", AIKEN)
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert "1 question converted" in html
    assert "mistral.txt:6</code>: a question needs at least two options" in html
    assert "answer: Paris" in html and "questions/mistral.yaml" in html
    assert sorted(p.name for p in Path(app.config["QUESTIONS_DIR"]).iterdir()) == before


def test_a_moodle_xml_upload_that_is_not_xml_is_reported_by_line(client, auth, teacher) -> None:
    auth.login("teacher1")
    response = _upload(client, "moodle-xml", "bank.xml", b"<quiz>\n<question>\n</quiz>")
    assert response.status_code == 200
    assert "bank.xml:3</code>: not well-formed XML" in response.get_data(as_text=True)


def test_an_upload_without_a_file_is_400(client, auth, teacher) -> None:
    auth.login("teacher1")
    response = client.post("/teacher/bank/import", data={"fmt": "gift"})
    assert response.status_code == 400
    assert "Choose a file to convert." in response.get_data(as_text=True)


def test_students_cannot_import(client, auth, student) -> None:
    auth.login("student1")
    assert _upload(client, "gift", "x.gift", b"Q?{TRUE}").status_code == 403


def test_the_bank_page_offers_the_import_form(client, auth, teacher) -> None:
    auth.login("teacher1")
    html = client.get("/teacher/bank").get_data(as_text=True)
    assert 'action="/teacher/bank/import"' in html and 'enctype="multipart/form-data"' in html
    assert 'value="Convert and show"' in html and 'value="Convert and download the .yaml"' in html
    for label in ("GIFT", "Moodle XML", "Aiken"):
        assert label in html


def test_an_uploaded_file_is_shown_inert(client, auth, teacher) -> None:
    auth.login("teacher1")
    aiken = b"<script>alert(1)</script>?\nA. <b>x</b>\nB. y\nANSWER: Z\n"
    html = _upload(client, "aiken", "<img src=x onerror=alert(2)>.txt", aiken).get_data(True)
    assert "<script>alert(1)" not in html and "<b>x</b>" not in html
    assert "<img src=x" not in html and "&lt;img src=x onerror=alert(2)&gt;" in html


def test_the_converted_file_downloads_as_a_topic_file_and_nothing_is_saved(
    client, auth, teacher, app
) -> None:
    auth.login("teacher1")
    before = sorted(p.name for p in Path(app.config["QUESTIONS_DIR"]).iterdir())
    response = _upload(client, "aiken", "Mistral Quiz.txt", AIKEN, button="download")
    assert response.status_code == 200
    assert response.headers["Content-Disposition"] == "attachment; filename=mistral-quiz.yaml"
    assert response.mimetype == "application/yaml"
    text = response.get_data(as_text=True)
    assert text.startswith("# Imported from Mistral Quiz.txt")
    assert "#   line 6: a question needs at least two options" in text
    assert "answer: Paris" in text
    assert sorted(p.name for p in Path(app.config["QUESTIONS_DIR"]).iterdir()) == before


def test_a_download_with_nothing_to_import_shows_the_problems_instead(
    client, auth, teacher
) -> None:
    auth.login("teacher1")
    response = _upload(client, "moodle-xml", "bank.xml", b"<quiz>\n<question>\n</quiz>",
                       button="download")  # fmt: skip
    assert "Content-Disposition" not in response.headers
    assert "bank.xml:3</code>: not well-formed XML" in response.get_data(as_text=True)


def test_the_result_page_offers_the_form_again_with_both_buttons(client, auth, teacher) -> None:
    auth.login("teacher1")
    html = _upload(client, "aiken", "mistral.txt", AIKEN).get_data(as_text=True)
    assert html.count('action="/teacher/bank/import"') == 1
    assert 'value="Convert and download the .yaml"' in html
    assert "save the topic file as <code>mistral.yaml</code>" in html


def test_an_upload_too_large_to_read_is_413_not_500(client, auth, teacher, app) -> None:
    """The error page renders the import form; it must not read the refused body again."""
    auth.login("teacher1")
    big = b"x" * (app.config["MAX_CONTENT_LENGTH"] + 1)
    response = _upload(client, "aiken", "big.txt", big)
    assert response.status_code == 413

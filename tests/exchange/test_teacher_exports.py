"""The teachers' download links on the bank page."""

from __future__ import annotations

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
    auth.login("teacher1")
    html = client.get("/teacher/bank").get_data(as_text=True)
    for fmt in FORMATS.values():
        assert f'href="/teacher/bank/export/{fmt.name}"' in html

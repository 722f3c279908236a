"""A teacher downloads every export and a converted import file from the bank page, in Chromium."""

from __future__ import annotations

from pathlib import Path

from quizapp.exchange import FORMATS

from .conftest import TEACHER
from .pages import Page, expect, login_by_mouse

AIKEN = b"Where is it based?\nA. Paris\nB. Berlin\nANSWER: A\n\nOnly one?\nA. x\nANSWER: A\n"


def test_every_export_format_downloads_from_the_bank_page(page: Page) -> None:
    login_by_mouse(page, *TEACHER)
    page.goto("/teacher/bank")
    for fmt in FORMATS.values():
        with page.expect_download() as info:
            page.get_by_role("link", name=fmt.label).click()
        download = info.value
        assert download.suggested_filename == fmt.filename
        assert Path(download.path()).stat().st_size > 0, fmt.name


def test_a_converted_aiken_file_downloads_as_a_topic_file(page: Page) -> None:
    login_by_mouse(page, *TEACHER)
    page.goto("/teacher/bank")
    page.get_by_label("Format").select_option("aiken")
    page.get_by_label("File").set_input_files(
        files=[{"name": "mistral_quiz.txt", "mimeType": "text/plain", "buffer": AIKEN}]
    )
    with page.expect_download() as info:
        page.get_by_role("button", name="Convert and download the .yaml").click()
    download = info.value
    assert download.suggested_filename == "mistral-quiz.yaml"
    text = Path(download.path()).read_text("utf-8")
    assert "answer: Paris" in text
    assert "#   line 6: a question needs at least two options" in text
    expect(page.get_by_role("heading", name="Question bank")).to_be_visible()

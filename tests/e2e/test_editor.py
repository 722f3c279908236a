"""A teacher edits a topic file in the browser: sees the error at its line, fixes it, saves,
and a student's quiz asks the new text."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from quizapp.bank.spec import Bank

from .conftest import TEACHER
from .pages import (
    FEEDBACK_URL,
    QUESTION_URL,
    Page,
    answer_for,
    expect,
    fill_by_mouse,
    login_by_mouse,
    nav,
    question_id,
    register_by_mouse,
    start_quiz_by_mouse,
)
from .server import LiveServer

OLD_PROMPT = "worked at which *AI lab*?"
NEW_PROMPT = "worked at which research lab?"
BAD_ANSWER = "    answer: Google Deepmind Labs"


@pytest.fixture
def people_yaml(live_server: LiveServer) -> Iterator[Path]:
    """The server's people.yaml, put back however the test ends."""
    path = live_server.bank_dir / "people.yaml"
    original = path.read_text()
    yield path
    path.write_text(original)


def _textarea_text(page: Page) -> str:
    return page.locator("textarea#text").input_value()


def test_edit_see_the_error_fix_save_and_the_quiz_asks_the_new_text(
    new_page, bank: Bank, people_yaml: Path
) -> None:
    teacher = new_page()
    login_by_mouse(teacher, *TEACHER)
    nav(teacher, "Teacher")
    teacher.get_by_role("link", name="Edit the question bank").click()
    teacher.get_by_role("link", name="people.yaml").click()
    text = _textarea_text(teacher)
    assert OLD_PROMPT in text

    broken = text.replace(OLD_PROMPT, NEW_PROMPT).replace("    answer: Google DeepMind", BAD_ANSWER)
    line = broken.splitlines().index(BAD_ANSWER) + 1
    teacher.locator("textarea#text").fill(broken)
    teacher.get_by_role("button", name="Save", exact=True).click()
    alert = teacher.get_by_role("alert")
    expect(alert).to_contain_text("1 error: nothing was saved")
    error = teacher.get_by_role("complementary", name="Errors").get_by_role("listitem").first
    expect(error).to_contain_text(f"Line {line}, column")
    expect(error).to_contain_text("mensch-former-lab")
    assert people_yaml.read_text() == text  # nothing written

    error.get_by_role("link", name=re.compile(f"^Line {line}")).click()  # the cursor goes there
    caret = teacher.evaluate(
        "() => { const t = document.getElementById('text');"
        " return t.value.slice(0, t.selectionStart).split('\\n').length; }"
    )
    assert caret == line
    expect(teacher.locator("textarea#text")).to_be_focused()

    teacher.locator("textarea#text").fill(broken.replace(BAD_ANSWER, "    answer: Google DeepMind"))
    teacher.get_by_role("button", name="Save", exact=True).click()
    expect(teacher.locator(".flash.success")).to_contain_text("Saved people.yaml")
    assert NEW_PROMPT in people_yaml.read_text()

    student = new_page()
    register_by_mouse(student, "edith", "a long student password")
    start_quiz_by_mouse(student)
    while question_id(student) != "mensch-former-lab":
        fill_by_mouse(student, answer_for(bank, question_id(student), set()))
        student.wait_for_url(FEEDBACK_URL)
        student.locator("[data-key-next]").click()
        expect(student).to_have_url(QUESTION_URL)
    expect(student.locator(".prompt")).to_contain_text("worked at which research lab?")


def test_the_editor_works_without_javascript_on_a_phone(browser, live_server: LiveServer) -> None:
    context = browser.new_context(
        base_url=live_server.url, java_script_enabled=False, viewport={"width": 375, "height": 800}
    )
    try:
        page = context.new_page()
        login_by_mouse(page, *TEACHER)
        for url in ("/teacher/bank/files", "/teacher/bank/files/people.yaml"):
            page.goto(url)
            sideways = page.evaluate(
                "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
            )
            assert sideways <= 0, url
        text = _textarea_text(page)
        page.locator("textarea#text").fill(text.replace("    answer: Google DeepMind", BAD_ANSWER))
        page.get_by_role("button", name="Check without saving").click()
        expect(page.get_by_role("alert")).to_contain_text("1 error: nothing was saved")
        assert (
            page.evaluate(
                "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
            )
            <= 0
        )
        page.get_by_role("link", name="← Files of the bank").click()
        page.goto("/teacher/bank/files/people.yaml/questions/mensch-former-lab")
        expect(page.locator(".prompt")).to_contain_text("Arthur Mensch")
    finally:
        context.close()

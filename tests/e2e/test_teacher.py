"""A teacher reads the question statistics and sees a broken YAML edit on the bank page."""

from __future__ import annotations

import time
from pathlib import Path

from quizapp.bank.spec import Bank

from .conftest import TEACHER
from .pages import QUESTION_URL, Page, expect, login_by_mouse, nav, question_id, register_by_mouse
from .server import RELOAD_SECONDS

GOOD_LINE = "    answer: Google DeepMind"
BAD_LINE = "    answer: Google Deepmind Labs"



def test_question_statistics(page: Page, bank: Bank):
    login_by_mouse(page, *TEACHER)
    nav(page, "Teacher")
    page.get_by_role("link", name="Question statistics").click()
    expect(page.get_by_role("heading", name="Question statistics")).to_be_visible()
    rows = page.locator("tbody tr")
    expect(rows).to_have_count(len(bank.questions))
    for spec in bank.questions.values():
        row = rows.filter(has=page.locator("code", has_text=spec.id))
        expect(row.get_by_role("link", name=f"{spec.file}:{spec.line}")).to_be_visible()
        expect(row.get_by_role("link", name="Details")).to_be_visible()


def test_broken_edit_is_reported_and_the_last_good_bank_served(
    new_page, bank: Bank, people_yaml: Path
):
    teacher = new_page()
    login_by_mouse(teacher, *TEACHER)
    teacher.goto("/teacher/bank")
    expect(teacher.locator("p.ok")).to_contain_text("The bank is valid")

    lines = people_yaml.read_text().splitlines()
    line = lines.index(GOOD_LINE) + 1
    lines[line - 1] = BAD_LINE
    people_yaml.write_text("\n".join(lines) + "\n")
    time.sleep(RELOAD_SECONDS + 0.2)  # the next request looks for edits
    teacher.reload()
    alert = teacher.get_by_role("alert")
    expect(alert).to_contain_text("1 error in the YAML")
    expect(alert).to_contain_text(f"people.yaml:{line}:")
    expect(alert).to_contain_text("mensch-former-lab")

    student = new_page()
    register_by_mouse(student, "sam", "a long student password")
    nav(student, "Study")
    expect(student.get_by_text("Founders and people (5)")).to_be_visible()
    student.get_by_role("button", name="Start").click()
    expect(student).to_have_url(QUESTION_URL)
    assert question_id(student) in bank

    people_yaml.write_text("\n".join([*lines[: line - 1], GOOD_LINE, *lines[line:]]) + "\n")
    teacher.get_by_role("button", name="Reload now").click()
    expect(teacher.locator(".flash")).to_have_text("Bank reloaded.")
    expect(teacher.locator("p.ok")).to_contain_text("The bank is valid")

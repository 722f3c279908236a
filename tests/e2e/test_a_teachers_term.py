"""A teacher's term in one browser run: create a class, a student joins with the code, ten
questions assigned due tomorrow, done by the student, read in the grid and the gradebook CSV;
an exam date puts a plan on the student's home; a typo fixed in the bank editor reaches the
student's next quiz."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from quizapp.bank.spec import Bank

from .conftest import TEACHER
from .pages import (
    Page,
    answer_quiz,
    answer_until,
    expect,
    login_by_mouse,
    nav,
    register_by_mouse,
    start_quiz_by_mouse,
)

PARIS = ZoneInfo("Europe/Paris")
TYPO = "worked at which *AI lab*?"
FIXED = "worked at which AI research lab?"
MISSED = {"founded-year"}



def paris_input(moment: datetime) -> str:
    """A ``datetime-local`` value on the class's (Paris) clock."""
    return moment.astimezone(PARIS).strftime("%Y-%m-%dT%H:%M")


def test_a_teachers_term(new_page, bank: Bank, people_yaml: Path) -> None:
    teacher: Page = new_page()
    login_by_mouse(teacher, *TEACHER)
    nav(teacher, "Teacher")
    teacher.get_by_role("link", name="New class").click()
    teacher.get_by_label("Class name").fill("Year 11")
    teacher.get_by_label("Time zone").select_option("Europe/Paris")
    teacher.get_by_role("button", name="Create class").click()
    expect(teacher.get_by_role("heading", name="Year 11")).to_be_visible()
    class_page = teacher.url
    code = teacher.locator(".join-code code").inner_text()

    student: Page = new_page()
    register_by_mouse(student, "noa", "a long student password")
    nav(student, "Classes")
    student.get_by_label("Class code").fill(code)
    student.get_by_role("button", name="Join").click()
    expect(student.locator(".flash")).to_have_text("You joined Year 11.")

    # Ten questions, due tomorrow.
    teacher.goto(class_page)
    teacher.get_by_role("link", name=re.compile("New assignment")).first.click()
    teacher.fill("input[name=title]", "Ten to start")
    teacher.check("input[name=source][value=topics]")
    for box in teacher.locator("input[name=topics]").all():
        box.check()
    teacher.fill("input[name=count]", "10")
    now = datetime.now(UTC)
    teacher.fill("input[name=opens_at]", paris_input(now - timedelta(minutes=5)))
    teacher.fill("input[name=due_at]", paris_input(now + timedelta(days=1)))
    teacher.get_by_role("button", name="Save").click()
    expect(teacher.get_by_role("heading", name="Ten to start")).to_be_visible()
    assignment_page = teacher.url

    student.goto("/")
    assigned = student.locator("section.assigned")
    expect(assigned).to_contain_text("Ten to start")
    assigned.get_by_role("link", name="Ten to start").click()
    student.get_by_role("button", name="Start").click()
    asked = answer_quiz(student, bank, wrong=MISSED)
    assert len(asked) == 10 and len(set(asked)) == 10
    right = 10 - len(MISSED & set(asked))
    expect(student.locator(".score-line")).to_contain_text(f"{right} of 10")

    teacher.goto(assignment_page)
    expect(teacher.locator(".summary")).to_contain_text("Handed in: 1 of 1")
    row = teacher.locator("table.grid tbody tr", has_text="noa")
    expect(row.locator(".sr-only")).to_have_count(10)
    with teacher.expect_download() as download:
        teacher.get_by_role("link", name="Download the gradebook (CSV)").click()
    gradebook = download.value.path().read_text()
    assert "noa,done" in gradebook

    # An exam in nine days: the student's home shows the plan.
    teacher.goto(class_page)
    teacher.get_by_role("link", name="Add or remove exam dates").click()
    teacher.get_by_label("Name", exact=True).fill("Final")
    exam_day = (now.astimezone(PARIS) + timedelta(days=9)).date()
    teacher.get_by_label("Exam day").fill(exam_day.isoformat())
    for box in teacher.locator("input[name=topics]").all():
        box.check()
    teacher.get_by_role("button", name="Add exam date").click()
    expect(teacher.locator("main")).to_contain_text("Final")
    student.goto("/")
    expect(student.locator("#exam-plans-title")).to_be_visible()
    expect(student.locator("main")).to_contain_text(re.compile(r"Exam in 9 days: \d+ cards?"))

    # A typo fixed in the browser reaches the student's next quiz.
    nav(teacher, "Teacher")
    teacher.get_by_role("link", name="Edit the question bank").click()
    teacher.get_by_role("link", name="people.yaml").click()
    text = teacher.locator("textarea#text").input_value()
    assert TYPO in text
    teacher.locator("textarea#text").fill(text.replace(TYPO, FIXED))
    teacher.get_by_role("button", name="Save", exact=True).click()
    expect(teacher.locator(".flash.success")).to_contain_text("Saved people.yaml")

    start_quiz_by_mouse(student)
    answer_until(student, bank, "mensch-former-lab")
    expect(student.locator(".prompt")).to_contain_text(FIXED)

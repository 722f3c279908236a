"""Every page state a visitor, a student and a teacher meet, at 1280 px and at 375 px (and
dark at 375 px): axe-core finds no WCAG 2.2 A/AA violation, no page is wider than the screen,
no target is under 24 x 24 px and no page weighs more than 40 KB as sent.

The tiny bank has short texts; ``test_long_texts_on_a_phone`` runs a second server on a bank
whose order, match and multi questions have texts as long as the real bank's.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from quizapp.bank.spec import Bank
from quizapp.bank.validate import load_bank

from .answers import Answer, right_answer
from .audit import Auditor
from .conftest import SCREENSHOTS, TEACHER
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
from .server import ROOT, LiveServer, start_server

PASSWORD = "a long student password"
LONG_BANK = ROOT / "tests" / "data" / "bank" / "long"

FIRST_CONTROL_FOCUSED = """() => {
  const first = document.querySelector("form.answer-form fieldset")
    .querySelector("input:not([type=hidden]), select");
  return document.activeElement === first;
}"""


def finish(check: Auditor, name: str) -> None:
    """Write the states' weights for the report, then fail with every finding."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    (SCREENSHOTS / f"page-weights-{name}.txt").write_text(check.weight_table() + "\n")
    assert not check.findings, check.report()


def answer_questions(page: Page, check: Auditor, bank: Bank, partly: dict[str, Answer]) -> set[str]:
    """Answer the running quiz, checking the first question and feedback of each type.

    The types in ``partly`` get that (partly right) answer, so their feedback marks parts; the
    simple types are answered wrong. Every question page must focus its first answer control.
    """
    seen: set[str] = set()
    wrong = {q.id for q in bank.questions.values() if q.type in ("choice", "truefalse", "short")}
    while QUESTION_URL.search(page.url):
        qid = question_id(page)
        kind = bank.get(qid).type
        assert page.evaluate(FIRST_CONTROL_FOCUSED), f"{kind}: the first control has no focus"
        if kind not in seen:
            check.check(f"question ({kind})")
        fill_by_mouse(page, partly.get(kind) or answer_for(bank, qid, wrong))
        page.wait_for_url(FEEDBACK_URL)
        if kind not in seen:
            check.check(f"feedback ({kind})")
            seen.add(kind)
        page.locator("[data-key-next]").click()
        page.wait_for_url(lambda url: not FEEDBACK_URL.search(url))
    return seen


def partly_right(bank: Bank) -> dict[str, Answer]:
    """For each multi-part type, its right answer with one part wrong (or left out)."""
    answers = {}
    for spec in bank.questions.values():
        right = right_answer(spec)
        if spec.type in ("match", "order") and spec.type not in answers:
            names = list(right.selects)
            swapped = dict(right.selects)
            swapped[names[0]], swapped[names[1]] = right.selects[names[1]], right.selects[names[0]]
            answers[spec.type] = Answer(selects=swapped)
        elif spec.type == "multi" and spec.type not in answers:
            answers[spec.type] = Answer(ticks=right.ticks[:1])
        elif spec.type == "cloze" and spec.type not in answers:
            answers[spec.type] = Answer(texts={**right.texts, "blank-0": "a wrong guess"})
    return answers


def test_visitor_pages(page: Page):
    check = Auditor(page)
    for url in ("/", "/auth/login", "/auth/register", "/account/reset", "/no-such-page"):
        check.visit(url)
    page.goto("/auth/login")
    page.fill("input[name=username]", "nobody")
    page.fill("input[name=password]", "not the password")
    page.get_by_role("button", name="Log in").click()
    check.check("log-in refused")
    page.goto("/auth/register")
    page.get_by_role("button", name="Create account").click()
    check.check("registration with errors")
    finish(check, "visitor")


def test_student_pages(page: Page, bank: Bank):
    check = Auditor(page)
    register_by_mouse(page, "axel", PASSWORD)
    check.check("home after registering (flash message)")
    check.visit("/settings", "settings, no time zone saved yet (prompt)")
    check.visit("/study")
    start_quiz_by_mouse(page)
    seen_types = answer_questions(page, check, bank, partly_right(bank))
    assert seen_types == {spec.type for spec in bank.questions.values()}
    check.check("results")
    page.get_by_role("link", name="Explanation").first.click()
    expect(page).to_have_url(FEEDBACK_URL)
    nav(page, "History")
    check.check("history")
    page.locator("a[href*='/history/quiz/']").first.click()
    check.check("one quiz in history")
    nav(page, "Flashcards")
    check.check("flashcards, front")
    page.get_by_role("button", name="Show answer").click()
    check.check("flashcard, back")
    for url in ("/review", "/review/cards", "/account/", "/sources/"):
        check.visit(url)
    check.visit("/teacher/", "a teacher page refused (403)")
    check.visit("/quiz/999999", "a quiz that is not there (404)")
    page.goto("/sources/")
    page.locator("main a[href*='/sources/harmony']").first.click()  # the one with a file
    expect(page.locator("main")).to_contain_text("so that the reader has a text to show")
    check.check("an article")
    page.goto("/settings")
    page.fill("input[name=desired_retention]", "high")
    page.get_by_role("button", name="Save").click()
    check.check("settings with an error")
    page.fill("input[name=desired_retention]", "90")
    page.get_by_role("button", name="Save").click()
    check.check("settings saved (flash)")
    start_quiz_by_mouse(page)
    nav(page, "Study")
    check.check("study with an unfinished quiz")
    page.get_by_role("button", name="Discard").first.click()
    check.check("quiz discarded (flash)")
    page.get_by_role("button", name="Log out").click()
    check.check("logged out (flash)")
    finish(check, "student")


def test_teacher_pages(page: Page, bank: Bank):
    check = Auditor(page)
    login_by_mouse(page, *TEACHER)
    check.check("home after logging in (flash)")
    nav(page, "Teacher")
    check.check("teacher start page")
    for url in ("/teacher/students", "/teacher/questions", "/teacher/bank", "/teacher/bank/files"):
        check.visit(url)
    student = page.locator("main a[href*='/teacher/students/'][href$='/history']")
    if student.count():
        student.first.click()
        check.check("a student's history, seen by the teacher")
    page.goto("/teacher/bank/files")
    page.get_by_role("link", name="people.yaml").first.click()
    check.check("the bank editor")
    page.get_by_role("link", name="Preview").first.click()
    check.check("a question's preview")
    page.goto("/teacher/questions")
    page.get_by_role("link", name="Details").first.click()
    check.check("one question's statistics")
    page.get_by_role("link", name=re.compile(r"\.yaml:\d+$")).first.click()
    expect(page.locator("pre.source")).to_be_visible()
    check.check("a question's YAML")
    expect(page.locator("h1")).to_have_count(1)
    finish(check, "teacher")


@pytest.fixture(scope="module")
def long_server(tmp_path_factory: pytest.TempPathFactory, live_server: LiveServer):
    """A second server, on the bank of long texts (started after the main one, for its checks)."""
    server = start_server(tmp_path_factory.mktemp("e2e-long"), LONG_BANK, TEACHER)
    yield server
    server.stop()


@pytest.fixture
def long_page(browser: Any, long_server: LiveServer) -> Iterator[Any]:
    """A page on the long-texts server."""
    context = browser.new_context(base_url=long_server.url)
    context.set_default_timeout(10_000)
    yield context.new_page()
    context.close()


def test_long_texts_on_a_phone(long_page: Page, long_server: LiveServer):
    """Order, match and multi with long texts: every text listed in full, nothing off the
    screen, the lists plain selects of a plain form."""
    page, bank = long_page, load_bank(Path(long_server.bank_dir)).bank
    assert bank is not None
    check = Auditor(page)
    register_by_mouse(page, "lena", PASSWORD)
    start_quiz_by_mouse(page)
    seen = answer_questions(page, check, bank, partly_right(bank))
    assert seen == {"order", "match", "multi"}
    check.check("results (long texts)")
    finish(check, "long")

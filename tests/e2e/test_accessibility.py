"""Every page state a visitor, a student and a teacher meet, at 1280 px and at 375 px: axe-core
finds no WCAG 2.2 A/AA violation and no page is wider than the screen."""

from __future__ import annotations

import re

from quizapp.bank.spec import Bank

from .audit import Auditor
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

PASSWORD = "a long student password"


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
    assert not check.findings, check.report()


def test_student_pages(page: Page, bank: Bank):
    check = Auditor(page)
    register_by_mouse(page, "axel", PASSWORD)
    check.check("home after registering (flash message)")
    check.visit("/study")
    start_quiz_by_mouse(page)
    seen_types: set[str] = set()
    answerable_wrong = ("choice", "truefalse", "short", "numeric", "date")
    wrong = {q.id for q in bank.questions.values() if q.type in answerable_wrong}
    while QUESTION_URL.search(page.url):
        qid = question_id(page)
        kind = bank.get(qid).type
        if kind not in seen_types:
            check.check(f"question ({kind})")
        fill_by_mouse(page, answer_for(bank, qid, wrong))
        page.wait_for_url(FEEDBACK_URL)
        if kind not in seen_types:
            check.check(f"feedback ({kind}, {'wrong' if qid in wrong else 'right'})")
            seen_types.add(kind)
        page.locator("[data-key-next]").click()
        page.wait_for_url(lambda url: not FEEDBACK_URL.search(url))
    check.check("results")
    nav(page, "History")
    check.check("history")
    page.locator("a[href*='/history/quiz/']").first.click()
    check.check("one quiz in history")
    nav(page, "Flashcards")
    check.check("flashcards")
    page.get_by_role("button", name="Show answer").click()
    check.check("flashcard, back")
    for url in ("/review", "/settings", "/account/", "/sources/", "/teacher/"):
        check.visit(url)
    page.goto("/sources/")
    page.locator("main a[href*='/sources/harmony']").first.click()  # the one with a file
    expect(page.locator("main")).to_contain_text("so that the reader has a text to show")
    check.check("an article")
    page.goto("/settings")
    page.get_by_role("button", name="Save").click()
    check.check("settings saved (flash)")
    assert seen_types == {spec.type for spec in bank.questions.values()}
    assert not check.findings, check.report()


def test_teacher_pages(page: Page, bank: Bank):
    check = Auditor(page)
    login_by_mouse(page, *TEACHER)
    nav(page, "Teacher")
    check.check("teacher start page")
    for url in ("/teacher/students", "/teacher/questions", "/teacher/bank", "/teacher/bank/files"):
        check.visit(url)
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
    assert not check.findings, check.report()

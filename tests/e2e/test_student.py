"""A new student's day: register, a quiz with one miss, the review queue tomorrow, history."""

from __future__ import annotations

import re

from quizapp.bank.spec import Bank
from quizapp.study.requeue import MAX_ASKS

from .answers import right_answer
from .pages import (
    QUESTION_URL,
    Page,
    answer_quiz,
    expect,
    fill_by_mouse,
    nav,
    question_id,
    register_by_mouse,
    start_quiz_by_mouse,
)
from .server import LiveServer

PASSWORD = "a long student password"
MISSED = "mensch-former-lab"
DAY = 24 * 3600


def test_quiz_then_review_tomorrow_then_history(page: Page, bank: Bank, clock: LiveServer):
    register_by_mouse(page, "ann", PASSWORD)
    start_quiz_by_mouse(page)

    asked = answer_quiz(page, bank, wrong={MISSED})

    total = len(bank.questions)
    assert sorted(set(asked)) == sorted(bank.questions)
    assert asked.count(MISSED) == MAX_ASKS  # a miss is asked again before the quiz ends
    expect(page.locator(".score-line")).to_contain_text(f"{total - 1} of {total}")
    expect(page.locator(".score-line")).to_contain_text(f"{round((total - 1) / total * 100)}%")
    expect(page.locator("tr.wrong")).to_have_count(MAX_ASKS)
    expect(page.get_by_role("button", name="Retry the ones I missed (1)")).to_be_visible()

    clock.move_clock(DAY)
    nav(page, "Study")
    page.get_by_role("link", name="Review due").click()
    expect(page.locator("[data-count=learning]")).not_to_have_text("0")  # the miss is back
    page.get_by_role("button", name="Start reviewing").click()
    expect(page).to_have_url(QUESTION_URL)
    assert question_id(page) == MISSED, "the missed question is due first"
    fill_by_mouse(page, right_answer(bank.get(MISSED)))
    expect(page.locator(".feedback .verdict strong")).to_have_text("Right")

    nav(page, "History")
    chart = page.locator("figure.chart svg[role=img]").first
    expect(chart).to_be_visible()
    expect(chart.locator("circle")).to_have_count(2)  # today and "tomorrow"

    page.get_by_role("button", name="Log out").click()
    expect(page.locator("header .account")).to_contain_text("Log in")
    expect(page.locator("header .who")).to_have_count(0)
    page.goto("/history/")
    expect(page).to_have_url(re.compile(r"/auth/login\?next="))


def test_the_browser_time_zone_becomes_the_students(browser, live_server: LiveServer):
    """With the script on, the first page after registering sends the browser's zone; Settings
    then has it, and History counts days in it."""
    context = browser.new_context(base_url=live_server.url, timezone_id="Asia/Tokyo")
    try:
        page = context.new_page()
        with page.expect_response(lambda r: r.url.endswith("/settings/zone")) as sent:
            register_by_mouse(page, "tomo", "a long student password")
        assert sent.value.status == 204
        nav(page, "Settings")
        expect(page.locator("select[name=timezone]")).to_have_value("Asia/Tokyo")
        expect(page.locator("#zone-prompt")).to_have_count(0)
        nav(page, "History")
        expect(page.locator("main")).to_contain_text("midnight to midnight in Asia/Tokyo")
    finally:
        context.close()

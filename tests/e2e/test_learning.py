"""Confidence-based marking by keyboard, as a screen reader announces it, the misconceptions it
finds on a phone, and the "Study N new questions now" offer on Flashcards and Review when
nothing is due."""

from __future__ import annotations

import re

from quizapp.bank.spec import Bank

from .audit import Auditor
from .pages import (
    FEEDBACK_URL,
    QUESTION_URL,
    RESULTS_URL,
    Page,
    answer_for,
    expect,
    fill_by_keys,
    fill_by_mouse,
    nav,
    question_id,
    register_by_mouse,
    start_quiz_by_keys,
    start_quiz_by_mouse,
    tab_to,
)
from .server import LiveServer

PASSWORD = "a long and honest password"
FRONT_URL = re.compile(r"/flashcards/(q/[^/?]+)?$")
FLIPPED_URL = re.compile(r"/flashcards/q/[^/?]+\?flipped=1$")


def save_settings(page: Page, **fields: str | bool) -> None:
    """Change fields on the Settings page by their labels and save."""
    nav(page, "Settings")
    for label, value in fields.items():
        field = page.get_by_label(label, exact=True)
        if isinstance(value, bool):
            field.set_checked(value)
        else:
            field.fill(value)
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".flashes")).to_contain_text("Settings saved.")


def choose_confidence_by_keys(page: Page, level: int) -> None:
    """Tab into the "How sure are you?" radio group, move to ``level`` with the arrow keys."""
    tab_to(page, "input[name=confidence]")
    page.keyboard.press("Space")  # checks the focused first level
    for _ in range(level - 1):
        page.keyboard.press("ArrowDown")
    expect(page.locator(f"input[name=confidence][value='{level}']")).to_be_checked()


def test_confidence_by_keyboard_with_marks_beside_the_score(page: Page, bank: Bank, clock):
    register_by_mouse(page, "sure", PASSWORD)
    save_settings(page, **{"Ask how sure I am (confidence-based marking)": True})
    start_quiz_by_keys(page)

    group = page.get_by_role("group", name="How sure are you?")  # fieldset and legend
    expect(group).to_be_visible()
    for name in ("1 Not sure", "2 Fairly sure", "3 Very sure"):
        expect(group.get_by_role("radio", name=name)).to_be_visible()
    expect(group).to_have_accessible_description(
        re.compile("Right: 1, 2 or 3 marks. Wrong: 0, −2 or −6.")
    )

    first = question_id(page)
    fill_by_keys(page, answer_for(bank, first, set()), submit=False)
    tab_to(page, "button[data-key-submit]")
    page.keyboard.press("Enter")  # no confidence chosen: the browser asks for one
    expect(page).to_have_url(QUESTION_URL)
    choose_confidence_by_keys(page, 3)
    tab_to(page, "button[data-key-submit]")
    page.keyboard.press("Enter")
    page.wait_for_url(FEEDBACK_URL)
    verdict = page.locator(".feedback .verdict")
    expect(verdict.locator("strong")).to_have_text("Right")
    expect(verdict).to_contain_text("score 100%")
    expect(verdict.locator(".cbm")).to_have_text("· CBM 3 (very sure)")

    page.keyboard.press("n")
    page.wait_for_url(QUESTION_URL)
    second = question_id(page)
    fill_by_keys(page, answer_for(bank, second, {second}), submit=False)
    choose_confidence_by_keys(page, 3)
    tab_to(page, "button[data-key-submit]")
    page.keyboard.press("Enter")
    page.wait_for_url(FEEDBACK_URL)
    expect(verdict.locator("strong")).to_have_text("Wrong")
    expect(verdict.locator(".cbm")).to_have_text("· CBM -6 (very sure)")

    page.keyboard.press("n")
    page.wait_for_url(QUESTION_URL)
    tab_to(page, "form.end-early button")  # "End this quiz now and see the score"
    page.keyboard.press("Enter")
    expect(page).to_have_url(RESULTS_URL)
    expect(page.locator(".score-line")).to_contain_text(f"1 of {len(bank.questions)}")
    expect(page.locator(".cbm-line")).to_contain_text("CBM -3 total · average -1.50 over 2")


def test_misconceptions_fit_a_phone(page: Page, bank: Bank):
    """Every question missed while "Very sure": History lists them all, and the page still fits
    375 px (a table of prompts, answers and dates scrolls alone, not the page) and passes axe."""
    register_by_mouse(page, "overconfident", PASSWORD)
    save_settings(page, **{"Ask how sure I am (confidence-based marking)": True})
    start_quiz_by_mouse(page)
    missed: set[str] = set()
    while QUESTION_URL.search(page.url):
        qid = question_id(page)
        page.check("input[name=confidence][value='3']")
        fill_by_mouse(page, answer_for(bank, qid, set() if qid in missed else {qid}))
        missed.add(qid)
        page.wait_for_url(FEEDBACK_URL)
        page.locator("[data-key-next]").click()
        page.wait_for_url(lambda url: not FEEDBACK_URL.search(url))

    nav(page, "History")
    expect(page.locator("#misconceptions-title")).to_be_visible()
    check = Auditor(page)
    check.check("history with misconceptions")
    assert not check.findings, check.report()


def rate_good_by_keys(page: Page) -> None:
    """Flip the card shown with Enter on Show answer, then Tab to Good and press Enter."""
    expect(page.get_by_role("button", name="Show answer")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page).to_have_url(FLIPPED_URL)
    tab_to(page, "form.ratings button[value='3']")
    page.keyboard.press("Enter")
    expect(page).to_have_url(FRONT_URL)


def test_nothing_due_offers_new_questions_on_flashcards_and_review(page: Page, clock: LiveServer):
    register_by_mouse(page, "offered", PASSWORD)
    save_settings(page, **{"New cards per day": "1"})
    nav(page, "Flashcards")
    rate_good_by_keys(page)  # today's one new card, due again in days

    offer = page.get_by_role("button", name="Study 1 new question now")
    expect(page.locator(".next-due")).to_contain_text("Nothing is due now. Next card due")
    expect(page.get_by_text("All done")).to_have_count(0)
    tab_to(page, "form button.primary")
    expect(offer).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.get_by_role("button", name="Show answer")).to_be_visible()  # an unseen one
    rate_good_by_keys(page)
    expect(page.get_by_role("button", name="Study 1 new question now")).to_be_visible()

    nav(page, "Study")
    page.get_by_role("link", name="Review due").click()
    expect(page.locator(".next-due")).to_contain_text("Nothing is due now.")
    expect(page.get_by_role("button", name="Start reviewing")).to_have_count(0)
    tab_to(page, "form button.primary")
    page.keyboard.press("Enter")
    expect(page).to_have_url(QUESTION_URL)  # a quiz of the next unseen question
    expect(page.locator("main")).to_contain_text("New questions")

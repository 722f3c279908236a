"""What a student does in the browser, as small steps shared by the scenarios.

``*_by_mouse`` steps click and fill; ``*_by_keys`` steps use only the keyboard (Tab, arrows,
Space, Enter, the quiz page's number keys, N and →) and typing.
"""

from __future__ import annotations

import json
import re
from typing import Any

from quizapp.bank.spec import Bank

from .answers import Answer, right_answer, wrong_answer
from .support import playwright_or_skip

expect = playwright_or_skip().expect
Page = Any  # playwright.sync_api.Page, imported lazily so a missing Playwright only skips

QUESTION_URL = re.compile(r"/quiz/\d+$")
RESULTS_URL = re.compile(r"/quiz/\d+/results$")
FEEDBACK_URL = re.compile(r"/quiz/\d+/answers/\d+$")


def css_string(value: str) -> str:
    """``value`` quoted for a CSS attribute selector."""
    return json.dumps(value, ensure_ascii=False)


def register_by_mouse(page: Page, username: str, password: str) -> None:
    """Create an account through the registration form; the new user is logged in."""
    page.goto("/auth/register")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.fill("input[name=confirm]", password)
    page.get_by_role("button", name="Create account").click()
    expect(page.locator("header .who")).to_have_text(username)


def login_by_mouse(page: Page, username: str, password: str) -> None:
    """Log in through the login form."""
    page.goto("/auth/login")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.get_by_role("button", name="Log in").click()
    expect(page.locator("header .who")).to_contain_text(username)


def nav(page: Page, label: str) -> None:
    """Click the main navigation's link ``label``."""
    page.get_by_role("navigation", name="Main").get_by_role("link", name=label, exact=True).click()


def start_quiz_by_mouse(page: Page) -> None:
    """Start a new quiz of every question of every topic from the study page."""
    nav(page, "Study")
    page.check("input[name=mode][value=topics]")
    page.check("input[name=length][value=all]")
    page.get_by_role("button", name="Start").click()
    expect(page).to_have_url(QUESTION_URL)


def question_id(page: Page) -> str:
    """The id of the question on the page (the form's hidden ``question_id``)."""
    return page.locator("input[name=question_id]").input_value()


def answer_for(bank: Bank, qid: str, wrong: set[str]) -> Answer:
    """The answer to give: wrong for the ids in ``wrong``, right otherwise."""
    spec = bank.get(qid)
    assert spec is not None, f"the page asks {qid!r}, which is not in the bank"
    return wrong_answer(spec) if qid in wrong else right_answer(spec)


def fill_by_mouse(page: Page, answer: Answer) -> None:
    """Tick, type and choose ``answer`` into the question's form, then check it."""
    for value in answer.ticks:
        page.check(f"input[name=answer][value={css_string(value)}]")
    for name, text in answer.texts.items():
        page.fill(f"input[name={css_string(name)}]", text)
    for name, value in answer.selects.items():
        page.select_option(f"select[name={css_string(name)}]", value=value)
    page.get_by_role("button", name="Check answer").click()


def tab_to(page: Page, selector: str, limit: int = 60) -> None:
    """Press Tab until the focused element matches ``selector``."""
    for _ in range(limit):
        if page.evaluate("s => !!document.activeElement?.matches(s)", selector):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"Tab never reached {selector!r}")


def choose_option_by_keys(page: Page, name: str, value: str) -> None:
    """Focus select ``name`` with Tab and move to option ``value`` with the arrow keys."""
    select = f"select[name={css_string(name)}]"
    tab_to(page, select)
    values = page.locator(f"{select} option").evaluate_all("os => os.map(o => o.value)")
    page.keyboard.press("Home")
    for _ in range(values.index(value)):
        page.keyboard.press("ArrowDown")
    expect(page.locator(select)).to_have_value(value)


def fill_by_keys(page: Page, answer: Answer, *, submit: bool = True) -> None:
    """Give ``answer`` with keys only: 1–9 tick, typing fills, arrows choose, Enter checks
    (``submit=False``: everything but Enter)."""
    keys = page.locator("[data-key-choice]").evaluate_all("es => es.map(e => e.value)")
    for value in answer.ticks:
        page.keyboard.press(str(keys.index(value) + 1))
    for name, text in answer.texts.items():
        tab_to(page, f"input[name={css_string(name)}]")
        page.keyboard.type(text)
    for name, value in answer.selects.items():
        choose_option_by_keys(page, name, value)
    if not submit:
        return
    if answer.selects:
        tab_to(page, "button[data-key-submit]")
    page.keyboard.press("Enter")


def answer_quiz(page: Page, bank: Bank, wrong: set[str], *, keys: bool = False) -> list[str]:
    """Answer every question of the running quiz, wrong for the ids in ``wrong``.

    Each feedback page must give the expected verdict. ``keys`` drives everything with the
    keyboard (N and → take turns going on); otherwise the mouse. Returns the ids asked, in order.
    """
    asked = []
    while QUESTION_URL.search(page.url):
        asked.append(question_id(page))
        answer = answer_for(bank, asked[-1], wrong)
        if keys:
            fill_by_keys(page, answer)
        else:
            fill_by_mouse(page, answer)
        page.wait_for_url(FEEDBACK_URL)
        feedback = page.locator(".feedback")
        if asked[-1] in wrong:
            expect(feedback.locator(".verdict strong")).to_have_text("Wrong")
            expect(feedback.locator("dt")).to_contain_text(["Your answer", "The right answer"])
        else:
            expect(feedback.locator(".verdict strong")).to_have_text("Right")
        if keys:
            page.keyboard.press("n" if len(asked) % 2 else "ArrowRight")
        else:
            page.locator("[data-key-next]").click()
        page.wait_for_url(lambda url: not FEEDBACK_URL.search(url))
    expect(page).to_have_url(RESULTS_URL)
    return asked


def register_by_keys(page: Page, username: str, password: str) -> None:
    """Create an account typing into the registration form (its first field has focus)."""
    page.goto("/auth/register")
    expect(page.locator("input[name=username]")).to_be_focused()  # autofocus, before typing
    page.keyboard.type(username)
    tab_to(page, "input[name=password]")
    page.keyboard.type(password)
    tab_to(page, "input[name=confirm]")
    page.keyboard.type(password)
    page.keyboard.press("Enter")
    expect(page.locator("header .who")).to_have_text(username)


def start_quiz_by_keys(page: Page) -> None:
    """Tab to Study, pick the length "All" with the arrow keys, start with Enter."""
    tab_to(page, "nav a[href='/study']")
    page.keyboard.press("Enter")
    expect(page.locator("input[name=mode][value=topics]")).to_be_checked()
    tab_to(page, "input[name=length]:checked")
    for _ in range(5):
        if page.evaluate("document.activeElement.value") == "all":
            break
        page.keyboard.press("ArrowRight")
    expect(page.locator("input[name=length][value=all]")).to_be_checked()
    tab_to(page, "input[type=submit][value=Start]")
    page.keyboard.press("Enter")
    expect(page).to_have_url(QUESTION_URL)


def log_out_by_keys(page: Page) -> None:
    """Tab to the navigation's Log out button and press Space."""
    tab_to(page, "form[action='/auth/logout'] button")
    page.keyboard.press("Space")
    expect(page.locator("header .who")).to_have_count(0)


def answer_until(page: Page, bank: Bank, question: str) -> None:
    """Answer the running quiz's questions rightly until ``question`` is the one asked."""
    while question_id(page) != question:
        fill_by_mouse(page, answer_for(bank, question_id(page), set()))
        page.wait_for_url(FEEDBACK_URL)
        page.locator("[data-key-next]").click()
        expect(page).to_have_url(QUESTION_URL)

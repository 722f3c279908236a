"""The keyboard only: a quiz with Tab, arrows, Space, Enter, 1–9 and N; flashcards rated with
the focused button; single-key shortcuts switched off in Settings."""

from __future__ import annotations

import re

import pytest

from quizapp.bank.spec import Bank
from quizapp.study.requeue import MAX_ASKS

from .pages import (
    Page,
    answer_quiz,
    expect,
    log_out_by_keys,
    nav,
    register_by_keys,
    register_by_mouse,
    start_quiz_by_keys,
    tab_to,
)
from .server import LiveServer

PASSWORD = "a long keyboard password"
MISSED = "lample-model"  # a short answer: the wrong text is typed
RATINGS = {"1": "Again", "2": "Hard", "3": "Good", "4": "Easy"}
FRONT_URL = re.compile(r"/flashcards/(q/[^/?]+)?$")
FLIPPED_URL = re.compile(r"/flashcards/q/[^/?]+\?flipped=1$")


def test_quiz_by_keyboard_only(page: Page, bank: Bank):
    register_by_keys(page, "kim", PASSWORD)
    start_quiz_by_keys(page)

    asked = answer_quiz(page, bank, wrong={MISSED}, keys=True)

    total = len(bank.questions)
    assert sorted(set(asked)) == sorted(bank.questions)
    assert asked.count(MISSED) == MAX_ASKS  # a miss is asked again before the quiz ends
    expect(page.locator(".score-line")).to_contain_text(f"{total - 1} of {total}")
    expect(page.locator("tr.wrong").last).to_contain_text("no idea")
    log_out_by_keys(page)


def flip_first_card(page: Page) -> None:
    """Open the flashcards and show the first card's answer with Enter on Show answer."""
    nav(page, "Flashcards")
    expect(page.get_by_role("button", name="Show answer")).to_be_focused()  # autofocus
    page.keyboard.press("Enter")
    expect(page).to_have_url(FLIPPED_URL)


def undo_by_keys(page: Page, key: str) -> str:
    """Tab to Undo, press ``key``; return the rating the server says it undid."""
    tab_to(page, "form.undo button")
    page.keyboard.press(key)
    expect(page).to_have_url(FLIPPED_URL)  # the same card, flipped again: undone, not flipped
    flash = page.locator(".flashes").get_by_text(re.compile(r"^Undid your \w+ rating\.$"))
    expect(flash).to_be_visible()
    return flash.inner_text().split()[2]


@pytest.mark.parametrize("key", ["Enter", "Space"])
def test_enter_and_space_press_the_focused_rating_then_undo(page: Page, clock: LiveServer, key):
    register_by_mouse(page, f"tab-{key.lower()}", PASSWORD)
    flip_first_card(page)
    card_url = page.url
    for value, name in RATINGS.items():
        page.locator("#prompt").click()  # focus leaves Good (autofocus) for the page itself
        tab_to(page, f"form.ratings button[value='{value}']")  # Tab presses from there
        page.keyboard.press(key)
        expect(page).to_have_url(FRONT_URL)
        assert undo_by_keys(page, key) == name, f"{key} on {name} posted another rating"
        assert page.url == card_url

    page.locator("#prompt").click()  # nothing focused: the page-wide key means Good
    expect(page.locator("form.ratings button:focus")).to_have_count(0)
    page.keyboard.press(key)
    expect(page).to_have_url(FRONT_URL)
    assert undo_by_keys(page, key) == "Good"


def test_number_keys_do_nothing_when_shortcuts_are_off(page: Page, clock: LiveServer):
    register_by_mouse(page, "no-shortcuts", PASSWORD)
    nav(page, "Settings")
    shortcuts = page.get_by_label("Keyboard shortcuts (1–9, Space, Enter, N)")
    expect(shortcuts).to_be_checked()  # on by default
    shortcuts.uncheck()
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".flashes")).to_contain_text("Settings saved.")
    expect(shortcuts).not_to_be_checked()

    flip_first_card(page)  # Enter on the focused Show answer button is the browser's own
    expect(page.locator("[data-keys]")).to_have_count(0)
    expect(page.locator(".kbd-help")).to_have_count(0)
    expect(page.locator("form.ratings .key").first).to_be_hidden()
    posts: list[str] = []
    page.on(
        "request", lambda request: posts.append(request.url) if request.method == "POST" else None
    )
    card_url = page.url
    page.keyboard.press("1")
    page.locator("#prompt").click()
    page.keyboard.press("1")
    page.wait_for_timeout(500)
    assert posts == [] and page.url == card_url, "a number key rated the card"
    page.reload()
    expect(page.locator("form.undo")).to_have_count(0)  # the server recorded no rating

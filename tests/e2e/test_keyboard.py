"""The same quiz with the keyboard only: Tab, arrows, Space, Enter, 1–9 and N; no clicks."""

from __future__ import annotations

from quizapp.bank.spec import Bank

from .pages import (
    Page,
    answer_quiz,
    expect,
    log_out_by_keys,
    register_by_keys,
    start_quiz_by_keys,
)

PASSWORD = "a long keyboard password"
MISSED = "lample-model"  # a short answer: the wrong text is typed


def test_quiz_by_keyboard_only(page: Page, bank: Bank):
    register_by_keys(page, "kim", PASSWORD)
    start_quiz_by_keys(page)

    asked = answer_quiz(page, bank, wrong={MISSED}, keys=True)

    total = len(bank.questions)
    assert sorted(asked) == sorted(bank.questions)
    expect(page.locator(".score-line")).to_contain_text(f"{total - 1} of {total}")
    expect(page.locator("tr.wrong")).to_contain_text("no idea")
    log_out_by_keys(page)

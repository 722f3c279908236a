"""Grading tables on REAL questions from questions/: tricky answers that must pass or fail.

Each row is (question id, answer as the type's ``parse_form`` returns it, expected score).
The answers are the mistakes and variants students actually type: other spellings, other
currencies, other date formats, a neighbouring valid choice, everything ticked.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from quizapp.bank.validate import load_bank
from quizapp.qtypes import get_type

QUESTIONS = Path(__file__).resolve().parent.parent.parent / "questions"
BANK = load_bank(QUESTIONS).bank
assert BANK is not None


def grade(question_id: str, answer: Any) -> float:
    """The score of ``answer`` to the real question ``question_id``."""
    spec = BANK.questions[question_id]
    return get_type(spec.type).grade(spec, answer).score


def check(rows: list[tuple[str, Any, float]]) -> None:
    """Every row grades to its expected score (to two decimals)."""
    wrong = [(q, a, s, grade(q, a)) for q, a, s in rows if round(grade(q, a), 2) != s]
    assert not wrong, "\n".join(f"{q}: {a!r} expected {s}, got {g}" for q, a, s, g in wrong)


def test_numeric_money_and_counts() -> None:
    check([
        ("microsoft-investment-amount", "€15 million", 1),
        ("microsoft-investment-amount", "15m euros", 1),
        ("microsoft-investment-amount", "EUR 15,000,000", 1),
        ("microsoft-investment-amount", "15 000 000 €", 1),
        ("microsoft-investment-amount", "15000000", 1),  # no currency: read in the question's
        ("microsoft-investment-amount", "$15m", 0),  # a wrong currency is wrong
        ("microsoft-investment-amount", "£15 million", 0),
        ("microsoft-investment-amount", "15", 0),
        ("microsoft-investment-amount", "1.5 million", 0),
        ("microsoft-investment-amount", "15 billion", 0),
        ("seed-funding-amount", "$111M", 1),
        ("seed-funding-amount", "111 million dollars", 1),
        ("seed-funding-amount", "USD 111,000,000", 1),
        ("seed-funding-amount", "€111m", 0),
        ("seed-funding-amount", "$110m", 0),
        ("founders-count", "3", 1),
        ("founders-count", "3 founders", 1),
        ("founders-count", "4", 0),
        ("openai-first-investment", "5 years", 1),
        ("openai-first-investment", "5", 1),
        ("openai-first-investment", "4 years", 0),
        ("openai-first-investment", "five-ish", 0),
    ])  # fmt: skip


def test_dates() -> None:
    check([
        ("mistral-large-launch-date", "26 February 2024", 1),
        ("mistral-large-launch-date", "Feb 26, 2024", 1),
        ("mistral-large-launch-date", "2024-02-26", 1),
        ("mistral-large-launch-date", "26/02/2024", 1),
        ("mistral-large-launch-date", "February 2024", 0),  # a day is needed
        ("mistral-large-launch-date", "2024", 0),
        ("mistral-large-launch-date", "27 February 2024", 0),
        ("mistral-large-launch-date", "26 February 2023", 0),
        ("founding-year-sapam", "2023", 1),
        ("founding-year-sapam", "2022", 0),  # Morales's year, not Sapam's
        ("founding-year-morales", "2022", 1),
        ("founding-year-morales", "2023", 0),
    ])  # fmt: skip


def test_short_text() -> None:
    check([
        ("lample-led-llama", "llama", 1),
        ("lample-led-llama", "Meta LLaMA", 1),
        ("lample-led-llama", "Lama", 1),  # one typo
        ("lample-led-llama", "LLaMA 2", 0),  # a number is never a typo
        ("lample-led-llama", "GPT-3", 0),
        ("le-chat-name", "le chat", 1),
        ("le-chat-name", "LeChat", 1),
        ("le-chat-name", "ChatGPT", 0),
        ("le-chat-name", "Le Chat chatbot", 1),
        ("brad-smith-announced-deal", "Brad Smyth", 1),
        ("brad-smith-announced-deal", "Satya Nadella", 0),
        ("bloomberg-reported-probe", "Bloomberg News", 1),
        ("bloomberg-reported-probe", "Reuters", 0),
        ("van-sparrentak-played", "Kim Van Sparrentak", 1),
        ("van-sparrentak-played", "Kim", 0),
    ])  # fmt: skip


def test_choice_and_truefalse() -> None:
    check([
        ("mensch-former-lab", "Google DeepMind", 1),
        ("mensch-former-lab", "OpenAI", 0),  # another valid choice
        ("mensch-former-lab", "DeepMind", 0),  # not a choice: choices are exact
        ("seed-funding-timing", "About a month later", 1),
        ("seed-funding-timing", "About a year later", 0),
        ("sapam-amount-undisclosed", True, 1),
        ("sapam-amount-undisclosed", "true", 1),
        ("sapam-amount-undisclosed", False, 0),
        ("second-company-on-azure", "false", 1),
        ("second-company-on-azure", "true", 0),
        ("mistral-large-not-open-source", "maybe", 0),
    ])  # fmt: skip


META = ["Timothée Lacroix", "Guillaume Lample"]


def test_multi_partial_credit() -> None:
    check([
        ("founders-from-meta", META, 1),
        ("founders-from-meta", META[::-1], 1),
        ("founders-from-meta", META[:1], 0.5),
        ("founders-from-meta", [*META, "Arthur Mensch"], 0),  # every box ticked
        ("founders-from-meta", ["Arthur Mensch"], 0),
        ("founders-from-meta", [META[0], "Not a choice"], 0),  # half right, the one wrong box
        ("founders-from-meta", [*META, "Not a choice"], 0),
    ])  # fmt: skip


def test_multi_selecting_everything_earns_nothing() -> None:
    multis = [q for q in BANK.questions.values() if q.type == "multi"]
    check([(q.id, list(q.fields["choices"]), 0) for q in multis])


def test_order_partial_credit() -> None:
    items = list(BANK.questions["open-source-path-order"].fields["items"])
    story = list(BANK.questions["story-timeline-order"].fields["items"])
    check([
        ("open-source-path-order", items, 1),
        ("open-source-path-order", items[::-1], 0),
        ("open-source-path-order", [items[1], items[0], items[2], items[3]], 0.67),
        ("story-timeline-order", story[1:] + story[:1], 0.75),  # one item moved
        ("story-timeline-order", story[::-1], 0),
        ("story-timeline-order", [story[0], "", "", "", story[4]], 0),
    ])  # fmt: skip


def test_match_partial_credit() -> None:
    pairs = dict(BANK.questions["regulation-actors-match"].fields["pairs"])
    names = list(pairs)
    swapped = {**pairs, names[0]: pairs[names[1]], names[1]: pairs[names[0]]}
    reasons = dict(BANK.questions["reasons-ai-harmony-match"].fields["pairs"])
    left, right = list(reasons), list(reasons.values())
    check([
        ("regulation-actors-match", pairs, 1),
        ("regulation-actors-match", swapped, 0.5),
        ("regulation-actors-match", {names[0]: pairs[names[0]]}, 0.25),
        ("reasons-ai-harmony-match", dict(zip(left, right[1:] + right[:1], strict=True)), 0),
    ])  # fmt: skip


def test_cloze_partial_credit() -> None:
    check([
        ("investment-converts-to-equity", ["shares", "round of funding"], 1),
        ("investment-converts-to-equity", ["equity", ""], 0.5),
        ("investment-converts-to-equity", ["a stake", "round"], 1),  # the FAQ's own word
        ("gpt3-tide-cloze", ["2020", "GPT 3"], 1),
        ("gpt3-tide-cloze", ["2021", "GPT-3"], 0.5),  # no typo tolerance in numbers
        ("openai-partnership-cloze", ["AGI", "Distribution"], 1),
        ("openai-partnership-cloze", ["distribution", "AGI"], 0),  # each in the other's blank
        ("ai-economy-cloze", ["AI economy", "industries"], 1),
        ("ai-economy-cloze", ["economy", "businesses"], 0.5),
        ("decisive-influence-cloze", ["decisive influence", "strategic"], 1),
        ("decisive-influence-cloze", ["control", "strategic"], 0.5),
    ])  # fmt: skip

"""GIFT escaping and export."""

from __future__ import annotations

import pytest

from quizapp.bank.spec import Bank
from quizapp.exchange.gift import escape, export_gift, unescape
from quizapp.exchange.gift_parse import find, parse_gift


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("a ~ b", r"a \~ b"),
        ("x = y", r"x \= y"),
        ("C# 12", r"C\# 12"),
        ("{braces}", r"\{braces\}"),
        ("Note: this", r"Note\: this"),
        ("back\\slash", r"back\\slash"),
        ("two\nlines", r"two\nlines"),
        ("plain -> text", "plain -> text"),
    ],
)
def test_escape_and_unescape(text: str, escaped: str) -> None:
    assert escape(text) == escaped
    assert unescape(escaped) == text


def test_unescape_keeps_other_backslashes_like_moodle() -> None:
    assert unescape(r"C:\temp \d") == r"C:\temp \d"


def test_find_skips_escaped_characters() -> None:
    assert find(r"a\{b{c", "{") == 4
    assert find(r"a\\{b", "{") == 3
    assert find(r"no\}", "}") == -1


def test_special_characters_survive_the_answer_block() -> None:
    text = escape("C# = {x}: ~y")
    [question] = parse_gift(f"::q::Which?{{={text} ~{escape('a~b')}####{escape('Why: #1')}}}")
    assert [a.text for a in question.answers] == ["C# = {x}: ~y", "a~b"]
    assert question.feedback == "Why: #1"


def test_export_has_a_category_per_topic_and_a_question_per_id(tiny_bank: Bank) -> None:
    text = export_gift(tiny_bank).content.decode()
    assert "$CATEGORY: $course$/top/Founders and people" in text
    assert "$CATEGORY: $course$/top/Money and dates" in text
    assert "::mensch-former-lab::[markdown]Before Mistral AI" in text
    assert "mensch-title" not in text  # a draft


@pytest.mark.parametrize(
    ("question_id", "block"),
    [
        ("mensch-former-lab", "{\n\t=Google DeepMind\n\t~Meta\n\t~OpenAI\n\t~Microsoft Research"),
        ("founders-from-meta", "\t~%50%Timothée Lacroix\n\t~%50%Guillaume Lample\n\t~%-100%Arthur"),
        ("mistral-is-french", "{TRUE\n\t####It is a Paris start-up.\\n\\nSource\\: An alliance"),
        ("lample-model", "{\n\t=LLaMA\n\t=Meta LLaMA\n"),
        ("microsoft-investment", "{#15000000\n"),
        ("founded-year", "{#\n\t=2023:0\n\t=2022:0\n"),
        ("deal-announced", "{\n\t=2024-02-26\n\t=26 February 2024\n\t=February 26, 2024\n"),
        ("founders-employers", "\t=Arthur Mensch -> Google DeepMind\n\t=Guillaume Lample -> Meta"),
        (
            "timeline-order",
            "\t=Mistral AI founded -> 1\n\t=Seed round -> 2\n\t=Microsoft deal -> 3",
        ),
    ],
)
def test_each_type_maps_to_its_gift_form(tiny_bank: Bank, question_id: str, block: str) -> None:
    text = export_gift(tiny_bank).content.decode()
    start = text.index(f"::{question_id}::")
    assert block in text[start : text.index("\n}", start) + 2]


def test_what_gift_cannot_express_is_listed_and_commented(tiny_bank: Bank) -> None:
    export = export_gift(tiny_bank)
    by_id = {w.question_id: w.message for w in export.warnings}
    assert set(by_id) == {
        "mensch-former-lab",  # hint
        "founders-from-meta",  # shuffle: false
        "microsoft-investment",  # currency; digits only
        "founders-count",  # unit word; digits only
        "lample-model",  # typo tolerance
        "deal-announced",  # full date
        "timeline-order",  # order as matching
        "deal-cloze",  # two blanks
    }
    assert "2 blanks" in by_id["deal-cloze"] and "skipped" in by_id["deal-cloze"]
    text = export.content.decode()
    assert "// skipped deal-cloze (cloze)" in text
    assert "::deal-cloze::" not in text
    assert export.questions == len(tiny_bank) - 1
    assert text.count("// not expressible:") == len(export.warnings)

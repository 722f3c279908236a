"""short: folded text, accepted alternatives, bounded typo tolerance."""

from __future__ import annotations

import pytest

from quizapp.qtypes import get_type

from .specs import errors_of, make_spec

SHORT = get_type("short")
LLAMA = make_spec("short", "answer: LLaMA\naccept: [Meta LLaMA]\n")
MENSCH = make_spec("short", "answer: Arthur Mensch\n")
STRICT = make_spec("short", "answer: Arthur Mensch\ntypos: 0\n")
EMPLOYER = make_spec("short", "answer: Google DeepMind\naccept: [DeepMind]\n")


@pytest.mark.parametrize(
    ("spec", "answer", "correct", "lenient"),
    [
        (LLAMA, "LLaMA", True, False),
        (LLAMA, "llama", True, False),
        (LLAMA, " Llama! ", True, False),
        (LLAMA, "the LLaMA", True, False),
        (LLAMA, "meta llama", True, False),
        (LLAMA, "Lama", True, True),
        (LLAMA, "GPT", False, False),
        (LLAMA, "", False, False),
        (MENSCH, "Arthur Mensch", True, False),
        (MENSCH, "arthur mensh", True, True),
        (MENSCH, "Mensch Arthur", True, True),
        (MENSCH, "Guillaume Lample", False, False),
        (STRICT, "arthur mensh", False, False),
        (STRICT, "ARTHUR MENSCH", True, False),
        (EMPLOYER, "deepmind", True, False),
        (EMPLOYER, "Deep Mind", True, True),
        (EMPLOYER, "x" * 10_000, False, False),
    ],
)
def test_grading(spec, answer: str, correct: bool, lenient: bool) -> None:
    grade = SHORT.grade(spec, answer)
    assert grade.correct is correct and grade.score == float(correct)
    assert (grade.note is not None) is lenient


def test_a_lenient_match_names_the_exact_spelling() -> None:
    grade = SHORT.grade(MENSCH, "arthur mensh")
    assert grade.normalised == "arthur mensh"
    assert grade.note == "accepted with a small difference — the exact answer is 'Arthur Mensch'"


def test_form_and_texts() -> None:
    assert SHORT.parse_form({"answer": "  llama "}, LLAMA) == "llama"
    assert SHORT.is_empty("  ") and not SHORT.is_empty("x")
    assert SHORT.answer_text(LLAMA) == "LLaMA"
    assert SHORT.answer_display(LLAMA, " llama ") == "llama"
    assert LLAMA.fields["typos"] is None and STRICT.fields["typos"] == 0


@pytest.mark.parametrize(
    ("fields", "errors"),
    [
        (
            "answer: x\ntypos: many\n",
            [
                "t.yaml:7:8: question 'q1': 'typos' must be a whole number, not 'many' — write"
                " e.g. 'typos: 1'"
            ],
        ),
        (
            "answer: x\naccept: y\n",
            [
                "t.yaml:7:9: question 'q1': 'accept' must be a list, not 'y' — write it as [first,"
                " second] or one '- item' per line"
            ],
        ),
        (
            "answer: [x]\n",
            [
                "t.yaml:6:9: question 'q1': 'answer' must be text, not a list — write it on the"
                " same line after 'answer:', in quotes if it contains ': ' or starts with '[',"
                " '{' or '-'"
            ],
        ),
    ],
)
def test_validation(fields: str, errors: list[str]) -> None:
    assert errors_of("short", fields) == errors


def test_a_generic_head_noun_is_accepted_with_a_note_naming_it() -> None:
    grade = SHORT.grade(LLAMA, "LLaMA model")
    assert grade.correct
    assert grade.note == "'model' is not part of the answer — the answer is 'LLaMA'"

"""choice: exact grading, shuffled display, the answer must be a choice."""

from __future__ import annotations

import random

import pytest

from quizapp.qtypes import get_type

from .specs import errors_of, make_spec

CHOICE = get_type("choice")
SPEC = make_spec(
    "choice",
    "choices: [Google DeepMind, Meta, OpenAI, Microsoft Research]\nanswer: Google DeepMind\n",
)


@pytest.mark.parametrize(
    ("answer", "score", "correct"),
    [
        ("Google DeepMind", 1.0, True),
        ("  Google DeepMind ", 1.0, True),
        ("Meta", 0.0, False),
        ("google deepmind", 0.0, False),
        ("Not a choice", 0.0, False),
        ("", 0.0, False),
        (None, 0.0, False),
        (["Google DeepMind"], 1.0, True),
    ],
)
def test_grading_is_exact(answer: object, score: float, correct: bool) -> None:
    grade = CHOICE.grade(SPEC, answer)
    assert (grade.score, grade.correct) == (score, correct)


def test_display_shuffles_unless_told_not_to() -> None:
    shown = {tuple(CHOICE.display(SPEC, random.Random(seed))["choices"]) for seed in range(20)}
    assert len(shown) > 1
    assert all(sorted(s) == sorted(SPEC.fields["choices"]) for s in shown)
    fixed = make_spec("choice", "choices: [b, a]\nanswer: a\nshuffle: false\n")
    assert CHOICE.display(fixed, random.Random(1)) == {"name": "answer", "choices": ["b", "a"]}


def test_form_answer_and_texts() -> None:
    assert CHOICE.parse_form({"answer": "Meta"}, SPEC) == "Meta"
    assert CHOICE.parse_form({}, SPEC) == ""
    assert CHOICE.is_empty("") and CHOICE.is_empty(None) and not CHOICE.is_empty("Meta")
    assert CHOICE.answer_text(SPEC) == "Google DeepMind"
    assert CHOICE.answer_display(SPEC, "Meta") == "Meta"
    assert CHOICE.template == "qtypes/choice.html"


@pytest.mark.parametrize(
    ("fields", "errors"),
    [
        (
            "choices: [a, b]\nanswer: c\n",
            [
                "t.yaml:7:9: question 'q1': answer 'c' is not one of the choices — copy it exactly"
                " from 'choices'"
            ],
        ),
        (
            "choices: [a]\nanswer: a\n",
            ["t.yaml:6:10: question 'q1': 'choices' needs at least 2 items, found 1 — add more"],
        ),
        (
            "choices: [a, '']\nanswer: a\n",
            ["t.yaml:6:14: question 'q1': an item of 'choices' is empty — remove it or fill it in"],
        ),
        (
            "choices: [a, [b]]\nanswer: a\n",
            [
                "t.yaml:6:14: question 'q1': each item of 'choices' must be text, not a list —"
                " put it in quotes"
            ],
        ),
        (
            "choices: [a, b]\nanswers: a\n",
            ["t.yaml:7:1: question 'q1': unknown field 'answers' — did you mean 'answer'?"],
        ),
        (
            "choices: [yes, no]\nanswer: yes\n",
            [],
        ),
    ],
)
def test_validation(fields: str, errors: list[str]) -> None:
    assert errors_of("choice", fields) == errors

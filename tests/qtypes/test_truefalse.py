"""truefalse: a truth value; anything else is empty."""

from __future__ import annotations

import random

import pytest

from quizapp.qtypes import get_type

from .specs import errors_of, make_spec

TF = get_type("truefalse")
TRUE = make_spec("truefalse", "answer: true\n")
FALSE = make_spec("truefalse", "answer: False\n")


@pytest.mark.parametrize(
    ("spec", "answer", "correct", "normalised"),
    [
        (TRUE, True, True, "True"),
        (TRUE, "true", True, "True"),
        (TRUE, "TRUE ", True, "True"),
        (TRUE, False, False, "False"),
        (FALSE, "false", True, "False"),
        (FALSE, True, False, "True"),
        (TRUE, "yes", False, ""),
        (TRUE, None, False, ""),
        (TRUE, 1, False, ""),
    ],
)
def test_grading(spec, answer: object, correct: bool, normalised: str) -> None:
    grade = TF.grade(spec, answer)
    assert (grade.correct, grade.score, grade.normalised) == (correct, float(correct), normalised)


def test_form_display_and_texts() -> None:
    assert TF.parse_form({"answer": "true"}, TRUE) is True
    assert TF.parse_form({"answer": "false"}, TRUE) is False
    assert TF.parse_form({"answer": "maybe"}, TRUE) is None
    assert TF.parse_form({}, TRUE) is None
    assert TF.is_empty(None) and TF.is_empty("maybe") and not TF.is_empty(False)
    assert [c["value"] for c in TF.display(TRUE, random.Random(0))["choices"]] == ["true", "false"]
    assert TF.answer_text(TRUE) == "True" and TF.answer_text(FALSE) == "False"
    assert TF.answer_display(TRUE, False) == "False" and TF.answer_display(TRUE, None) == ""


def test_quoted_true_is_accepted_but_yes_is_not() -> None:
    assert make_spec("truefalse", "answer: 'true'\n").fields["answer"] is True
    assert errors_of("truefalse", "answer: yes\n") == [
        "t.yaml:6:9: question 'q1': 'answer' must be true or false, not 'yes' — write"
        " 'answer: true' or 'answer: false'"
    ]

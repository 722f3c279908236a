"""multi: partial credit (right − wrong) / number right, correct only when exact."""

from __future__ import annotations

import random

import pytest

from quizapp.qtypes import get_type

from .specs import errors_of, make_spec

MULTI = get_type("multi")
SPEC = make_spec("multi", "choices: [A, B, C, D, E]\nanswers: [A, B, C]\n")


@pytest.mark.parametrize(
    ("answer", "score", "correct"),
    [
        (["A", "B", "C"], 1.0, True),
        (["C", "B", "A"], 1.0, True),
        (["A", "B", "C", "A"], 1.0, True),
        (["A", "B"], 2 / 3, False),
        (["A"], 1 / 3, False),
        (["A", "B", "C", "D"], 1 / 2, False),
        (["A", "D"], 0.0, False),
        (["A", "B", "D"], 2 / 3 - 1 / 2, False),
        (["A", "B", "C", "D", "E"], 0.0, False),
        (["D", "E"], 0.0, False),
        (["A", "B", "C", "not a choice"], 1 / 2, False),
        ([], 0.0, False),
        ("A", 1 / 3, False),
        (None, 0.0, False),
    ],
)
def test_partial_credit(answer: object, score: float, correct: bool) -> None:
    grade = MULTI.grade(SPEC, answer)
    assert grade.score == pytest.approx(score)
    assert grade.correct is correct


@pytest.mark.parametrize(
    "fields",
    [
        "choices: [A, B, C]\nanswers: [A]\n",
        "choices: [A, B, C]\nanswers: [A, B]\n",
        "choices: [A, B, C, D, E, F]\nanswers: [A, B, C, D, E]\n",
    ],
)
def test_selecting_everything_earns_nothing(fields: str) -> None:
    spec = make_spec("multi", fields)
    assert MULTI.grade(spec, list(spec.fields["choices"])).score == 0.0
    assert MULTI.grade(spec, list(spec.fields["answers"])).correct


def test_when_every_choice_is_right_selecting_everything_is_right() -> None:
    spec = make_spec("multi", "choices: [A, B]\nanswers: [A, B]\n")
    assert MULTI.grade(spec, ["A", "B"]).correct
    assert MULTI.grade(spec, ["A", "B", "bogus"]).score == 0.0


def test_normalised_answer_follows_the_choices_order() -> None:
    grade = MULTI.grade(SPEC, ["C", "A", "zzz"])
    assert grade.normalised == "A, C, zzz"
    assert grade.note == "2 of 3 right, 1 wrong selected"


def test_form_display_and_texts() -> None:
    form = {"answer": ["B", "A", "B", " "]}
    assert MULTI.parse_form(form, SPEC) == ["B", "A"]
    assert MULTI.is_empty([]) and MULTI.is_empty(["", " "]) and not MULTI.is_empty(["A"])
    shown = MULTI.display(SPEC, random.Random(3))
    assert shown["multiple"] is True and sorted(shown["choices"]) == list("ABCDE")
    assert MULTI.answer_text(SPEC) == "A, B, C"
    assert MULTI.answer_display(SPEC, ["C", "A"]) == "C, A"


class MultiDict(dict):
    """Werkzeug-like: getlist returns every value."""

    def getlist(self, key: str) -> list[str]:
        value = self.get(key, [])
        return value if isinstance(value, list) else [value]


def test_form_with_getlist() -> None:
    assert MULTI.parse_form(MultiDict(answer=["A", "C"]), SPEC) == ["A", "C"]


@pytest.mark.parametrize(
    ("fields", "errors"),
    [
        (
            "choices: [Lacroix, Lample]\nanswers: [Lacroix, Z, Lampel]\n",
            [
                "t.yaml:7:20: question 'q1': answer 'Z' is not one of the choices — copy it"
                " exactly from 'choices'",
                "t.yaml:7:23: question 'q1': answer 'Lampel' is not one of the choices — did"
                " you mean 'Lample'?",
            ],
        ),
        (
            "choices: [A, B]\nanswers: []\n",
            ["t.yaml:7:10: question 'q1': 'answers' needs at least 1 item, found 0 — add more"],
        ),
        (
            "choices: [A, B]\nanswer: A\n",
            ["t.yaml:7:1: question 'q1': unknown field 'answer' — did you mean 'answers'?"],
        ),
    ],
)
def test_validation(fields: str, errors: list[str]) -> None:
    assert errors_of("multi", fields) == errors


def test_parts_mark_each_option():
    parts = MULTI.parts(SPEC, ["A", "D"])
    assert [(p.label, p.given, p.right, p.ok) for p in parts] == [
        ("A", "ticked", "ticked", True),
        ("B", "not ticked", "ticked", False),
        ("C", "not ticked", "ticked", False),
        ("D", "ticked", "not ticked", False),
        ("E", "not ticked", "not ticked", True),
    ]

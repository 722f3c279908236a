"""order: partial credit by neighbouring pairs kept in the right relative order."""

from __future__ import annotations

import random

import pytest

from quizapp.qtypes import Unreadable, get_type

from .specs import errors_of, make_spec

ORDER = get_type("order")
SPEC = make_spec("order", "items: [A, B, C, D]\n")


@pytest.mark.parametrize(
    ("answer", "score", "correct"),
    [
        (["A", "B", "C", "D"], 1.0, True),
        ([" A ", "B", "C", "D"], 1.0, True),
        (["B", "A", "C", "D"], 2 / 3, False),
        (["A", "C", "B", "D"], 2 / 3, False),
        (["D", "A", "B", "C"], 2 / 3, False),
        (["A", "B", "D", "C"], 2 / 3, False),
        (["B", "C", "D", "A"], 2 / 3, False),
        (["C", "D", "A", "B"], 2 / 3, False),
        (["A", "D", "C", "B"], 1 / 3, False),
        (["D", "C", "B", "A"], 0.0, False),
        (["A", "B", "C", ""], 2 / 3, False),
        (["A", "A", "A", "A"], 0.0, False),
        (["A", "B", "B", "C"], 2 / 3, False),
        (["A", "B", "C", "D", "E"], 1.0, False),
        ([], 0.0, False),
        ("A B C D", 0.0, False),
        (None, 0.0, False),
    ],
)
def test_partial_credit_by_pairs(answer: object, score: float, correct: bool) -> None:
    grade = ORDER.grade(SPEC, answer)
    assert grade.score == pytest.approx(score)
    assert grade.correct is correct


def test_note_and_normalised() -> None:
    grade = ORDER.grade(SPEC, ["B", "A", "C", "D"])
    assert grade.normalised == "B → A → C → D"
    assert grade.note == "2 of 3 neighbouring pairs in the right order"


def test_display_is_never_already_in_order() -> None:
    two = make_spec("order", "items: [first, second]\n")
    for seed in range(30):
        shown = ORDER.display(two, random.Random(seed))
        assert shown == {"items": ["second", "first"], "names": ["order-0", "order-1"]}
        assert sorted(ORDER.display(SPEC, random.Random(seed))["items"]) == ["A", "B", "C", "D"]


def test_form_and_texts() -> None:
    form = {"order-0": "B", "order-1": " A ", "order-3": "D"}
    assert ORDER.parse_form(form, SPEC) == ["B", "A", "", "D"]
    assert ORDER.is_empty(["", " ", "", ""]) and not ORDER.is_empty(["", "A", "", ""])
    assert ORDER.answer_text(SPEC) == "A → B → C → D"
    assert ORDER.answer_display(SPEC, ["B", "A"]) == "B → A"
    assert ORDER.form_fields == "order-0 .. order-<n-1>"


def test_an_item_in_two_positions_is_asked_again_not_graded() -> None:
    read = ORDER.read(SPEC, ["B", "A", "B", "D"])
    assert isinstance(read, Unreadable) and "“B” is chosen more than once" in read.message
    assert ORDER.read(SPEC, ["B", "A", "", ""]) == ["B", "A", "", ""]  # gaps are graded (partial)
    assert ORDER.read(SPEC, ["D", "C", "B", "A"]) == ["D", "C", "B", "A"]


@pytest.mark.parametrize(
    ("fields", "errors"),
    [
        (
            "items: [A]\n",
            ["t.yaml:6:8: question 'q1': 'items' needs at least 2 items, found 1 — add more"],
        ),
        (
            "items: [A, B, A]\n",
            ["t.yaml:6:15: question 'q1': 'A' is listed twice in 'items' — remove one"],
        ),
        (
            "items: A, B\n",
            [
                "t.yaml:6:8: question 'q1': 'items' must be a list, not 'A, B' — write it as"
                " [first, second] or one '- item' per line"
            ],
        ),
    ],
)
def test_validation(fields: str, errors: list[str]) -> None:
    assert errors_of("order", fields) == errors


def test_parts_mark_each_position():
    parts = ORDER.parts(SPEC, ["B", "A", "C"])
    assert [(p.label, p.given, p.right, p.ok) for p in parts] == [
        ("Position 1", "B", "A", False),
        ("Position 2", "A", "B", False),
        ("Position 3", "C", "C", True),
        ("Position 4", "", "D", False),
    ]

"""match: partial credit by pair; right-hand options shuffled and deduplicated."""

from __future__ import annotations

import random

import pytest

from quizapp.qtypes import get_type

from .specs import errors_of, make_spec

MATCH = get_type("match")
SPEC = make_spec(
    "match",
    """\
    pairs:
      - Arthur Mensch: Google DeepMind
      - Guillaume Lample: Meta
      - Timothée Lacroix: Meta
      - Brad Smith: Microsoft
    """,
)
RIGHT = {
    "Arthur Mensch": "Google DeepMind",
    "Guillaume Lample": "Meta",
    "Timothée Lacroix": "Meta",
    "Brad Smith": "Microsoft",
}


@pytest.mark.parametrize(
    ("answer", "score", "correct"),
    [
        (RIGHT, 1.0, True),
        ({**RIGHT, "Brad Smith": "Meta"}, 0.75, False),
        ({**RIGHT, "Arthur Mensch": "Meta", "Guillaume Lample": "Google DeepMind"}, 0.5, False),
        ({"Arthur Mensch": "Google DeepMind"}, 0.25, False),
        ({}, 0.0, False),
        (["Google DeepMind", "Meta", "Meta", "Microsoft"], 1.0, True),
        (["Google DeepMind"], 0.25, False),
        ({"Arthur Mensch": ["Google DeepMind"]}, 0.25, False),
        ("Google DeepMind", 0.0, False),
        (None, 0.0, False),
    ],
)
def test_partial_credit_by_pair(answer: object, score: float, correct: bool) -> None:
    grade = MATCH.grade(SPEC, answer)
    assert grade.score == pytest.approx(score)
    assert grade.correct is correct


def test_display_form_and_texts() -> None:
    shown = MATCH.display(SPEC, random.Random(0))
    assert shown["left"][0] == {"name": "match-0", "label": "Arthur Mensch"}
    assert [item["name"] for item in shown["left"]] == ["match-0", "match-1", "match-2", "match-3"]
    assert sorted(shown["options"]) == ["Google DeepMind", "Meta", "Microsoft"]
    form = {"match-0": "Meta", "match-2": " Meta "}
    answer = MATCH.parse_form(form, SPEC)
    assert answer == {
        "Arthur Mensch": "Meta",
        "Guillaume Lample": "",
        "Timothée Lacroix": "Meta",
        "Brad Smith": "",
    }
    assert MATCH.grade(SPEC, answer).note == "1 of 4 pairs right"
    assert MATCH.is_empty({"a": "", "b": " "}) and not MATCH.is_empty(answer)
    assert MATCH.answer_text(SPEC) == (
        "Arthur Mensch → Google DeepMind; Guillaume Lample → Meta; Timothée Lacroix → Meta;"
        " Brad Smith → Microsoft"
    )
    assert MATCH.answer_display(SPEC, answer).startswith(
        "Arthur Mensch → Meta; Guillaume Lample → ;"
    )


@pytest.mark.parametrize(
    ("fields", "errors"),
    [
        (
            "pairs:\n  - Arthur Mensch: Google DeepMind\n",
            ["t.yaml:7:3: question 'q1': 'pairs' needs at least 2 items, found 1 — add more"],
        ),
        (
            "pairs:\n  - A: x\n  - A: y\n",
            ["t.yaml:8:5: question 'q1': 'A' is listed twice in 'pairs' — remove one"],
        ),
        (
            "pairs:\n  - A: x\n  - B\n",
            [
                "t.yaml:8:5: question 'q1': each pair must be one 'left: right' line, e.g."
                " '- Arthur Mensch: Google DeepMind'"
            ],
        ),
        (
            "pairs:\n  - A: x\n  - B:\n",
            [
                "t.yaml:8:5: question 'q1': the pair 'B' must have text on both sides, not"
                " nothing — write e.g. '- Arthur Mensch: Google DeepMind'"
            ],
        ),
        (
            "pairs:\n  - A: x\n    B: y\n  - C: z\n",
            [
                "t.yaml:7:5: question 'q1': each pair must be one 'left: right' line, e.g."
                " '- Arthur Mensch: Google DeepMind'"
            ],
        ),
        (
            "pairs: {A: x, B: y}\n",
            [
                "t.yaml:6:8: question 'q1': 'pairs' must be a list, not a 'name: value' mapping —"
                " write one '- Arthur Mensch: Google DeepMind' per line"
            ],
        ),
        ("pairs:\n  - 2023: Founded\n  - 2024: Microsoft deal\n", []),
    ],
)
def test_validation(fields: str, errors: list[str]) -> None:
    assert errors_of("match", fields) == errors


def test_parts_mark_each_pair():
    parts = MATCH.parts(SPEC, {**RIGHT, "Brad Smith": "Meta"})
    assert [(p.label, p.given, p.ok) for p in parts] == [
        ("Arthur Mensch", "Google DeepMind", True),
        ("Guillaume Lample", "Meta", True),
        ("Timothée Lacroix", "Meta", True),
        ("Brad Smith", "Meta", False),
    ]
    assert parts[-1].right == "Microsoft"

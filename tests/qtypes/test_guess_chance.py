"""How often a blind guess is fully right, per question type."""

import math

import pytest

from quizapp.qtypes import get_type

from .specs import make_spec


@pytest.mark.parametrize(
    ("type_name", "fields", "chance"),
    [
        ("choice", "choices: [A, B, C, D]\nanswer: A\n", 1 / 4),
        ("choice", "choices: [A, B]\nanswer: A\n", 1 / 2),
        ("truefalse", "answer: true\n", 1 / 2),
        ("multi", "choices: [A, B, C]\nanswers: [A]\n", 1 / 7),
        ("multi", "choices: [A, B, C, D]\nanswers: [A, B]\n", 1 / 15),
        ("order", "items: [A, B, C, D]\n", 1 / 24),
        ("match", "pairs:\n  - A: x\n  - B: y\n  - C: z\n", 1 / 6),
        ("match", "pairs:\n  - A: x\n  - B: y\n  - C: y\n", 1 / 3),
        ("short", "answer: Paris\n", 0.0),
        ("numeric", "answer: 15\n", 0.0),
        ("date", "answer: 2024-02-26\n", 0.0),
        ("cloze", "text: The {{cat}} sat.\n", 0.0),
    ],
)
def test_guess_chance(type_name: str, fields: str, chance: float) -> None:
    spec = make_spec(type_name, fields)
    assert math.isclose(get_type(type_name).guess_chance(spec), chance)

"""Needs-checking reasons at Moodle's thresholds, guess scores, and the per-choice counts."""

from __future__ import annotations

import pytest

from quizapp.analytics import (
    ItemStats,
    choice_counts,
    needs_checking,
    random_guess_score,
)


def stats(facility: float, di: float | None, de: float | None, n: int = 20) -> ItemStats:
    return ItemStats("q", "v1", n, n, facility, 0.3, di, de, n)


@pytest.mark.parametrize(
    ("item", "reasons"),
    [
        (stats(0.6, 0.5, 0.6), []),
        (stats(0.05, 0.5, 0.6), ["Extremely hard: check the key"]),
        (stats(0.95, 0.5, 0.6), ["Extremely easy"]),
        (stats(0.6, 0.29, 0.6), ["Weak discrimination"]),
        (stats(0.6, -0.1, -0.2), ["Negative discrimination: check the key and the distractors"]),
        (stats(0.6, 0.4, 0.14), ["Low discriminative efficiency"]),
        (stats(0.6, 0.4, 0.15), []),
        # 19 students: the answers say nothing yet
        (stats(0.0, -0.9, -0.9, n=19), []),
        (None, []),
    ],
)
def test_reasons_at_moodles_thresholds(item: ItemStats | None, reasons: list[str]) -> None:
    assert needs_checking(item) == reasons


def test_guessable_questions_are_flagged_without_data() -> None:
    assert random_guess_score("truefalse", {"answer": True}) == 0.5
    assert random_guess_score("choice", {"choices": ["a", "b", "c", "d"]}) == 0.25
    assert random_guess_score("short", {"answer": "x"}) is None
    assert needs_checking(None, 0.5) == ["Easy to guess: a random answer scores 50%"]
    assert needs_checking(None, 0.4) == []


def test_choice_counts_mark_the_key_and_count_other_answers() -> None:
    """Five students: B (the key) twice, C twice (a tempting distractor), one blank."""
    content = {"choices": ["A", "B", "C"], "answer": "B"}
    counts = choice_counts("choice", content, ["B", "C", "B", "C", ""])
    assert [(c.label, c.right, c.picked, c.share) for c in counts] == [
        ("A", False, 0, 0.0),
        ("B", True, 2, 0.4),
        ("C", False, 2, 0.4),
        ("Other or blank", False, 1, 0.2),
    ]


def test_multi_and_truefalse_counts() -> None:
    content = {"choices": ["A", "B", "C"], "answers": ["A", "B"]}
    counts = choice_counts("multi", content, [["A", "B"], ["A"], ["C", "C"]])
    assert [(c.label, c.right, c.picked) for c in counts] == [
        ("A", True, 2),
        ("B", True, 1),
        ("C", False, 1),
    ]
    tf = choice_counts("truefalse", {"answer": False}, [True, False, False, None])
    assert [(c.label, c.right, c.picked) for c in tf] == [
        ("True", False, 1),
        ("False", True, 2),
        ("Other or blank", False, 1),
    ]
    assert [c.share for c in choice_counts("truefalse", {"answer": True}, [])] == [None, None]

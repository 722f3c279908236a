"""Coefficient of internal consistency, worked out by hand (KR-20) and on unequal subsets."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quizapp.analytics import internal_consistency
from tests.analytics import reference


def test_complete_data_gives_kr20() -> None:
    """Four students, three right/wrong items, everyone answered everything.

    Scores 111, 110, 100, 000. p = .75 .5 .25; item variances pq = .1875 .25 .1875, sum .625.
    Totals 3 2 1 0, mean 1.5, variance (2.25 + .25 + .25 + 2.25) / 4 = 1.25.
    KR-20 = 3/2 * (1 - .625 / 1.25) = .75. Student means 1 .667 .333 0: SD .5164 (n - 1);
    error ratio sqrt(.25) = .5, standard error .5 * .5164.
    """
    scores = {
        1: {"a": 1.0, "b": 1.0, "c": 1.0},
        2: {"a": 1.0, "b": 1.0, "c": 0.0},
        3: {"a": 1.0, "b": 0.0, "c": 0.0},
        4: {"a": 0.0, "b": 0.0, "c": 0.0},
    }
    result = internal_consistency(scores, min_students=4)
    assert result.alpha == pytest.approx(0.75)
    assert (result.k, result.students) == (3, 4)
    sd = math.sqrt(((1 / 2) ** 2 + (1 / 6) ** 2 * 2 + (1 / 2) ** 2) / 3)
    assert result.sd == pytest.approx(sd)
    assert result.error_ratio == pytest.approx(0.5)
    assert result.standard_error == pytest.approx(0.5 * sd)


def test_different_subsets_pool_the_pairs_students_answered() -> None:
    """Item means a .5, b .5, c .5 (u1, u2 answered a and b; u3, u4 answered b and c).

    Deviations: u1 (a .5, b .5), u2 (a -.5, b -.5), u3 (b .5, c .5), u4 (b -.5, c -.5).
    v = 8 * .25 / 8 = .25; c = each student 2 * .25 = .5 over 2 ordered pairs -> .25.
    k = 2: alpha = 2 * .25 / (.25 + .25) = 1 (b always agrees with the other item).
    """
    scores = {
        1: {"a": 1.0, "b": 1.0},
        2: {"a": 0.0, "b": 0.0},
        3: {"b": 1.0, "c": 1.0},
        4: {"b": 0.0, "c": 0.0},
    }
    result = internal_consistency(scores, min_students=4)
    assert result.alpha == pytest.approx(1.0) and result.k == 2
    assert result.error_ratio == pytest.approx(0.0)


def test_too_few_students_or_items() -> None:
    one_item = {u: {"a": float(u % 2)} for u in range(30)}
    assert internal_consistency(one_item).alpha is None  # nobody answered two items
    few = {u: {"a": 1.0, "b": float(u % 2)} for u in range(5)}
    result = internal_consistency(few)
    assert result.alpha is None and result.students == 5  # below 20 students


SCORES = st.dictionaries(
    st.integers(1, 40),  # student
    st.dictionaries(st.sampled_from("abcdefg"), st.floats(0, 1), max_size=7),
    max_size=40,
)


@settings(max_examples=150, deadline=None)
@given(SCORES, st.integers(1, 6))
def test_streaming_one_student_at_a_time_matches_every_dict_in_memory(scores, min_n) -> None:
    """`internal_consistency` (students fed one at a time to `ConsistencyAnalysis`, an item
    number and a score kept per observation) gives what the first version gave."""
    streamed = internal_consistency(scores, min_students=min_n)
    assert reference.same(streamed, reference.internal_consistency(scores, min_n))

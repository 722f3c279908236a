"""Item analysis on small classes whose figures are worked out by hand in the docstrings."""

from __future__ import annotations

import math
import weakref

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quizapp.analytics import (
    ItemAnalysis,
    common_wrong_answers,
    correlation,
    item_scores,
    item_statistics,
    order_questions,
)
from tests.analytics import reference


def rows(table: dict[int, dict[str, float]], version: str = "v1") -> list[tuple]:
    """`(question, version, user, score sum, answers)` rows: one answer per student and item."""
    return [(q, version, u, x, 1) for u, items in table.items() for q, x in items.items()]


# Five students, three right/wrong items.
CLASS = {
    1: {"a": 1.0, "b": 1.0, "c": 1.0},
    2: {"a": 1.0, "b": 1.0, "c": 0.0},
    3: {"a": 1.0, "b": 0.0, "c": 1.0},
    4: {"a": 0.0, "b": 0.0, "c": 0.0},
    5: {"a": 0.0, "b": 1.0, "c": 0.0},
}


def test_discrimination_correlates_with_the_rest_without_the_item() -> None:
    """Item a against the rest, the mean of b and c.

    a: 1 1 1 0 0, mean .6, deviations .4 .4 .4 -.6 -.6, sum of squares 1.2
    rest: 1 .5 .5 0 .5, mean .5, deviations .5 0 0 -.5 0, sum of squares .5
    cross products: .2 + 0 + 0 + .3 + 0 = .5, so DI = .5 / sqrt(1.2 * .5) = .6455.
    With a inside the total (mean of a, b, c: 1 .667 .667 0 .333) it would be .8807:
    the item would correlate with itself.
    Sorted deviations: a -.6 -.6 .4 .4 .4, rest -.5 0 0 0 .5 -> cov_max sum .3 + .2 = .5,
    so DE = .5 / .5 = 1: a does as well as its two-valued scores allow.
    """
    stats = item_statistics(rows(CLASS), min_students=5)
    a = stats[("a", "v1")]
    assert a.discrimination == pytest.approx(0.5 / math.sqrt(0.6))
    assert a.discrimination != pytest.approx(0.8807, abs=1e-3)
    assert a.efficiency == pytest.approx(1.0)
    assert a.facility == pytest.approx(0.6)
    assert a.sd == pytest.approx(math.sqrt(1.2 / 4))  # sample SD, n - 1 = 4
    assert (a.students, a.answers, a.rest_students) == (5, 5, 5)


def test_negative_discrimination() -> None:
    """Weak students get n right and strong ones do not.

    n: 0 0 1 1, deviations -.5 -.5 .5 .5 (sum of squares 1)
    rest (mean of a, b): 1 .5 .5 0, deviations .5 0 0 -.5 (sum of squares .5)
    cross products -.25 + 0 + 0 - .25 = -.5: DI = -.5 / sqrt(.5) = -.7071;
    cov_max: sorted -.5 -.5 .5 .5 with -.5 0 0 .5 = .25 + .25 = .5, DE = -1.
    """
    table = {
        1: {"a": 1.0, "b": 1.0, "n": 0.0},
        2: {"a": 1.0, "b": 0.0, "n": 0.0},
        3: {"a": 0.0, "b": 1.0, "n": 1.0},
        4: {"a": 0.0, "b": 0.0, "n": 1.0},
    }
    n = item_statistics(rows(table), min_students=4)[("n", "v1")]
    assert n.discrimination == pytest.approx(-1 / math.sqrt(2))
    assert n.efficiency == pytest.approx(-1.0)


def test_an_item_everyone_gets_right_has_no_correlation() -> None:
    """Item e is right for all: its variance is 0, so r is undefined (None, not NaN)."""
    table = {u: {**items, "e": 1.0} for u, items in CLASS.items()}
    e = item_statistics(rows(table), min_students=5)[("e", "v1")]
    assert (e.facility, e.sd, e.discrimination, e.efficiency) == (1.0, 0.0, None, None)
    assert correlation([1.0], [0.5]) == (None, None)
    assert correlation([0.0, 1.0], [0.5, 0.5]) == (None, None)  # the rest is constant


def test_not_enough_students_leaves_discrimination_out() -> None:
    """Five students with a rest score, below the default 20: DI and DE are None."""
    a = item_statistics(rows(CLASS))[("a", "v1")]
    assert (a.discrimination, a.efficiency, a.rest_students) == (None, None, 5)
    assert not a.enough_data and a.facility == pytest.approx(0.6)


def test_versions_are_separate_items_and_stay_out_of_each_others_rest() -> None:
    """Question q was edited: v1 answered wrong by u1, u2; v2 right by u2, u3.

    v1 facility 0/2, v2 facility 2/2. u2 answered both versions and a (score 1): u2's rest
    for q v2 is a alone (1.0), not the mean of a and q v1 (.5). u3 answered only q v2: no
    rest score, so q v2 has one student with a rest score.
    """
    responses = [
        ("q", "v1", 1, 0.0, 1),
        ("q", "v1", 2, 0.0, 1),
        ("q", "v2", 2, 1.0, 1),
        ("q", "v2", 3, 1.0, 1),
        ("a", "v1", 1, 1.0, 1),
        ("a", "v1", 2, 1.0, 1),
    ]
    stats = item_statistics(responses, min_students=1)
    assert stats[("q", "v1")].facility == 0.0 and stats[("q", "v2")].facility == 1.0
    assert stats[("q", "v2")].rest_students == 1
    # a's rest for u2 is the mean of q v1 and q v2 (.5); for u1 it is q v1 (0)
    assert stats[("a", "v1")].rest_students == 2


def test_all_answers_count_as_each_students_mean() -> None:
    """u1 answered twice (1 and .5, mean .75), u2 once (0): facility (.75 + 0) / 2."""
    responses = [("q", "v1", 1, 1.5, 2), ("q", "v1", 2, 0.0, 1)]
    assert item_scores(responses) == {1: {("q", "v1"): 0.75}, 2: {("q", "v1"): 0.0}}
    q = item_statistics(responses)[("q", "v1")]
    assert q.facility == pytest.approx(0.375) and (q.answers, q.students) == (3, 2)


def test_most_missed_and_suspicious_orders() -> None:
    """Facility: a .6, b .6, c .4. DI (as in the first test): a .6455;
    b: deviations .4 .4 -.6 -.6 .4 against rest (a, c) .5 0 .5 -.5 -.5 -> products sum 0, DI 0;
    c: .6 -.4 .6 -.4 -.4 against rest (a, b) .4 .4 -.1 -.6 -.1 -> .30 / sqrt(1.2 * .7) = .327.
    """
    stats = item_statistics(rows(CLASS), min_students=5)
    current = {q: stats[(q, "v1")] for q in "abc"}
    assert current["b"].discrimination == pytest.approx(0.0, abs=1e-12)
    assert current["c"].discrimination == pytest.approx(0.3 / math.sqrt(0.84))
    ids = ["a", "b", "c", "never-answered"]
    assert order_questions(ids, current, "bank") == ids
    assert order_questions(ids, current, "most-missed") == ["c", "a", "b", "never-answered"]
    assert order_questions(ids, current, "suspicious") == ["b", "c", "a", "never-answered"]
    with pytest.raises(ValueError, match="unknown order"):
        order_questions(ids, current, "random")


def test_common_wrong_answers_most_frequent_first() -> None:
    rows_ = [("q", "meta", 3), ("q", "openai", 5), ("q", "", 1), ("q", "apple", 3), ("r", "x", 1)]
    assert common_wrong_answers(rows_, limit=3) == {
        "q": [("openai", 5), ("apple", 3), ("meta", 3)],
        "r": [("x", 1)],
    }
    assert common_wrong_answers([("q", "meta", 1), ("q", "meta", 2)]) == {"q": [("meta", 3)]}


ANSWERS = st.lists(
    st.tuples(
        st.sampled_from("abcdef"),  # question
        st.sampled_from(["v1", "v2"]),
        st.integers(1, 40),  # student
        st.integers(0, 3),  # answers
        st.floats(0, 1),  # mean score
    ),
    max_size=300,
    unique_by=lambda row: row[:3],
)


@settings(max_examples=150, deadline=None)
@given(ANSWERS, st.integers(1, 6))
def test_streaming_one_student_at_a_time_matches_every_row_in_memory(answers, min_n) -> None:
    """`item_statistics` (students fed one at a time to `ItemAnalysis`, two floats kept per
    student and item) gives what the materialising first version gave, on random schools."""
    responses = [(q, v, u, x * n, n) for q, v, u, n, x in answers]
    streamed = item_statistics(responses, min_students=min_n)
    materialised = reference.item_statistics(responses, min_n)
    assert streamed.keys() == materialised.keys()
    assert all(reference.same(streamed[k], materialised[k]) for k in streamed)


def test_a_student_added_is_not_kept() -> None:
    """`ItemAnalysis` keeps no student's rows: each list handed in is freed once counted."""
    analysis, alive = ItemAnalysis(), []
    for items in CLASS.values():
        student = Rows((q, "v1", x, 1) for q, x in items.items())
        analysis.add_student(student)
        alive.append(weakref.ref(student))
        del student
    assert all(ref() is None for ref in alive)
    assert analysis.result(min_students=5) == item_statistics(rows(CLASS), min_students=5)


class Rows(list):
    """A list that can be weakly referenced."""

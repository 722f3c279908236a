"""Item analysis on a small class whose figures are worked out by hand in the comments."""

from __future__ import annotations

import pytest

from quizapp.analytics import (
    common_wrong_answers,
    discrimination_index,
    group_size,
    item_statistics,
    order_questions,
    overall_scores,
)

# Seven students, u1..u7. "anchor" is answered four times by each and sets the ranking;
# "good" is right for the strong, "bad" right for the weak; "part" has only three students.
# (question, user, score sum, answers)
RESPONSES = [
    ("anchor", 1, 4.0, 4),
    ("anchor", 2, 3.5, 4),
    ("anchor", 3, 3.0, 4),
    ("anchor", 4, 2.5, 4),
    ("anchor", 5, 2.0, 4),
    ("anchor", 6, 1.0, 4),
    ("anchor", 7, 0.0, 4),
    *[("good", u, 1.0 if u <= 3 else 0.0, 1) for u in range(1, 8)],
    *[("bad", u, 0.0 if u <= 3 else 1.0, 1) for u in range(1, 8)],
    ("part", 1, 1.5, 2),  # answered twice: 1 and 0.5
    ("part", 4, 0.25, 1),
    ("part", 7, 1.0, 1),
]


def test_overall_scores_are_means_of_all_answers() -> None:
    overall = overall_scores(RESPONSES)
    # u1: anchor 4 + good 1 + bad 0 + part 1.5 = 6.5 over 4+1+1+2 = 8 answers
    assert overall[1] == pytest.approx(6.5 / 8)
    assert overall[2] == pytest.approx(4.5 / 6)
    assert overall[4] == pytest.approx(3.75 / 7)
    assert overall[7] == pytest.approx(2.0 / 7)
    # ranking, strongest first: u1 .81, u2 .75, u3 .67, u4 .54, u5 .50, u6 .33, u7 .29
    assert sorted(overall, key=lambda u: -overall[u]) == [1, 2, 3, 4, 5, 6, 7]


def test_facility_is_the_mean_score_of_all_answers() -> None:
    stats = item_statistics(RESPONSES)
    assert stats["anchor"].facility == pytest.approx(16 / 28)  # 4+3.5+3+2.5+2+1+0 over 28
    assert stats["good"].facility == pytest.approx(3 / 7)
    assert stats["bad"].facility == pytest.approx(4 / 7)
    assert stats["part"].facility == pytest.approx(2.75 / 4)  # 1.5+0.25+1 over 4 answers
    assert stats["part"].attempts == 4 and stats["part"].students == 3


def test_discrimination_upper_minus_lower_27_percent() -> None:
    stats = item_statistics(RESPONSES)
    # 7 students: k = round(27% of 7 = 1.89) = 2; upper {u1, u2}, lower {u6, u7}
    assert stats["good"].discrimination == pytest.approx(1.0)  # (1+1)/2 - (0+0)/2
    assert stats["bad"].discrimination == pytest.approx(-1.0)  # (0+0)/2 - (1+1)/2
    # anchor per-student means: u1 1, u2 .875; u6 .25, u7 0 -> .9375 - .125
    assert stats["anchor"].discrimination == pytest.approx(0.8125)
    assert stats["part"].discrimination is None  # three students are too few
    assert stats["bad"].suspicious and not stats["good"].suspicious


def test_discrimination_with_four_students_uses_one_each() -> None:
    overall = {1: 0.9, 2: 0.7, 3: 0.5, 4: 0.2}
    item = {1: 0.5, 2: 1.0, 3: 0.0, 4: 1.0}
    assert discrimination_index(item, overall) == pytest.approx(0.5 - 1.0)


def test_discrimination_ties_rank_lower_user_id_higher() -> None:
    overall = {1: 0.5, 2: 0.5, 3: 0.5, 4: 0.5}
    assert discrimination_index({1: 1.0, 2: 0.0, 3: 0.0, 4: 0.0}, overall) == 1.0
    assert discrimination_index({1: 0.0, 2: 0.0, 3: 0.0, 4: 1.0}, overall) == -1.0


@pytest.mark.parametrize(
    ("students", "k"),
    [(1, 1), (2, 1), (4, 1), (5, 1), (6, 2), (7, 2), (10, 3), (50, 14), (100, 27)],
)
def test_group_size_is_27_percent_rounded_half_up(students: int, k: int) -> None:
    assert group_size(students) == k


def test_most_missed_and_suspicious_orders() -> None:
    stats = item_statistics(RESPONSES)
    ids = ["anchor", "good", "bad", "part", "never-answered"]
    assert order_questions(ids, stats, "bank") == ids
    # facility: good 3/7 < anchor 16/28 = bad 4/7 (tie: more answers first) < part 11/16
    assert order_questions(ids, stats, "most-missed") == [
        "good",
        "anchor",
        "bad",
        "part",
        "never-answered",
    ]
    assert order_questions(ids, stats, "suspicious") == [
        "bad",
        "anchor",
        "good",
        "part",
        "never-answered",
    ]
    with pytest.raises(ValueError, match="unknown order"):
        order_questions(ids, stats, "random")


def test_common_wrong_answers_most_frequent_first() -> None:
    rows = [("q", "meta", 3), ("q", "openai", 5), ("q", "", 1), ("q", "apple", 3), ("r", "x", 1)]
    assert common_wrong_answers(rows, limit=3) == {
        "q": [("openai", 5), ("apple", 3), ("meta", 3)],
        "r": [("x", 1)],
    }

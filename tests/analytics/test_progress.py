"""Mastery per topic (new / learning / young / mastered) and predicted retention from FSRS cards."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from quizapp.analytics import (
    Stage,
    TopicMastery,
    card_stage,
    is_mastered,
    predicted_retention,
    topic_mastery,
)
from quizapp.scheduling import Calibration, CardState, Rating, State, new_card, rate

T0 = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
DAY_START = datetime(2026, 3, 1, 0, 0, tzinfo=UTC)


def review(stability: float, days_ago: float) -> CardState:
    """A card in review with `stability` days, last rated `days_ago` before T0."""
    last = T0 - timedelta(days=days_ago)
    return CardState(State.Review, None, stability, 5.0, last + timedelta(days=stability), last)


def test_one_good_sitting_is_not_mastery() -> None:
    # FSRS-6 starts Good at 2.3065 days and Easy at 8.2956 days: young, not mastered.
    good = rate(new_card(T0), Rating.Good, T0).new_state
    easy = rate(new_card(T0), Rating.Easy, T0).new_state
    assert good.stability == pytest.approx(2.3065)
    assert easy.stability == pytest.approx(8.2956)
    assert card_stage(good) is card_stage(easy) is Stage.YOUNG
    assert not is_mastered(good) and not is_mastered(easy)


@pytest.mark.parametrize(
    ("state", "stage"),
    [
        (new_card(T0), Stage.NEW),
        (rate(new_card(T0), Rating.Again, T0).new_state, Stage.LEARNING),
        (review(20.99, 1), Stage.YOUNG),
        (review(21.0, 1), Stage.MASTERED),
        (review(21.0, 300), Stage.MASTERED),  # stability is evidence, fading or not
        (CardState(State.Relearning, 0, 30.0, 5.0, T0, T0), Stage.LEARNING),
    ],
)
def test_card_stage(state: CardState, stage: Stage) -> None:
    assert card_stage(state) is stage
    assert is_mastered(state) is (stage is Stage.MASTERED)


def test_topic_mastery_counts_each_stage() -> None:
    topics = [("people", "People", 6), ("timeline", "Timeline", 2)]
    cards = [
        ("people", review(30, 5)),  # mastered
        ("people", review(3, 1)),  # young
        ("people", rate(new_card(T0), Rating.Again, T0).new_state),  # learning
        ("people", new_card(T0)),  # a card never rated: new
    ]
    result = topic_mastery(topics, cards, suspended=["people"])
    assert result == [
        TopicMastery("people", "People", 1, 6, new=2, learning=1, young=1, suspended=1),
        TopicMastery("timeline", "Timeline", 0, 2, new=2),
    ]
    assert result[0].share == pytest.approx(1 / 6) and result[1].share == 0.0


def test_the_text_bar_adds_up_to_its_width() -> None:
    even = TopicMastery("t", "T", 1, 4, new=1, learning=1, young=1)
    assert even.bar() == "█████▓▓▓▓▓▒▒▒▒▒░░░░░"
    thirds = TopicMastery("t", "T", 1, 3, new=2)  # 6.67 + 13.33: the larger remainder rounds up
    assert thirds.bar() == "█" * 7 + "░" * 13
    assert TopicMastery("t", "T", 0, 0).bar() == ""


def test_retention_counts_only_cards_rated_before_today() -> None:
    # At t = S, FSRS retrievability is exactly 0.9 (the definition of stability).
    yesterday = review(1.0, 1)
    week = review(7.0, 7)
    today = rate(new_card(T0), Rating.Good, T0 - timedelta(hours=1)).new_state  # R ~ 1.0
    states = [("t", s) for s in (yesterday, week, today, new_card(T0))]
    assert predicted_retention(states, T0, before=DAY_START) == (pytest.approx(0.9), 2)
    assert predicted_retention([("t", today)], T0, before=DAY_START).value is None
    assert predicted_retention([("t", today)], T0, before=DAY_START).cards == 0
    # Without a cut-off every card in review counts (the old, flattering figure).
    assert predicted_retention(states, T0).cards == 3


def test_retention_leaves_out_cards_in_learning() -> None:
    missed = rate(review(7.0, 7), Rating.Again, T0 - timedelta(days=2)).new_state
    assert missed.state == State.Relearning
    assert predicted_retention([("t", missed)], T0, before=DAY_START).value is None


def test_a_student_who_forgets_faster_sees_less_retention_and_mastery() -> None:
    faster = Calibration(shift=-1.5, slope=1.0, reviews=300)
    card = review(30.0, 30)  # FSRS: 0.9 now, stability 30 days
    assert is_mastered(card) and not is_mastered(card, faster)
    assert card_stage(card, faster) is Stage.YOUNG
    plain = predicted_retention([("t", card)], T0, before=DAY_START)
    shown = predicted_retention([("t", card)], T0, before=DAY_START, calibration=faster)
    assert plain.value == pytest.approx(0.9, abs=0.01)
    assert shown.value == pytest.approx(faster.recall(plain.value)) and shown.value < 0.7
    mastery = topic_mastery([("t", "T", 1)], [("t", card)], calibration=faster)
    assert (mastery[0].mastered, mastery[0].young) == (0, 1)


def test_mastery_holds_on_fsrs_the_students_curve_and_the_topics_alike() -> None:
    card = review(30.0, 30)  # FSRS: stability 30 days, mastered as FSRS sees it
    dates_harder = Calibration(shift=0.0, slope=1.0, reviews=300, topics=(("dates", -1.5),))
    mastery = topic_mastery(
        [("people", "People", 1), ("dates", "Dates", 1)],
        [("people", card), ("dates", card)],
        calibration=dates_harder,
    )
    assert [(m.mastered, m.young) for m in mastery] == [(1, 0), (0, 1)]
    assert is_mastered(card, dates_harder, "people")
    assert not is_mastered(card, dates_harder, "dates")
    young = review(10.0, 10)  # FSRS: 10 days; a student shown to remember longer gains nothing
    slower = Calibration(shift=2.0, slope=1.0, reviews=300)
    assert slower.stability(10.0) >= 21 and not is_mastered(young, slower)
    shown = predicted_retention([("dates", card), ("people", card)], T0, calibration=dates_harder)
    dates = dates_harder.for_topic("dates").recall(0.9)
    assert shown.value == pytest.approx((dates + 0.9) / 2, abs=0.01)

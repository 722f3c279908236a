"""Exam-date mode's pure rules: capped dues, spread load, new cards in time, the workload."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, date, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from quizapp.scheduling import (
    FINAL_DAYS,
    CardState,
    Exam,
    Rating,
    State,
    cap_for_exams,
    exam_new_limit,
    local_midnight,
    local_today,
    new_card,
    new_first,
    rate,
    unseen_per_exam,
    workload,
)
from quizapp.scheduling.exam import exam_due, final_day_slot

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)  # Monday
EXAM = Exam(date(2026, 3, 20), "Europe/Paris", frozenset({"people", "amounts"}), "Midterm")


def no_load(_exam: Exam) -> dict[date, int]:
    return {}


def review_card(stability: float, at: datetime) -> CardState:
    """A card in review last rated at ``at`` with ``stability`` days."""
    return CardState(int(State.Review), None, stability, 5.0, at + timedelta(days=1), at, 0, 3)


def test_the_exam_day_and_its_final_days_are_in_the_class_zone() -> None:
    assert EXAM.starts == datetime(2026, 3, 19, 23, 0, tzinfo=UTC)  # midnight in Paris
    assert EXAM.first_final_day == date(2026, 3, 15)
    assert EXAM.final_starts == local_midnight(date(2026, 3, 15), "Europe/Paris")
    assert EXAM.days_left(NOW) == 18
    assert EXAM.is_ahead(EXAM.starts - timedelta(seconds=1))
    assert not EXAM.is_ahead(EXAM.starts)


def test_a_long_interval_is_capped_into_the_final_days() -> None:
    card = review_card(60.0, NOW - timedelta(days=30))
    outcome = rate(card, Rating.Good, NOW)
    assert outcome.new_state.due > EXAM.starts  # FSRS alone would cross the exam
    capped = cap_for_exams(outcome, "people", [EXAM], no_load)
    assert EXAM.final_starts <= capped.new_state.due < EXAM.starts
    assert capped.new_state.stability == outcome.new_state.stability  # only the due moves
    assert local_today(capped.new_state.due, EXAM.zone) == EXAM.day - timedelta(days=1)


def test_other_topics_and_short_intervals_are_left_alone() -> None:
    outcome = rate(review_card(60.0, NOW - timedelta(days=30)), Rating.Good, NOW)
    assert cap_for_exams(outcome, "regulators", [EXAM], no_load) is outcome
    short = rate(new_card(NOW), Rating.Again, NOW)  # a 10-minute step
    assert cap_for_exams(short, "people", [EXAM], no_load) is short


def test_a_card_rated_in_the_final_days_keeps_its_due() -> None:
    during = EXAM.final_starts + timedelta(hours=10)
    outcome = rate(review_card(60.0, during - timedelta(days=30)), Rating.Good, during)
    assert cap_for_exams(outcome, "people", [EXAM], no_load) is outcome


def test_after_the_exam_the_mode_ends() -> None:
    after = EXAM.starts + timedelta(hours=1)
    outcome = rate(review_card(60.0, after - timedelta(days=30)), Rating.Good, after)
    assert cap_for_exams(outcome, "people", [EXAM], no_load) is outcome


def test_the_least_loaded_final_day_is_picked_latest_first() -> None:
    last = EXAM.day - timedelta(days=1)
    assert local_today(final_day_slot(EXAM, NOW, {}), EXAM.zone) == last
    load = {last: 3, last - timedelta(days=1): 3, last - timedelta(days=2): 1}
    picked = local_today(final_day_slot(EXAM, NOW, load), EXAM.zone)
    assert picked == last - timedelta(days=3)  # two days have no card yet: the later of them


def test_inside_the_final_days_only_days_from_today_on_are_open() -> None:
    today = EXAM.day - timedelta(days=2)
    now = local_midnight(today, EXAM.zone) + timedelta(hours=8)
    load = {today: 0, today + timedelta(days=1): 9}
    slot = final_day_slot(EXAM, now, load)
    assert local_today(slot, EXAM.zone) == today


@settings(database=None, deadline=None, max_examples=200)
@given(
    offset_hours=st.integers(min_value=0, max_value=24 * 40),
    stability=st.floats(min_value=0.5, max_value=400.0),
    rating=st.sampled_from([Rating.Hard, Rating.Good, Rating.Easy]),
    load=st.dictionaries(
        st.integers(min_value=1, max_value=FINAL_DAYS), st.integers(0, 50), max_size=FINAL_DAYS
    ),
)
def test_no_interval_crosses_the_exam_unreviewed(
    offset_hours: int, stability: float, rating: Rating, load: dict[int, int]
) -> None:
    """Rated before the final days, a card is due before the exam, never before the rating."""
    now = NOW + timedelta(hours=offset_hours)
    outcome = rate(review_card(stability, now - timedelta(days=stability)), rating, now)
    by_day = {EXAM.day - timedelta(days=k): n for k, n in load.items()}
    capped = cap_for_exams(outcome, "amounts", [EXAM], lambda _e: by_day)
    due = capped.new_state.due
    assert due <= outcome.new_state.due
    assert due >= min(now, outcome.new_state.due)
    if EXAM.is_ahead(now) and now < EXAM.final_starts:
        assert due < EXAM.starts
        if due != outcome.new_state.due:
            assert due >= EXAM.final_starts


@settings(database=None, deadline=None, max_examples=100)
@given(
    cards=st.integers(min_value=1, max_value=300),
    start=st.dictionaries(
        st.integers(min_value=1, max_value=FINAL_DAYS), st.integers(0, 20), max_size=FINAL_DAYS
    ),
)
def test_capped_cards_spread_over_the_final_days(cards: int, start: dict[int, int]) -> None:
    """Capping cards one after another keeps the final days within one card of each other,
    once the capped cards have filled the gaps the days started with."""
    load = Counter({EXAM.day - timedelta(days=k): n for k, n in start.items()})
    days = [EXAM.day - timedelta(days=k) for k in range(1, FINAL_DAYS + 1)]
    gaps = sum(max(load.values(), default=0) - load[day] for day in days)
    for _ in range(cards):
        slot = exam_due(EXAM.starts + timedelta(days=30), NOW, EXAM, load)
        load[local_today(slot, EXAM.zone)] += 1
    counts = [load[day] for day in days]
    assert set(load) <= set(days)
    if cards >= gaps:
        assert max(counts) - min(counts) <= 1
    else:  # still filling: no day got a card while a less loaded one was open
        assert max(counts) == max(start.values(), default=0)


def test_the_nearest_exam_caps_first_and_each_exam_holds() -> None:
    later = Exam(EXAM.day + timedelta(days=20), "UTC", frozenset({"people"}), "Final")
    outcome = rate(review_card(200.0, NOW - timedelta(days=100)), Rating.Good, NOW)
    capped = cap_for_exams(outcome, "people", [later, EXAM], no_load)
    assert capped.new_state.due < EXAM.starts


def test_new_exam_questions_come_first_nearest_exam_first() -> None:
    later = Exam(EXAM.day + timedelta(days=20), "UTC", frozenset({"dates"}), "Final")
    topic = {"a": "regulators", "b": "dates", "c": "people", "d": "regulators", "e": "amounts"}
    assert new_first(list(topic), topic.get, [later, EXAM]) == ["c", "e", "b", "a", "d"]


def test_new_card_limit_spreads_introductions_before_the_final_days() -> None:
    # 18 days to the exam: 13 days before the final days; 130 unseen -> 10 a day
    assert exam_new_limit(5, [(EXAM, 130)], 0, NOW) == 10
    assert exam_new_limit(20, [(EXAM, 130)], 0, NOW) == 20  # never lowered
    # later in the day, 4 introduced: the share stays 10 (they were unseen this morning)
    assert exam_new_limit(5, [(EXAM, 126)], 4, NOW) == 10
    in_final = EXAM.final_starts + timedelta(hours=12)  # 5 days left: all before the exam
    assert exam_new_limit(0, [(EXAM, 40)], 0, in_final) == 8
    assert exam_new_limit(7, [(EXAM, 0)], 0, NOW) == 7


def test_unseen_questions_count_for_their_nearest_exam() -> None:
    later = Exam(EXAM.day + timedelta(days=13), "UTC", frozenset({"people", "dates"}), "Final")
    topic = {"a": "people", "b": "dates", "c": "regulators", "d": "amounts"}
    assert unseen_per_exam(list(topic), topic.get, [later, EXAM]) == [(EXAM, 2), (later, 1)]


def test_nearer_exams_add_their_unseen_to_the_later_ones() -> None:
    later = Exam(EXAM.day + timedelta(days=13), "Europe/Paris", frozenset({"dates"}), "Final")
    # EXAM: 13 intro days; later: 26 intro days. 26/13 = 2, (26 + 52)/26 = 3
    assert exam_new_limit(0, [(EXAM, 26), (later, 52)], 0, NOW) == 3


def test_workload_counts_introductions_and_final_reviews() -> None:
    fresh = None
    due_soon = review_card(3.0, NOW - timedelta(days=2))  # due before the final days: 2 answers
    far = CardState(int(State.Review), None, 90.0, 5.0, NOW + timedelta(days=60), NOW, 0, 4)
    plan = workload(EXAM, [fresh, new_card(NOW), due_soon, far], NOW)
    assert (plan.cards, plan.answers, plan.days) == (4, 2 + 2 + 2 + 1, 18)
    assert plan.minutes_per_day(20.0) == 1
    assert workload(EXAM, [], NOW).minutes_per_day(20.0) == 0


def test_workload_in_the_final_days() -> None:
    now = EXAM.final_starts + timedelta(hours=30)
    done = review_card(10.0, now - timedelta(hours=5))  # reviewed in the final days
    done = CardState(done.state, None, 10.0, 5.0, now + timedelta(days=10), done.last_review)
    plan = workload(EXAM, [None, done, review_card(3.0, NOW)], now)
    assert plan.answers == 1 + 0 + 1
    assert plan.days == 4

"""The pure scheduling core, with a frozen clock: every `now` is an explicit datetime."""

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import fsrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quizapp.scheduling import (
    LEECH_LAPSES,
    CardKind,
    CardState,
    DailyLimits,
    Rating,
    SchedulerSettings,
    State,
    day_bounds,
    ensure_utc,
    format_interval,
    is_leech,
    is_valid_timezone,
    new_card,
    next_due_at,
    pick_next,
    preview,
    queue_counts,
    rate,
    retrievability,
    timezone_names,
)

T0 = datetime(2024, 3, 5, 12, 0, tzinfo=UTC)
TEN_MINUTES = timedelta(minutes=10)


def graduated(now: datetime = T0) -> CardState:
    """A card answered right on first sight: in Review, due in 2 days."""
    return rate(new_card(now), Rating.Good, now).new_state


def strip_tz(state: CardState) -> CardState:
    """What a row looks like read back from SQLite: the same values, naive datetimes."""
    naive = object.__new__(CardState)
    for name, value in vars(state).items():
        if isinstance(value, datetime):
            value = value.replace(tzinfo=None)
        object.__setattr__(naive, name, value)
    return naive


def fsrs_scheduler(desired_retention: float = 0.9) -> fsrs.Scheduler:
    return fsrs.Scheduler(
        desired_retention=desired_retention,
        learning_steps=(TEN_MINUTES,),
        relearning_steps=(TEN_MINUTES,),
        enable_fuzzing=False,
    )


# Time and card state


def test_ensure_utc_takes_naive_as_utc_and_converts_other_zones():
    assert ensure_utc(datetime(2024, 3, 5, 12)) == T0
    assert ensure_utc(datetime(2024, 3, 5, 12)).tzinfo is UTC
    paris = datetime(2024, 3, 5, 13, tzinfo=ZoneInfo("Europe/Paris"))
    assert ensure_utc(paris) == T0 and ensure_utc(paris).tzinfo is UTC
    assert ensure_utc(T0.replace(tzinfo=ZoneInfo("UTC"))).tzinfo is UTC


def test_new_card_is_new_learning_and_due_now():
    card = new_card(T0)
    assert (card.state, card.step, card.due, card.reps, card.lapses) == (
        State.Learning,
        0,
        T0,
        0,
        0,
    )
    assert card.is_new and card.kind is CardKind.NEW


def test_card_state_round_trips_through_fsrs_card():
    for state in (new_card(T0), graduated()):
        back = CardState.from_fsrs(state.to_fsrs(), lapses=state.lapses, reps=state.reps)
        assert back == state


def test_a_card_read_back_from_sqlite_schedules_like_the_aware_one():
    card = graduated()
    naive = strip_tz(card)
    assert naive.due.tzinfo is None
    later = datetime(2024, 3, 7, 12)  # naive too, as SQLite returns it
    assert CardState(**vars(naive)) == card
    assert rate(CardState(**vars(naive)), Rating.Good, later) == rate(card, Rating.Good, later)


# Ratings and settings


@pytest.mark.parametrize("retention", [0.80, 0.9, 0.97])
def test_settings_accept_retention_in_range(retention):
    assert SchedulerSettings(desired_retention=retention).desired_retention == retention


@pytest.mark.parametrize("retention", [0.79, 0.98, 1.0, float("nan")])
def test_settings_reject_retention_out_of_range(retention):
    with pytest.raises(ValueError, match="desired retention"):
        SchedulerSettings(desired_retention=retention)


def test_settings_reject_empty_or_negative_steps():
    with pytest.raises(ValueError, match="steps"):
        SchedulerSettings(relearning_steps=(timedelta(0),))


# Reviewing


def test_a_miss_on_a_new_card_is_due_in_ten_minutes_and_comes_back_in_the_sitting():
    outcome = rate(new_card(T0), Rating.Again, T0)
    assert outcome.new_state.due == T0 + TEN_MINUTES
    assert outcome.kind is CardKind.NEW and not outcome.lapsed
    due_cards = [(7, outcome.new_state.due, outcome.new_state.state)]

    almost = T0 + TEN_MINUTES - timedelta(seconds=1)
    assert pick_next(due_cards, [8, 9], almost, 0, 1) == 8  # meanwhile, a new card
    assert pick_next(due_cards, [], almost, 0, 1) == 7  # nothing else: learning ahead
    assert pick_next(due_cards, [], almost, 0, 1, learn_ahead=timedelta(0)) is None
    assert next_due_at(due_cards, almost, 0) == T0 + TEN_MINUTES
    assert pick_next(due_cards, [8, 9], T0 + TEN_MINUTES, 0, 1) == 7


def test_a_miss_on_a_review_card_is_a_lapse_due_in_ten_minutes():
    card = graduated()
    outcome = rate(card, Rating.Again, card.due)
    assert outcome.kind is CardKind.REVIEW
    assert outcome.lapsed and outcome.new_state.lapses == 1
    assert outcome.new_state.state == State.Relearning
    assert outcome.new_state.due == card.due + TEN_MINUTES
    due_cards = [(3, outcome.new_state.due, outcome.new_state.state)]
    no_ahead = {"learn_ahead": timedelta(0)}
    assert pick_next(due_cards, [], card.due + timedelta(minutes=5), 1, 0, **no_ahead) is None
    assert pick_next(due_cards, [], card.due + timedelta(minutes=11), 1, 0) == 3


@pytest.mark.parametrize("retention", [0.85, 0.9, 0.95])
def test_due_dates_match_a_direct_py_fsrs_call(retention):
    options = SchedulerSettings(desired_retention=retention)
    ratings = [Rating.Good] * 6 + [Rating.Again, Rating.Good, Rating.Hard, Rating.Easy]
    ours, theirs = new_card(T0), fsrs.Card(card_id=1, due=T0)
    scheduler = fsrs_scheduler(retention)
    now = T0
    for number, rating in enumerate(ratings):
        ours = rate(ours, rating, now, options).new_state
        theirs, _ = scheduler.review_card(theirs, rating, review_datetime=now)
        assert ours.due == theirs.due
        assert (ours.state, ours.step) == (theirs.state, theirs.step)
        assert (ours.stability, ours.difficulty) == (theirs.stability, theirs.difficulty)
        now = ours.due + timedelta(hours=number)  # on time, then a little late


def test_reps_count_every_rating_and_again_in_relearning_is_no_new_lapse():
    card = graduated()
    missed = rate(card, Rating.Again, card.due).new_state
    again = rate(missed, Rating.Again, missed.due)
    assert not again.lapsed and again.kind is CardKind.LEARNING
    assert (again.new_state.lapses, again.new_state.reps) == (1, 3)


def test_a_card_becomes_a_leech_at_its_eighth_lapse_exactly():
    card, flags = graduated(), []
    for _ in range(LEECH_LAPSES + 1):
        outcome = rate(card, Rating.Again, card.due)
        flags.append(outcome.became_leech)
        card = rate(outcome.new_state, Rating.Good, outcome.new_state.due).new_state
    assert flags == [False] * (LEECH_LAPSES - 1) + [True, False]
    assert card.lapses == LEECH_LAPSES + 1 and is_leech(card)


def test_undo_restores_the_previous_state_exactly():
    card = graduated()
    outcome = rate(card, Rating.Again, card.due)
    assert outcome.previous_state == card
    stored = CardState(**vars(strip_tz(outcome.previous_state)))
    assert stored == card
    assert rate(stored, Rating.Again, card.due) == outcome


# Preview, intervals, retrievability


def test_preview_of_a_new_card():
    intervals = preview(new_card(T0), T0)
    assert list(intervals) == [Rating.Again, Rating.Hard, Rating.Good, Rating.Easy]
    labels = {rating: format_interval(interval) for rating, interval in intervals.items()}
    assert labels == {Rating.Again: "10m", Rating.Hard: "15m", Rating.Good: "2d", Rating.Easy: "8d"}


def test_preview_gives_the_interval_each_rating_applies():
    card = graduated()
    now = card.due + timedelta(days=1)
    for rating, interval in preview(card, now).items():
        assert rate(card, rating, now).new_state.due == now + interval
    assert preview(card, now)[Rating.Again] == TEN_MINUTES


@pytest.mark.parametrize(
    ("interval", "label"),
    [
        (timedelta(seconds=30), "<1m"),
        (timedelta(minutes=1), "1m"),
        (timedelta(minutes=10), "10m"),
        (timedelta(minutes=59, seconds=40), "1h"),
        (timedelta(hours=1), "1h"),
        (timedelta(hours=23, minutes=50), "1d"),
        (timedelta(days=2), "2d"),
        (timedelta(days=29), "29d"),
        (timedelta(days=90), "3mo"),
        (timedelta(days=355), "1y"),
        (timedelta(days=365), "1y"),
        (timedelta(days=548), "1.5y"),
        (timedelta(days=3650), "10y"),
    ],
)
def test_format_interval(interval, label):
    assert format_interval(interval) == label


def test_retrievability():
    assert retrievability(new_card(T0), T0) == 0
    card = graduated()
    assert retrievability(card, T0) == pytest.approx(1.0)
    at_due = retrievability(card, card.due)
    assert at_due == pytest.approx(0.9, abs=0.02)
    assert retrievability(card, card.due + timedelta(days=30)) < at_due


# Days, counts and limits


def test_day_bounds_in_two_timezones():
    now = datetime(2024, 3, 5, 23, 30, tzinfo=UTC)  # 00:30 on the 6th in Paris, 18:30 in New York
    assert day_bounds(now, "Europe/Paris") == (
        datetime(2024, 3, 5, 23, tzinfo=UTC),
        datetime(2024, 3, 6, 23, tzinfo=UTC),
    )
    assert day_bounds(now, "America/New_York") == (
        datetime(2024, 3, 5, 5, tzinfo=UTC),
        datetime(2024, 3, 6, 5, tzinfo=UTC),
    )


def test_a_daylight_saving_day_is_23_hours_long():
    start, end = day_bounds(datetime(2024, 3, 31, 12), "Europe/Paris")
    assert end - start == timedelta(hours=23)


@pytest.mark.parametrize(
    ("name", "valid"),
    [
        ("Europe/Paris", True),
        ("UTC", True),
        ("Europe", False),
        ("Mars/Olympus", False),
        ("", False),
    ],
)
def test_is_valid_timezone(name, valid):
    assert is_valid_timezone(name) is valid
    assert (name in timezone_names()) is valid


def test_counts_at_the_day_boundary_in_two_timezones():
    limits = DailyLimits(new_per_day=3, reviews_per_day=200)
    new_ratings = [datetime(2024, 3, 5, 22, 40 + minute, tzinfo=UTC) for minute in range(3)]
    now = datetime(2024, 3, 5, 23, 30, tzinfo=UTC)
    due_cards = [(1, datetime(2024, 3, 5, 23, 15), State.Review)]
    new_cards = [10, 11, 12, 13]

    def new_done_today(tz_name):
        start, end = day_bounds(now, tz_name)
        return sum(start <= at < end for at in new_ratings)

    # In Paris those ratings were yesterday; in New York, today.
    assert new_done_today("Europe/Paris") == 0
    assert new_done_today("America/New_York") == 3
    paris = queue_counts(due_cards, new_cards, now, 0, new_done_today("Europe/Paris"), limits)
    new_york = queue_counts(
        due_cards, new_cards, now, 0, new_done_today("America/New_York"), limits
    )
    assert paris == {"due": 1, "learning": 0, "new": 3}
    assert new_york == {"due": 1, "learning": 0, "new": 0}
    assert pick_next([], new_cards, now, 0, new_done_today("Europe/Paris"), limits) == 10
    assert pick_next([], new_cards, now, 0, new_done_today("America/New_York"), limits) is None


def test_due_cards_come_oldest_first_then_new_cards():
    due_cards = [
        (1, T0 - timedelta(days=1), State.Review),
        (2, T0 - timedelta(days=3), State.Review),
        (3, T0 - timedelta(hours=1), State.Relearning),
        (4, T0 + timedelta(hours=1), State.Review),
    ]
    order, done = [], set()
    while (card_id := pick_next([c for c in due_cards if c[0] not in done], [9], T0, 0, 0)) != 9:
        order.append(card_id)
        done.add(card_id)
    assert order == [2, 1, 3]


def test_review_limit_holds_back_review_cards_but_not_learning_ones():
    limits = DailyLimits(new_per_day=5, reviews_per_day=2)
    due_cards = [
        (1, T0 - timedelta(days=2), State.Review),
        (2, T0 - timedelta(days=1), State.Review),
        (3, T0 - timedelta(minutes=1), State.Relearning),
    ]
    assert pick_next(due_cards, [9], T0, 1, 0, limits) == 1
    assert pick_next(due_cards, [9], T0, 2, 0, limits) == 3
    assert pick_next(due_cards[:2], [9], T0, 2, 0, limits) == 9
    assert pick_next(due_cards[:2], [9], T0, 2, 5, limits) is None
    assert queue_counts(due_cards, [9], T0, 1, 0, limits) == {"due": 1, "learning": 1, "new": 1}
    assert queue_counts(due_cards, [9], T0, 2, 5, limits) == {"due": 0, "learning": 1, "new": 0}


def test_learning_count_includes_misses_not_due_yet():
    due_cards = [(1, T0 + TEN_MINUTES, State.Relearning), (2, T0 + TEN_MINUTES, State.Learning)]
    assert queue_counts(due_cards, [], T0, 0, 0) == {"due": 0, "learning": 2, "new": 0}
    assert pick_next(due_cards, [], T0, 0, 0, learn_ahead=timedelta(0)) is None
    assert pick_next(due_cards, [], T0, 0, 0) == 1  # learning ahead: due within 20 minutes
    assert pick_next(due_cards, [], T0 - timedelta(minutes=11), 0, 0) is None  # 21 minutes


def test_limits_cannot_be_negative():
    with pytest.raises(ValueError, match="negative"):
        DailyLimits(new_per_day=-1)


# Properties

ratings = st.sampled_from(list(Rating))
gaps = st.timedeltas(min_value=timedelta(0), max_value=timedelta(days=400))


@settings(database=None, deadline=None, max_examples=150)
@given(
    steps=st.lists(st.tuples(ratings, gaps), max_size=30),
    retention=st.floats(min_value=0.80, max_value=0.97),
)
def test_any_sequence_of_ratings_schedules_in_the_future(steps, retention):
    options = SchedulerSettings(desired_retention=retention)
    card, now, lapses = new_card(T0), T0, 0
    for reps, (rating, gap) in enumerate(steps, start=1):
        now += gap
        outcome = rate(card, rating, now, options)
        card = outcome.new_state
        lapses += outcome.lapsed
        assert card.due > now and card.last_review == now
        assert (card.reps, card.lapses) == (reps, lapses)
        assert 0.0 <= retrievability(card, now, options) <= 1.0
        assert all(interval > timedelta(0) for interval in preview(card, now, options).values())

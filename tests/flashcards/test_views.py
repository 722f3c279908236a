"""Flashcards through the test client: front, flip, the four ratings and their keys, undo."""

from __future__ import annotations

import re
from datetime import timedelta

import fsrs
import pytest

from quizapp.scheduling import LEECH_LAPSES, Rating, State, format_interval, new_card, preview
from tests.srs.conftest import START, card_fields, card_row, flashcard_attempts, logs
from tests.srs.test_views import make_card

FIRST = "mensch-former-lab"  # the first new card, in bank order


@pytest.fixture
def student_in(client, auth, student) -> int:
    """The logged-in student's id."""
    auth.login()
    return student


def reps(page: str) -> str:
    found = re.search(r'name="reps" type="hidden" value="(\d+)"', page)
    assert found, "no rating form on the page"
    return found[1]


def rate(client, question_id: str, rating: str | None) -> object:
    """Flip the card, then press a button (None: submit without one, as Space does)."""
    page = client.get(f"/flashcards/q/{question_id}?flipped=1").get_data(as_text=True)
    data = {"reps": reps(page)} | ({"rating": rating} if rating is not None else {})
    return client.post(f"/flashcards/q/{question_id}", data=data)


def test_front_then_flip_without_javascript(client, student_in) -> None:
    front = client.get("/flashcards/").get_data(as_text=True)
    assert "Arthur Mensch worked at which" in front and "data-keys" in front
    flip = re.search(r'<form method="get" action="([^"]+)" class="flip">(.*?)</form>', front, re.S)
    assert flip[1] == f"/flashcards/q/{FIRST}" and 'name="flipped" value="1"' in flip[2]
    assert re.search(r"<button [^>]*data-key-flip[^>]*>Show answer</button>", flip[2])
    assert 'name="rating"' not in front and "He came from Google DeepMind" not in front
    back = client.get(f"/flashcards/q/{FIRST}?flipped=1").get_data(as_text=True)
    assert "Google DeepMind" in back and "He came from Google DeepMind" in back
    assert "An alliance in AI" in back  # the source article


def test_buttons_print_the_next_interval(client, student_in) -> None:
    back = client.get(f"/flashcards/q/{FIRST}?flipped=1").get_data(as_text=True)
    labels = re.findall(
        r'value="(\d)" data-key-choice.*?</kbd> (\w+)\s*<small>([^<]+)</small>', back, re.S
    )
    expected = [
        (str(r.value), r.name, format_interval(i))
        for r, i in preview(new_card(START), START).items()
    ]
    assert labels == expected and labels[0][2] == "10m" and labels[2][2].endswith("d")
    good = re.search(r'<button[^>]*value="3"[^>]*>', back)[0]
    assert "data-key-space" in good and "data-key-submit" in good  # Space and Enter mean Good
    assert back.count("data-key-choice") == 4  # keys 1-4


@pytest.mark.parametrize(
    ("pressed", "rating", "state"),
    [
        ("1", Rating.Again, State.Learning),
        ("2", Rating.Hard, State.Learning),
        ("3", Rating.Good, State.Review),
        ("4", Rating.Easy, State.Review),
        (None, Rating.Good, State.Review),
    ],
)
def test_each_key_rates(app, client, student_in, pressed, rating, state) -> None:
    resp = rate(client, FIRST, pressed)
    assert resp.status_code == 302 and resp.location == "/flashcards/"
    (log,) = logs(app)
    assert log.rating == rating and log.kind == "new"
    assert card_row(app, student_in, FIRST).state == state
    (attempt,) = flashcard_attempts(app)
    assert attempt.id == log.attempt_id and attempt.quiz_id is None
    assert attempt.correct == (rating != Rating.Again) and attempt.normalised == rating.name


def test_bad_rating_is_refused(app, client, student_in) -> None:
    resp = client.post(f"/flashcards/q/{FIRST}", data={"rating": "5", "reps": "0"})
    assert resp.status_code == 400 and logs(app) == []
    assert client.post("/flashcards/q/no-such-question", data={"reps": "0"}).status_code == 404
    assert client.get("/flashcards/q/mensch-title").status_code == 404  # a draft


def test_a_resent_rating_counts_once(app, client, student_in) -> None:
    form = {"rating": "3", "reps": "0"}
    client.post(f"/flashcards/q/{FIRST}", data=form)
    again = client.post(f"/flashcards/q/{FIRST}", data=form, follow_redirects=True)
    assert "already rated" in again.get_data(as_text=True) and len(logs(app)) == 1


def test_good_path_through_the_web_matches_py_fsrs(app, client, student_in, clock) -> None:
    scheduler = fsrs.Scheduler(
        learning_steps=(timedelta(minutes=10),),
        relearning_steps=(timedelta(minutes=10),),
        enable_fuzzing=False,
    )
    expected = fsrs.Card()
    for _ in range(5):
        assert rate(client, FIRST, None).status_code == 302  # Space: Good
        expected, _ = scheduler.review_card(expected, fsrs.Rating.Good, clock.now)
        assert card_row(app, student_in, FIRST).due == expected.due
        clock.now = expected.due


def test_the_queue_moves_on_and_a_miss_returns(app, client, student_in, clock) -> None:
    rate(client, FIRST, "1")
    front = client.get("/flashcards/").get_data(as_text=True)
    assert "Which founders came from Meta?" in front  # the next new card
    clock.advance(minutes=10)
    assert "Arthur Mensch worked at which" in client.get("/flashcards/").get_data(as_text=True)


def test_all_done_for_now(app, client, student_in, clock) -> None:
    client.post(
        "/settings",
        data={
            "desired_retention": "0.9",
            "new_per_day": "1",
            "reviews_per_day": "200",
            "timezone": "UTC",
        },
    )
    rate(client, FIRST, "1")
    page = client.get("/flashcards/").get_data(as_text=True)
    assert "Arthur Mensch worked at which" in page  # due in 10 minutes: learning ahead asks it
    rate(client, FIRST, "3")
    page = client.get("/flashcards/").get_data(as_text=True)
    assert "All done" not in page and "Next card due tomorrow at 09:00." in page
    assert "Study 1 new question now" in page  # a batch the size of the daily limit
    assert client.post("/flashcards/new").location.endswith("/flashcards/")
    front = client.get("/flashcards/").get_data(as_text=True)
    assert "Which founders came from Meta?" in front  # the next unseen question, beyond the limit
    from tests.history.records import count_queries

    for url in ("/flashcards/", "/review"):  # counts and "next due" share one read of the cards
        with count_queries(app) as statements:
            assert client.get(url).status_code == 200
        assert sum("card.due < " in s for s in statements) == 1, url  # not due_heads' <=


def test_undo_restores_the_card_and_removes_the_rating(app, client, student_in, clock) -> None:
    rate(client, FIRST, "3")
    clock.now = card_row(app, student_in, FIRST).due
    before = card_fields(card_row(app, student_in, FIRST))
    rate(client, FIRST, "1")
    page = client.get("/flashcards/").get_data(as_text=True)
    assert "Undo last rating" in page
    resp = client.post("/flashcards/undo")
    assert resp.location == f"/flashcards/q/{FIRST}?flipped=1"
    assert "Undid your Again rating." in client.get(resp.location).get_data(as_text=True)
    assert card_fields(card_row(app, student_in, FIRST)) == before
    assert len(logs(app)) == len(flashcard_attempts(app)) == 1


def test_leech_note_and_suspend_on_the_card(app, client, student_in) -> None:
    card_id = make_card(app, student_in, "lample-model", lapses=LEECH_LAPSES)
    page = client.get("/flashcards/").get_data(as_text=True)
    assert "Guillaume Lample led which model" in page  # due, so before any new card
    back = client.get("/flashcards/q/lample-model?flipped=1").get_data(as_text=True)
    assert "This card is a leech" in back and f"/review/cards/{card_id}/suspend" in back
    resp = client.post(f"/review/cards/{card_id}/suspend", data={"next": "/flashcards/"})
    assert resp.location == "/flashcards/"
    assert "Guillaume Lample" not in client.get("/flashcards/").get_data(as_text=True)


def test_becoming_a_leech_is_announced(app, client, student_in) -> None:
    make_card(app, student_in, "lample-model", lapses=LEECH_LAPSES - 1)
    resp = rate(client, "lample-model", "1")
    page = client.get(resp.location).get_data(as_text=True)
    assert "just became a leech" in page
    assert card_row(app, student_in, "lample-model").leech


@pytest.mark.parametrize("url", ["/flashcards/", f"/flashcards/q/{FIRST}?flipped=1", "/review"])
def test_a_queue_page_reads_settings_and_todays_ratings_once(app, client, student_in, url) -> None:
    from tests.history.records import count_queries

    client.get(url)
    with count_queries(app) as statements:
        assert client.get(url).status_code == 200
    assert sum("FROM user_settings" in s for s in statements) == 1
    assert sum("GROUP BY rating_log.kind" in s for s in statements) == 1

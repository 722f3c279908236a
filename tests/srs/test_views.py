"""The review pages, the study page's counts and modes, leeches, suspend and unsuspend."""

from __future__ import annotations

import re
from datetime import timedelta

from quizapp.bank.webapp import current_bank
from quizapp.extensions import db
from quizapp.models import Card
from quizapp.scheduling import LEECH_LAPSES, CardState, Rating, State
from quizapp.srs import operations as ops
from quizapp.srs.rating import plan_rating
from tests.study.conftest import GUESSABLE, RIGHT, WRONG, quiz_row, start

from .conftest import START, card_row


def make_card(app, user_id: int, question_id: str, *, lapses: int = 0) -> int:
    """A card in Review, due a day ago, with ``lapses`` lapses; its id."""
    with app.app_context():
        current_bank()
        card = Card(user_id=user_id, question_id=question_id, created_at=START)
        due = START - timedelta(days=1)
        card.set_state(
            CardState(
                State.Review, None, 3.0, 6.0, due, due - timedelta(days=3), lapses, lapses * 2 + 1
            )
        )
        db.session.add(card)
        db.session.commit()
        return card.id


def test_review_pages_need_login(client) -> None:
    for url in ("/review", "/review/cards", "/flashcards/", "/settings"):
        assert "/auth/login" in client.get(url).location


def test_study_page_shows_counts_and_modes(app, client, auth, student) -> None:
    make_card(app, student, "mensch-former-lab")
    auth.login()
    page = client.get("/study").get_data(as_text=True)
    assert 'data-count="due">1<' in page and 'data-count="learning">0<' in page
    assert 'data-count="new">10<' in page
    assert 'value="review"' in page and "Review due" in page
    assert 'value="missed"' in page and "Missed questions" in page
    assert (
        page.index('value="topics"') < page.index('value="review"') < page.index('value="missed"')
    )


def test_review_due_sitting_oldest_first_then_new(app, client, auth, student) -> None:
    with app.app_context():
        ops.save_settings(student, 0.9, 2, 200, "UTC")
        db.session.commit()
    make_card(app, student, "lample-model")
    auth.login()
    page = client.get("/review").get_data(as_text=True)
    assert "Start reviewing" in page and 'data-count="new">2<' in page
    resp = client.post("/review")
    quiz = quiz_row(app, int(resp.location.rsplit("/", 1)[1]))
    assert quiz.mode == "review"
    assert quiz.question_ids == ["lample-model", "mensch-former-lab", "founders-from-meta"]
    assert "Review due · Question 1 of 3" in client.get(resp.location).get_data(as_text=True)


def test_review_with_nothing_due(app, client, auth, student, clock) -> None:
    with app.app_context():
        ops.save_settings(student, 0.9, 0, 200, "UTC")
        db.session.commit()
    auth.login()
    assert "Nothing is due now." in client.get("/review").get_data(as_text=True)
    resp = client.post("/review", follow_redirects=True)
    assert "Nothing is due now." in resp.get_data(as_text=True)


def test_review_page_says_when_the_next_card_is_due(app, client, auth, student, clock) -> None:
    with app.app_context():
        ops.save_settings(student, 0.9, 0, 200, "UTC")
        current_bank()
        rated = plan_rating(student, "lample-model", Rating.Again, START + timedelta(minutes=17))
        rated.write(db.session.connection(), None)  # due again at START + 27 minutes
        db.session.commit()
    auth.login()
    page = client.get("/review").get_data(as_text=True)
    assert "Next card due in 27 minutes." in page and "Start reviewing" not in page
    clock.advance(minutes=7)  # due in 20 minutes: learning ahead asks it now
    page = client.get("/review").get_data(as_text=True)
    assert "Start reviewing" in page and "Next card due" not in page


def test_nothing_due_says_tomorrow_and_offers_unseen_questions(
    app, client, auth, student, clock
) -> None:
    # The student: the day's new cards are used up and every card is due tomorrow.
    with app.app_context():
        ops.save_settings(student, 0.9, 0, 200, "Asia/Tokyo")  # 09:00 UTC is 18:00 in Tokyo
        current_bank()
        card = Card(user_id=student, question_id="lample-model", created_at=START)
        due = START + timedelta(hours=15, minutes=10)  # 00:10 UTC = 09:10 in Tokyo, tomorrow
        card.set_state(CardState(State.Review, None, 2.3, 5.0, due, START, 0, 1))
        db.session.add(card)
        db.session.commit()
    auth.login()
    page = client.get("/review").get_data(as_text=True)
    assert "Next card due tomorrow at 09:10." in page
    assert "Study 10 new questions now" in page  # limit 0: a batch of 10 of the 11 unseen
    resp = client.post("/review/new")
    quiz = quiz_row(app, int(resp.location.rsplit("/", 1)[1]))
    assert quiz.mode == "new" and len(quiz.question_ids) == 10
    assert "lample-model" not in quiz.question_ids
    assert "New questions · Question 1 of 10" in client.get(resp.location).get_data(as_text=True)


def test_review_held_back_by_the_daily_limit_is_due_at_midnight(
    app, client, auth, student, clock
) -> None:
    with app.app_context():
        ops.save_settings(student, 0.9, 0, 0, "UTC")  # no reviews today
        db.session.commit()
    make_card(app, student, "lample-model")
    auth.login()
    assert "Next card due tomorrow at 00:00." in client.get("/review").get_data(as_text=True)


def test_no_offer_once_every_question_is_studied(app, client, auth, student, clock) -> None:
    with app.app_context():
        ops.save_settings(student, 0.9, 0, 200, "UTC")
        ids = list(current_bank().questions)
    for question_id in ids:
        with app.app_context():
            card = Card(user_id=student, question_id=question_id, created_at=START)
            due = START + timedelta(days=3)
            card.set_state(CardState(State.Review, None, 3.0, 5.0, due, START, 0, 1))
            db.session.add(card)
            db.session.commit()
    auth.login()
    page = client.get("/review").get_data(as_text=True)
    assert "Next card due on Thu 5 Mar at 09:00." in page
    assert "new questions now" not in page and "You have studied every question." in page


def test_missed_questions_mode_takes_recent_misses(app, client, auth, student, clock) -> None:
    auth.login()
    old = start(client, ["timeline"], "all")
    old.answer(right=False)
    clock.advance(days=8)  # that miss is too old now
    driver = start(client, ["people"], "all")
    missed = []
    for right in (True, False, True, False, True):
        clock.advance(seconds=30)
        missed.append(driver.current()[1])
        driver.answer(right=right)
    resp = client.post(
        "/study", data={"mode": "missed", "topics": ["people", "timeline"], "length": "all"}
    )
    quiz = quiz_row(app, int(resp.location.rsplit("/", 1)[1]))
    assert quiz.mode == "missed" and quiz.question_ids == [missed[3], missed[1]]  # latest first
    resp = client.post("/study", data={"mode": "missed", "topics": ["timeline"], "length": "5"})
    assert resp.status_code == 200 and "no questions to ask" in resp.get_data(as_text=True)


def test_leech_note_on_the_quiz_feedback_and_suspend(app, client, auth, student, clock) -> None:
    card_id = make_card(app, student, "mistral-is-french", lapses=LEECH_LAPSES - 1)
    auth.login()
    driver = start(client, ["people"], "all")
    while driver.current()[1] != "mistral-is-french":
        driver.answer()
    resp = driver.answer(right=False)  # the 8th lapse
    feedback = client.get(resp.location).get_data(as_text=True)
    assert "This card is a leech" in feedback and f"/review/cards/{card_id}/suspend" in feedback
    assert card_row(app, student, "mistral-is-french").leech
    listed = client.get("/review/cards").get_data(as_text=True)
    assert "Suspend</button>" in listed and "leech" in listed
    resp = client.post(f"/review/cards/{card_id}/suspend", data={"next": resp.location})
    assert resp.location.startswith(f"/quiz/{driver.id}/answers/")  # back to the feedback
    assert card_row(app, student, "mistral-is-french").suspended
    assert "Unsuspend</button>" in client.get("/review/cards").get_data(as_text=True)
    client.post(f"/review/cards/{card_id}/unsuspend")
    assert not card_row(app, student, "mistral-is-french").suspended


def test_suspend_redirects_only_on_site(app, client, auth, student) -> None:
    card_id = make_card(app, student, "lample-model")
    auth.login()
    resp = client.post(f"/review/cards/{card_id}/suspend", data={"next": "https://evil.test/"})
    assert resp.location == "/review/cards"


def test_suspended_cards_leave_the_queue(app, client, auth, student) -> None:
    card_id = make_card(app, student, "lample-model")
    auth.login()
    client.post(f"/review/cards/{card_id}/suspend")
    page = client.get("/study").get_data(as_text=True)
    assert 'data-count="due">0<' in page and 'data-count="new">10<' in page


def test_other_students_cards_are_404(app, client, auth, student, make_user) -> None:
    other = make_user("student2")
    card_id = make_card(app, other, "lample-model")
    auth.login()
    for action in ("suspend", "unsuspend"):
        assert client.post(f"/review/cards/{card_id}/{action}").status_code == 404
    assert client.post("/review/cards/999/suspend").status_code == 404
    assert not card_row(app, other, "lample-model").suspended
    assert "lample-model" not in client.get("/review/cards").get_data(as_text=True)


def test_quiz_answers_feed_the_counts(app, client, auth, student, clock) -> None:
    auth.login()
    driver = start(client, ["people"], "all")
    driver.answer(data=WRONG[driver.current()[1]])
    second = driver.current()[1]
    driver.answer(data=RIGHT[second])
    page = client.get("/study").get_data(as_text=True)
    counts = dict(re.findall(r'data-count="(\w+)">(\d+)<', page))
    learning = str(1 + (second in GUESSABLE))  # a right guessable first answer stays in steps
    assert counts == {"due": "0", "learning": learning, "new": "9"}  # 20 a day, 2 used

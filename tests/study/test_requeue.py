"""A missed question comes back in the same quiz once its 10-minute step is due."""

from __future__ import annotations

from datetime import timedelta

from quizapp.bank.webapp import current_bank
from quizapp.extensions import db
from quizapp.models import Card
from quizapp.scheduling import CardState, State
from quizapp.study.requeue import MAX_ASKS, due_misses, requeue_due_misses, still_missed
from tests.srs.conftest import card_row, logs

from .conftest import START, quiz_row, start


def test_a_miss_is_due_in_ten_minutes_and_comes_back(app, client, auth, student, clock) -> None:
    auth.login()
    driver = start(client, ["people"], "5")
    first = driver.current()[1]
    driver.answer(right=False)
    missed = card_row(app, student, first)
    assert missed.state == State.Learning and missed.due == START + timedelta(minutes=10)
    for _ in range(4):  # 3 minutes per question: the last answer comes at minute 12
        clock.advance(minutes=3)
        driver.answer()
    quiz = quiz_row(app, driver.id)
    assert not quiz.finished and quiz.length == 6 and quiz.question_ids[5] == first
    assert driver.current() == (5, first)  # asked again, as the sixth question
    assert "Question 6 of 6" in driver.page()
    driver.answer()
    quiz = quiz_row(app, driver.id)
    assert quiz.finished and [a.question_id for a in quiz.attempts][-1] == first
    assert card_row(app, student, first).state == State.Review  # relearnt
    assert [log.rating for log in logs(app)][0::5] == [1, 3]  # Again, then Good on the re-ask


def test_a_due_miss_goes_before_the_rest(app, client, auth, student, clock) -> None:
    auth.login()
    driver = start(client, ["people"], "5")
    first = driver.current()[1]
    driver.answer(right=False)
    clock.advance(minutes=11)
    driver.answer()  # the second question; the miss is due now
    quiz = quiz_row(app, driver.id)
    assert quiz.question_ids[2] == first and quiz.length == 6
    assert driver.current() == (2, first)


def test_a_short_quiz_asks_its_miss_again_before_it_ends(app, client, auth, student, clock):
    auth.login()
    driver = start(client, ["people"], "5")
    first = driver.current()[1]
    driver.answer(right=False)
    for _ in range(4):  # the step (10 minutes) is not due when the quiz reaches its end
        clock.advance(minutes=1)
        driver.answer()
    quiz = quiz_row(app, driver.id)
    assert not quiz.finished and quiz.length == 6 and driver.current() == (5, first)
    for slot in range(6, 4 + MAX_ASKS):  # missed again: once more, up to MAX_ASKS in all
        driver.answer(right=False)
        assert driver.current() == (slot, first)
    driver.answer(right=False)
    quiz = quiz_row(app, driver.id)
    assert quiz.finished and quiz.question_ids.count(first) == MAX_ASKS
    clock.advance(minutes=11)  # its step is due: the review queue has it
    assert card_row(app, student, first).state != State.Review
    assert "Start reviewing" in client.get("/review").get_data(as_text=True)


def test_a_miss_answered_right_at_the_end_comes_back_the_next_day(app, client, auth, student):
    auth.login()
    driver = start(client, ["people"], "5")
    first = driver.current()[1]
    driver.answer(right=False)
    for _ in range(4):
        driver.answer()
    assert driver.current() == (5, first)
    driver.answer()  # right, after its answer was shown today: due by the next local day
    assert quiz_row(app, driver.id).finished
    assert card_row(app, student, first).due <= START.replace(hour=0) + timedelta(days=1)


def test_still_missed_takes_the_latest_answer_of_each_question() -> None:
    answers = [("a", False), ("b", True), ("c", False), ("a", True), ("d", False), ("c", False)]
    assert still_missed(answers) == ["d", "c"]
    assert still_missed([]) == []


def test_missing_it_again_brings_it_back_again(app, client, auth, student, clock) -> None:
    auth.login()
    driver = start(client, ["people"], "5")
    first = driver.current()[1]
    driver.answer(right=False)
    clock.advance(minutes=10)
    driver.answer()  # re-queues the miss next
    assert driver.current()[1] == first
    driver.answer(right=False)  # missed again: a further 10 minutes
    assert card_row(app, student, first).due == clock.now + timedelta(minutes=10)
    clock.advance(minutes=10)
    driver.answer()
    assert driver.current()[1] == first and quiz_row(app, driver.id).length == 7


def test_requeue_puts_only_earlier_due_misses_next(app, student) -> None:
    ids = ["mensch-former-lab", "lample-model", "mistral-is-french", "founders-count"]
    with app.app_context():
        current_bank()
        for question_id, minutes in [(ids[0], 5), (ids[1], 1), (ids[3], 1), ("deal-cloze", 1)]:
            card = Card(user_id=student, question_id=question_id, created_at=START)
            due = START - timedelta(minutes=minutes)
            card.set_state(CardState(State.Learning, 0, 1.0, 5.0, due, due, 0, 1))
            db.session.add(card)
        db.session.flush()
        # at slot 2: the misses asked before it come next, oldest due first; ids[3] is still
        # to come and deal-cloze is not in the quiz
        assert requeue_due_misses(student, ids, 2, START) == [*ids[:3], ids[0], ids[1], ids[3]]
        assert requeue_due_misses(student, ids, 2, START - timedelta(minutes=3)) == [
            *ids[:3], ids[0], ids[3]
        ]  # fmt: skip
        assert due_misses(student, ids, 0, START) == []  # nothing was asked before

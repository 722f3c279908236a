"""A new student's first sitting on the real bank, then "Retry" a minute later: what the app
says afterwards is the truth (docs/learning.md).

One quiz of 36 of the bank's questions with 7 misses and 6 partly right answers; every miss and
partly right answer is asked again in that quiz and is due again by the next day; the retry a
minute later graduates nothing; history then shows no mastery but learning and young cards;
flashcards, with nothing ready, offer the 43 questions never seen.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest
from sqlalchemy import select

from quizapp.bank.spec import Bank
from quizapp.bank.webapp import current_bank
from quizapp.extensions import db
from quizapp.models import Card, Quiz
from quizapp.scheduling import day_bounds, ensure_utc
from quizapp.study import operations as ops
from quizapp.study.forms import read_answer
from tests.support.answers import record_answer
from tests.support.forms import partly_form, right_form, wrong_form

from .conftest import FrozenClock

ROOT = Path(__file__).resolve().parents[2]
LENGTH, MISSES, PARTLY = 36, 7, 6


@pytest.fixture
def app_config(clock: FrozenClock) -> dict[str, object]:
    """The real bank (questions/) on the frozen clock."""
    return {"CLOCK": clock, "QUESTIONS_DIR": str(ROOT / "questions")}


def answer_quiz(quiz: Quiz, bank: Bank, clock: FrozenClock, first: dict) -> list[str]:
    """Answer ``quiz`` to its end, 20 s an answer: ``first[id]`` the first time (a form
    builder), right every other time; the questions in the order asked."""
    asked: list[str] = []
    rng = random.Random(15)
    while not quiz.finished:
        position = quiz.position
        spec = bank.questions[quiz.question_ids[position]]
        build = first.get(spec.id, right_form) if spec.id not in asked else right_form
        form = build(spec, rng) if build is wrong_form else build(spec)
        read = read_answer(form, spec, ops.question_display(quiz, position, spec))
        assert read.problem is None, (spec.id, read.problem)
        clock.advance(seconds=20)
        record_answer(quiz, spec, read.given, clock.now)
        db.session.commit()
        asked.append(spec.id)
    return asked


def test_one_sitting_with_misses_then_retry_tells_the_truth(
    app, client, auth, student, clock
) -> None:
    with app.app_context():
        bank = current_bank()
        size = len(bank)
        assert size > LENGTH
        quiz = ops.start_quiz(student, "topics", list(bank.topics), LENGTH, bank, clock.now, 15)
        db.session.commit()
        drawn = list(quiz.question_ids)
        partly = [q for q in drawn if partly_form(bank.questions[q]) is not None][:PARTLY]
        missed = [q for q in drawn if q not in partly][:MISSES]
        assert len(drawn) == LENGTH and len(partly) == PARTLY
        first = {q: wrong_form for q in missed} | {q: partly_form for q in partly}

        asked = answer_quiz(quiz, bank, clock, first)
        first_scores: dict[str, float] = {}
        for attempt in sorted(quiz.attempts, key=lambda a: a.position):
            first_scores.setdefault(attempt.question_id, attempt.score)
        assert all(0 < first_scores[q] < 1 for q in partly)  # partly right, really
        assert all(first_scores[q] == 0 for q in missed)
        for question_id in missed + partly:  # asked again in the same sitting
            assert asked.count(question_id) >= 2, question_id
        assert ops.missed_question_ids(quiz) == [q for q in drawn if q in missed + partly]

        clock.advance(minutes=1)  # "Retry the ones I missed", after the right answers were shown
        retry = ops.retry_missed(quiz, bank, clock.now)
        assert retry is not None
        answer_quiz(retry, bank, clock, {})
        _, next_day = day_bounds(clock.now, "UTC")
        cards = {
            card.question_id: card
            for card in db.session.execute(select(Card).filter_by(user_id=student)).scalars()
        }
        assert len(cards) == LENGTH
        for question_id in missed + partly:  # and due again by the next day
            assert ensure_utc(cards[question_id].due) <= next_day, question_id

    auth.login()
    history = client.get("/history/").get_data(as_text=True)
    rows = re.findall(
        r'<th scope="row">[^<]+</th><td>(\d+)</td><td>(\d+)</td><td>(\d+)</td>\s*'
        r"<td>(\d+) of (\d+)</td>\s*<td><span[^>]*>[^<]*</span> (\d+)%",
        history,
    )
    new, learning, young, mastered, total = (sum(int(r[i]) for r in rows) for i in range(5))
    assert (mastered, total) == (0, size) and {r[5] for r in rows} == {"0"}  # no mastery
    assert new == size - LENGTH and learning + young == LENGTH and learning > 0
    assert re.search(r"Average predicted retention</dt>\s*<dd>—</dd>", history)  # nothing yet

    page = client.get("/flashcards/").get_data(as_text=True)
    for _ in range(LENGTH):  # cards in a learning step come first (learning ahead)
        shown = re.search(r'action="/flashcards/q/([^"]+)" class="flip"', page)
        if shown is None:
            break
        back = client.get(f"/flashcards/q/{shown[1]}?flipped=1").get_data(as_text=True)
        reps = re.search(r'name="reps" type="hidden" value="(\d+)"', back)[1]
        client.post(f"/flashcards/q/{shown[1]}", data={"reps": reps, "rating": "3"})
        page = client.get("/flashcards/").get_data(as_text=True)
    assert "All done" not in page and "Next card due tomorrow" in page
    assert "Study 20 new questions now" in page  # 43 unseen; a batch of the daily limit

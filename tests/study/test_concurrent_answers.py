"""An answer's rows changed by another request between planning and writing it.

The answer view plans (grades, rates the card) in its read transaction and writes under the
lock with statements that check what the plan read. These tests make a second connection
write right after the answer is planned, and check that the answer is planned again (or sent
elsewhere) with nothing lost or written twice.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from flask import Flask
from sqlalchemy import Connection, create_engine, func, insert, select, update

from quizapp.bank.spec import QuestionSpec
from quizapp.extensions import db
from quizapp.models import Attempt, Card, Quiz, RatingLog
from quizapp.models.card import card_values
from quizapp.models.statements import Changed
from quizapp.scheduling import new_card
from quizapp.srs.rating import CardRating
from quizapp.study import answering
from quizapp.study import operations as ops

from .conftest import RIGHT, START, quiz_row, start

Change = Callable[[Connection, QuestionSpec], None]


@pytest.fixture
def meanwhile(
    app: Flask, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Callable[[Change], list[int]]]:
    """Make ``change(conn, spec)`` run on a second connection right after the first plan.

    Returns the list of plans seen (one entry per plan, so its length counts the tries).
    """
    engine = create_engine(app.config["SQLALCHEMY_DATABASE_URI"])
    plans: list[int] = []
    plan_answer = answering.plan_answer

    def register(change: Change) -> list[int]:
        def plan_then_interfere(quiz, spec, *args, **kwargs):  # type: ignore[no-untyped-def]
            plans.append(quiz.position)
            plan = plan_answer(quiz, spec, *args, **kwargs)
            if len(plans) == 1:
                with engine.begin() as conn:
                    change(conn, spec)
            return plan

        monkeypatch.setattr(answering, "plan_answer", plan_then_interfere)
        return plans

    yield register
    engine.dispose()


def counts(app: Flask) -> tuple[int, int, int]:
    """(attempts, cards, review log rows) in the database."""
    with app.app_context():
        return tuple(  # type: ignore[return-value]
            db.session.execute(select(func.count()).select_from(model)).scalar_one()
            for model in (Attempt, Card, RatingLog)
        )


def test_a_card_created_meanwhile_is_rated_on_a_second_plan(
    app, client, auth, student, meanwhile
) -> None:
    def create_card(conn: Connection, spec: QuestionSpec) -> None:
        row = card_values(new_card(START))
        row.update(user_id=student, question_id=spec.id, suspended=False, created_at=START)
        conn.execute(insert(Card.__table__), row)

    plans = meanwhile(create_card)
    auth.login()
    quiz = start(client, ["people"])
    position, question_id = quiz.current()
    resp = quiz.post(position, question_id, RIGHT[question_id])
    assert resp.status_code == 302 and resp.location.endswith(f"/answers/{position}")
    assert plans == [position, position]  # the first write found the card there: planned again
    assert counts(app) == (1, 1, 1)
    with app.app_context():
        card = db.session.execute(select(Card)).scalar_one()
        assert card.reps == 1 and card.last_review is not None


def test_a_card_rated_meanwhile_is_rated_from_its_new_state(
    app, client, auth, student, meanwhile
) -> None:
    auth.login()
    first = start(client, ["people"])
    position, question_id = first.current()
    first.post(position, question_id, RIGHT[question_id])  # the card exists now, reps 1

    def rate_elsewhere(conn: Connection, spec: QuestionSpec) -> None:
        conn.execute(update(Card.__table__).values(reps=Card.reps + 1))

    plans = meanwhile(rate_elsewhere)
    with app.app_context():  # ask the same question again in a new quiz
        again = ops.create_quiz(student, "topics", [question_id], START)
        again_id = again.id
        db.session.commit()
    resp = client.post(
        f"/quiz/{again_id}",
        data={"position": "0", "question_id": question_id, **RIGHT[question_id]},
    )
    assert resp.status_code == 302 and resp.location.endswith("/answers/0")
    assert len(plans) == 2
    assert counts(app) == (2, 1, 2)
    with app.app_context():
        assert db.session.execute(select(Card.reps)).scalar_one() == 3  # 1, +1 meanwhile, +1


def test_a_quiz_ended_meanwhile_records_nothing(app, client, auth, student, meanwhile) -> None:
    def end(conn: Connection, spec: QuestionSpec) -> None:
        conn.execute(update(Quiz.__table__).values(finished_at=START))

    plans = meanwhile(end)
    auth.login()
    quiz = start(client, ["people"])
    position, question_id = quiz.current()
    resp = quiz.post(position, question_id, RIGHT[question_id])
    assert resp.status_code == 302 and resp.location.endswith(f"/quiz/{quiz.id}")  # stale now
    assert plans == [position] and counts(app) == (0, 0, 0)
    assert quiz_row(app, quiz.id).position == position


def test_an_answer_that_keeps_conflicting_gives_up_with_nothing_written(
    app, client, auth, student, meanwhile, monkeypatch
) -> None:
    def changed_again(rating: CardRating, conn: Connection, attempt_id: int) -> int:
        raise Changed("changed again")

    monkeypatch.setattr(CardRating, "write", changed_again)
    tries = meanwhile(lambda conn, spec: None)
    auth.login()
    quiz = start(client, ["people"])
    position, question_id = quiz.current()
    resp = quiz.post(position, question_id, RIGHT[question_id])
    assert resp.status_code == 503 and "nothing was saved" in resp.get_data(as_text=True)
    assert len(tries) == answering.PLAN_TRIES and counts(app) == (0, 0, 0)
    assert quiz.current() == (position, question_id)  # still asked, nothing lost

"""The write operations called directly: drawing, recording, skipping, retrying."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
from flask import Flask
from sqlalchemy import insert, select

from quizapp.bank.webapp import current_bank
from quizapp.extensions import db
from quizapp.models import Attempt, Card, Quiz, RatingLog
from quizapp.models.card import card_values
from quizapp.models.statements import Changed
from quizapp.scheduling import Rating, new_card
from quizapp.study import answering
from quizapp.study import operations as ops
from quizapp.study.operations import Submission
from tests.support.answers import record_answer

from .conftest import START


@pytest.fixture
def ctx(app: Flask, student: int) -> Iterator[None]:
    """An app context with the bank loaded."""
    with app.app_context():
        current_bank()
        yield


def new_quiz(user_id: int, ids: list[str], seed: int = 7) -> Quiz:
    """A quiz asking ``ids`` in order."""
    return ops.create_quiz(user_id, "topics", ids, START, topics=["people"], seed=seed)


def test_start_quiz_draws_without_repetition(ctx, student) -> None:
    bank = current_bank()
    quiz = ops.start_quiz(student, "topics", ["people", "timeline"], 10, bank, START, seed=1)
    assert len(quiz.question_ids) == len(set(quiz.question_ids)) == 10
    assert quiz.seed == 1 and quiz.started_at == START and quiz.position == 0
    again = ops.start_quiz(student, "topics", ["people", "timeline"], 10, bank, START, seed=1)
    assert again.question_ids == quiz.question_ids  # the seed decides the draw
    assert len(ops.start_quiz(student, "topics", ["people"], None, bank, START).question_ids) == 5


@pytest.mark.parametrize(("mode", "topics"), [("topics", []), ("retry", ["people"]), ("x", [])])
def test_nothing_to_ask(ctx, student, mode: str, topics: list[str]) -> None:
    with pytest.raises(ops.NothingToAsk):
        ops.start_quiz(student, mode, topics, 5, current_bank(), START)


def test_record_answer(ctx, student) -> None:
    bank = current_bank()
    quiz = new_quiz(student, ["mistral-is-french", "lample-model"])
    assert ops.mark_shown(quiz, START) and not ops.mark_shown(quiz, START + timedelta(1))
    attempt = record_answer(
        quiz, bank.questions["mistral-is-french"], True, START + timedelta(seconds=4)
    )
    assert (attempt.correct, attempt.score, attempt.normalised) == (True, 1.0, "True")
    assert attempt.time_taken_ms == 4000 and attempt.position == 0
    assert quiz.position == 1 and quiz.current_shown_at is None and not quiz.finished
    later = START + timedelta(minutes=1)
    attempt = record_answer(quiz, bank.questions["lample-model"], "Llama 3", later)
    assert not attempt.correct and attempt.time_taken_ms is None  # never shown: unknown
    assert not quiz.finished and quiz.question_ids[2:] == ["lample-model"]  # the miss, again
    attempt = record_answer(quiz, bank.questions["lample-model"], "meta llama", later)
    assert attempt.correct and quiz.finished_at == later
    db.session.commit()
    assert [a.position for a in db.session.get(Quiz, quiz.id).attempts] == [0, 1, 2]


def test_record_answer_refuses_the_wrong_question(ctx, student) -> None:
    quiz = new_quiz(student, ["mistral-is-french"])
    with pytest.raises(ValueError, match="not the one"):
        record_answer(quiz, current_bank().questions["lample-model"], "LLaMA", START)


def test_a_slot_is_answered_once(ctx, student) -> None:
    spec = current_bank().questions["mistral-is-french"]
    quiz = new_quiz(student, ["mistral-is-french", "mistral-is-french"])
    record_answer(quiz, spec, True, START)
    quiz.position = 0  # as if a second request had read the quiz before the first wrote
    with pytest.raises(answering.AlreadyAnswered):
        record_answer(quiz, spec, False, START)


def test_the_unique_constraint_backs_the_check_up(ctx, student) -> None:
    spec = current_bank().questions["mistral-is-french"]
    quiz = new_quiz(student, ["mistral-is-french"])
    assert quiz.attempts == []  # the row below is written behind the ORM's back
    row = dict(user_id=student, question_id=spec.id, question_version=spec.version,
               quiz_id=quiz.id, position=0, kind="quiz", raw_answer=True, normalised="True",
               score=1.0, correct=True, created_at=START)  # fmt: skip
    db.session.execute(insert(Attempt), [row])
    with pytest.raises(answering.AlreadyAnswered):
        record_answer(quiz, spec, True, START)
    db.session.refresh(quiz)  # what the database holds, not the object read before
    assert quiz.position == 0
    db.session.commit()  # the quiz is still usable


def test_an_answer_and_its_card_rating_are_written_in_one_transaction(ctx, student) -> None:
    spec = current_bank().questions["mistral-is-french"]
    quiz = new_quiz(student, [spec.id])
    quiz_id = quiz.id
    attempt = record_answer(quiz, spec, False, START)
    log = db.session.execute(select(RatingLog)).scalar_one()
    assert log.attempt_id == attempt.id and log.rating == Rating.Again
    assert quiz.question_ids == [spec.id, spec.id]  # a miss is asked again before the end
    db.session.rollback()  # nothing was committed: the card's rating goes with the answer
    assert db.session.get(Quiz, quiz_id) is None
    assert db.session.execute(select(Card)).first() is None


def test_a_card_rated_after_planning_leaves_nothing_written(ctx, student) -> None:
    spec = current_bank().questions["mistral-is-french"]
    quiz = new_quiz(student, [spec.id, "lample-model"])
    plan = answering.plan_answer(quiz, spec, True, START)
    card = card_values(new_card(START)) | {"user_id": student, "question_id": spec.id}
    db.session.execute(insert(Card), [card | {"suspended": False, "created_at": START}])
    with pytest.raises(Changed), db.session.begin_nested():  # the card exists now
        answering.write_answer(plan)
    db.session.commit()
    db.session.refresh(quiz)
    assert quiz.position == 0 and not quiz.finished
    assert db.session.query(Attempt).count() == 0 and db.session.query(RatingLog).count() == 0


def test_skip_unavailable(ctx, student) -> None:
    quiz = new_quiz(student, ["gone", "lample-model", "gone-too"])
    assert ops.needs_preparing(quiz, current_bank())
    assert ops.skip_unavailable(quiz, current_bank(), START) == ["gone"]
    assert quiz.position == 1 and not quiz.finished
    record_answer(quiz, current_bank().questions["lample-model"], "llama", START)
    assert not quiz.finished
    assert ops.prepare_question(quiz, current_bank(), START) == ["gone-too"]
    assert quiz.finished and not ops.needs_preparing(quiz, current_bank())


@pytest.mark.parametrize(
    ("position", "question_id", "expected"),
    [
        (1, "lample-model", Submission.CURRENT),
        (0, "mistral-is-french", Submission.ANSWERED),
        (0, "lample-model", Submission.INVALID),
        (2, "mensch-former-lab", Submission.INVALID),
        (3, "mensch-former-lab", Submission.NOT_FOUND),
        (-1, "lample-model", Submission.NOT_FOUND),
    ],
)
def test_classify_submission(ctx, student, position, question_id, expected) -> None:
    quiz = new_quiz(student, ["mistral-is-french", "lample-model", "mensch-former-lab"])
    record_answer(quiz, current_bank().questions["mistral-is-french"], True, START)
    assert ops.classify_submission(quiz, position, question_id) is expected


def test_skipped_and_finished_slots_are_stale(ctx, student) -> None:
    quiz = new_quiz(student, ["gone", "lample-model"])
    ops.skip_unavailable(quiz, current_bank(), START)
    assert ops.classify_submission(quiz, 0, "gone") is Submission.STALE
    ops.finish_quiz(quiz, START)
    assert ops.classify_submission(quiz, 1, "lample-model") is Submission.STALE


def test_display_is_stable_per_seed_and_position(ctx, student) -> None:
    spec = current_bank().questions["mensch-former-lab"]
    quiz = new_quiz(student, [spec.id])
    first = ops.question_display(quiz, 0, spec)
    assert ops.question_display(quiz, 0, spec) == first
    orders = {tuple(ops.question_display(new_quiz(student, [spec.id], s), 0, spec)["choices"])
              for s in range(20)}  # fmt: skip
    assert len(orders) > 1


def test_retry_missed(ctx, student) -> None:
    bank = current_bank()
    ids = ["mistral-is-french", "lample-model", "founders-from-meta", "mensch-former-lab"]
    quiz = new_quiz(student, ids)
    for spec_id, answer in zip(ids, [False, "llama", ["Guillaume Lample"], "Meta"], strict=True):
        record_answer(quiz, bank.questions[spec_id], answer, START)
    assert ops.missed_question_ids(quiz) == ["mistral-is-french", "founders-from-meta",
                                             "mensch-former-lab"]  # fmt: skip
    retry = ops.retry_missed(quiz, bank, START + timedelta(hours=1))
    assert retry is not None and retry.mode == "retry" and retry.user_id == student
    assert retry.question_ids == ops.missed_question_ids(quiz)
    perfect = new_quiz(student, ["lample-model"])
    record_answer(perfect, bank.questions["lample-model"], "LLaMA", START)
    assert ops.retry_missed(perfect, bank, START) is None


def test_time_taken_ms() -> None:
    assert answering.time_taken_ms(None, START) is None
    assert answering.time_taken_ms(START, START - timedelta(seconds=1)) is None
    assert answering.time_taken_ms(START, START + timedelta(seconds=1.5)) == 1500
    assert answering.time_taken_ms(START, START + timedelta(days=2)) == 30 * 60 * 1000


def test_unfinished_quizzes_most_recent_first(ctx, student, make_user) -> None:
    other = make_user("student2")
    older, newer, done = (new_quiz(student, ["lample-model"]) for _ in range(3))
    newer.last_activity_at = START + timedelta(minutes=5)
    ops.finish_quiz(done, START)
    new_quiz(other, ["lample-model"])
    assert ops.unfinished_quizzes(student) == [newer, older]
    assert ops.find_quiz(student, newer.id) is newer and ops.find_quiz(other, newer.id) is None

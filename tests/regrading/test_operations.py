"""Accepting a common wrong answer: the YAML, the attempts, the cards, and undo (frozen clock)."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from flask import Flask
from sqlalchemy import select

from quizapp.bank.webapp import current_bank
from quizapp.extensions import db
from quizapp.models import Attempt, BankRevision, Card, RatingLog, Regrade, RegradedAttempt
from quizapp.regrading.operations import Done, Refused, accept_answer, undo
from quizapp.scheduling import Rating
from quizapp.statistics.scores import score_differences
from quizapp.study import operations as study_ops
from tests.support.answers import record_answer
from tests.support.clock import FrozenClock

QID = "lample-led-llama"


@pytest.fixture
def app_config(bank_dir: Path, clock: FrozenClock) -> dict[str, object]:
    """A private copy of the real bank, reloaded only by a save; the frozen clock."""
    return {"QUESTIONS_DIR": str(bank_dir), "BANK_RELOAD_SECONDS": 3600, "CLOCK": clock}


def answer(user_id: int, given: str, when) -> int:
    """One quiz answer to the LLaMA question; the attempt's id."""
    quiz = study_ops.create_quiz(user_id, "topics", [QID], when)
    attempt = record_answer(quiz, current_bank().questions[QID], given, when)
    db.session.commit()
    return attempt.id


def rating_of(attempt_id: int) -> int:
    return db.session.execute(
        select(RatingLog.rating).where(RatingLog.attempt_id == attempt_id)
    ).scalar_one()


def card_of(user_id: int) -> Card:
    return db.session.execute(
        select(Card).where(Card.user_id == user_id, Card.question_id == QID)
    ).scalar_one()


@pytest.fixture
def answered(app: Flask, make_user, clock: FrozenClock) -> dict[str, int]:
    """Three students answered "LLaMA 1" (wrong for the bank), one answered "GPT-3"; Bob then
    reviewed his card again the next day, so his "LLaMA 1" is no longer its latest rating."""
    with app.app_context():
        ann, bob, cid, dan = (make_user(n) for n in ("ann", "bob", "cid", "dan"))
        now = clock.now
        ids = {
            "ann": answer(ann, "LLaMA 1", now),
            "bob": answer(bob, "llama-1", now),
            "cid": answer(cid, "Llama 1.", now),
            "dan": answer(dan, "GPT-3", now),
        }
        answer(bob, "LLaMA", now + timedelta(days=1))
        return ids | {"ann_id": ann, "bob_id": bob, "teacher": make_user("teach", teacher=True)}


def test_accepting_an_answer_regrades_every_attempt_with_it(
    app: Flask, bank_dir: Path, clock: FrozenClock, answered: dict[str, int]
) -> None:
    with app.app_context():
        before = card_of(answered["ann_id"]).due
        assert rating_of(answered["ann"]) == Rating.Again
        outcome = accept_answer(QID, "llama 1", None, answered["teacher"], clock.now)
        assert isinstance(outcome, Done) and (outcome.attempts, outcome.cards) == (3, 2)
        assert '"LLaMA 1"]' in (bank_dir / "people.yaml").read_text()
        revision = db.session.execute(select(BankRevision)).scalar_one()
        assert revision.action == "regrade" and revision.path == "people.yaml"
        scores = {
            name: db.session.get(Attempt, answered[name]).score
            for name in ("ann", "bob", "cid", "dan")
        }
        assert scores == {"ann": 1.0, "bob": 1.0, "cid": 1.0, "dan": 0.0}
        assert db.session.get(Attempt, answered["ann"]).correct
        # Ann's card: her answer was its latest rating, so it is rated again, as Good.
        assert rating_of(answered["ann"]) == Rating.Good
        assert card_of(answered["ann_id"]).due > before + timedelta(hours=12)
        # Bob reviewed since: his old rating stands, his next review absorbs it.
        assert rating_of(answered["bob"]) == Rating.Again
        assert current_bank().questions[QID].fields["accept"][-1] == "LLaMA 1"
        assert score_differences() == []  # the teacher's statistics follow the regrade


def test_undo_restores_the_yaml_the_scores_and_the_cards(
    app: Flask, bank_dir: Path, clock: FrozenClock, answered: dict[str, int]
) -> None:
    original = (bank_dir / "people.yaml").read_text()
    with app.app_context():
        card_before = card_of(answered["ann_id"])
        snapshot = (card_before.due, card_before.stability, card_before.reps)
        accept_answer(QID, "llama 1", None, answered["teacher"], clock.now)
        regrade = db.session.execute(select(Regrade)).scalar_one()
        outcome = undo(regrade, answered["teacher"], clock.now)
        assert isinstance(outcome, Done) and (outcome.attempts, outcome.cards) == (3, 2)
        assert (bank_dir / "people.yaml").read_text() == original
        assert db.session.get(Attempt, answered["ann"]).score == 0.0
        assert not db.session.get(Attempt, answered["cid"]).correct
        card = card_of(answered["ann_id"])
        assert (card.due, card.stability, card.reps) == snapshot
        assert rating_of(answered["ann"]) == Rating.Again
        assert db.session.get(Regrade, regrade.id).undone_at == clock.now
        assert isinstance(undo(db.session.get(Regrade, regrade.id), None, clock.now), Refused)
        assert score_differences() == []  # and its undo


def test_a_partly_right_answer_gets_its_share(
    app: Flask, bank_dir: Path, clock: FrozenClock, answered: dict[str, int]
) -> None:
    with app.app_context():
        outcome = accept_answer(QID, "gpt 3", 0.25, answered["teacher"], clock.now)
        assert isinstance(outcome, Done) and outcome.attempts == 1
        attempt = db.session.get(Attempt, answered["dan"])
        assert (attempt.score, attempt.correct) == (0.25, False)
        assert '    partly: {"GPT-3": 0.25}' in (bank_dir / "people.yaml").read_text()
        assert rating_of(answered["dan"]) == Rating.Again  # partly right does not pass a card
        records = db.session.execute(select(RegradedAttempt)).scalars().all()
        assert [(r.old_score, r.new_score) for r in records] == [(0.0, 0.25)]


def test_an_attempt_regraded_since_is_left_alone_by_undo(
    app: Flask, clock: FrozenClock, answered: dict[str, int]
) -> None:
    with app.app_context():
        accept_answer(QID, "llama 1", None, answered["teacher"], clock.now)
        db.session.get(Attempt, answered["cid"]).score = 0.5  # changed by hand since
        db.session.commit()
        regrade = db.session.execute(select(Regrade)).scalar_one()
        outcome = undo(regrade, None, clock.now)
        assert isinstance(outcome, Done) and outcome.attempts == 2
        assert db.session.get(Attempt, answered["cid"]).score == 0.5


@pytest.mark.parametrize(
    ("question_id", "normalised", "score", "message"),
    [
        ("lample-led-llama", "nobody said this", None, "No student gave that answer."),
        ("mensch-former-lab", "meta", None, "Only typed short answers"),
        ("no-such-question", "x", None, "That question is not served."),
        ("lample-led-llama", "llama 1", 1.5, "A partly right answer scores above 0"),
    ],
)
def test_refused_regrades_change_nothing(
    app: Flask,
    bank_dir: Path,
    clock: FrozenClock,
    answered,
    question_id,
    normalised,
    score,
    message,
) -> None:
    original = (bank_dir / "people.yaml").read_text()
    with app.app_context():
        outcome = accept_answer(question_id, normalised, score, None, clock.now)
        assert isinstance(outcome, Refused) and outcome.message.startswith(message)
        assert db.session.execute(select(Regrade)).first() is None
    assert (bank_dir / "people.yaml").read_text() == original


def test_the_editor_sends_a_regrades_revert_to_its_undo(
    app: Flask, clock: FrozenClock, answered: dict[str, int]
) -> None:
    from quizapp.editor.operations import Refused as EditorRefused
    from quizapp.editor.operations import revert

    with app.app_context():
        accept_answer(QID, "llama 1", None, answered["teacher"], clock.now)
        revision = db.session.execute(select(BankRevision)).scalar_one()
        outcome = revert(revision, "", answered["teacher"])
        assert isinstance(outcome, EditorRefused) and "Regrades" in outcome.message

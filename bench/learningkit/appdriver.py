"""The app's side: simulated students study with quizapp's own operations on a SQLite file.

No HTTP: each sitting starts "Review due" quizzes (``study.operations.start_quiz``, mode
``review``: due cards, then new ones within the daily limits) and answers them the way the
answer POST does (``study.forms.read_answer``, ``study.answering.plan_answer``, then
``write_answer`` inside ``database.write_transaction()``), on an injected clock. Before each
sitting it reads what the app would show: each card's predicted recall
(``scheduling.retrievability`` through the student's calibration, ``srs.calibration``) and
mastery (``analytics.progress.is_mastered``), beside the student's true recall; after the first sitting, the history page's mastery (``build_overview``).

Not done as the pages do: the question page's ``mark_shown`` (time taken) is not written, and
the quiz is not read again for every answer (each answer page reads it, with its attempts):
it is kept out of the session, and what ``write_answer`` stored (the plan's progress, and
the answer among its attempts: the end of a quiz asks its misses again from them) is set on
it. Cards, settings and the queue are read from the database for every answer, as the app does.
"""

from __future__ import annotations

import logging
import random
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

from flask import Flask
from flask_migrate import upgrade
from sqlalchemy import select
from sqlalchemy.orm.attributes import set_committed_value

from quizapp import create_app
from quizapp.analytics.progress import is_mastered
from quizapp.auth.operations import create_user
from quizapp.bank.spec import Bank
from quizapp.bank.webapp import current_bank
from quizapp.database import write_transaction
from quizapp.extensions import db
from quizapp.history.dashboard import build_overview
from quizapp.models import Attempt, Card, Quiz
from quizapp.scheduling import State, retrievability
from quizapp.srs.calibration import calibration_for
from quizapp.srs.cards import settings_for
from quizapp.srs.queue import next_due
from quizapp.study.answering import plan_answer, write_answer
from quizapp.study.forms import read_answer
from quizapp.study.operations import NothingToAsk, question_display, start_quiz
from tests.support.clock import FrozenClock

from .log import MINUTE, StudyLog
from .students import Mind, answer_seconds

ROOT = Path(__file__).resolve().parents[2]
QUESTIONS = ROOT / "questions"
"""The real bank, which the simulated students study unless a what-if writes another."""
START = datetime(2026, 1, 5, tzinfo=UTC)
"""Day 0, midnight UTC (the students' time zone is the default, UTC)."""
QUIZ_LENGTH = 20
MODE = "review"


def moment(day: float) -> datetime:
    """Days since the start as the app's aware UTC time."""
    return START + timedelta(days=day)


def build_app(folder: Path, clock: FrozenClock, questions: Path = QUESTIONS) -> Flask:
    """The app on a new, migrated SQLite file in ``folder``, the bank in ``questions`` (the
    real one unless a what-if says otherwise) synced into it."""
    app = create_app(
        {
            "TESTING": True,
            "SECRET_KEY": "learning-bench",
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{folder}/learning.sqlite",
            "WTF_CSRF_ENABLED": False,
            "QUESTIONS_DIR": str(questions),
            "BANK_RELOAD_SECONDS": 3600.0,
            "CLOCK": clock,
        },
        instance_path=str(folder / "instance"),
    )
    with app.app_context():
        logging.disable(logging.INFO)  # alembic's configuration turns its INFO lines on
        try:
            upgrade(directory=str(ROOT / "migrations"))
        finally:
            logging.disable(logging.NOTSET)
        current_bank()  # the bank runtime loads questions/ and syncs the question table
    return app


@dataclass
class Shown:
    """What the app showed one student, beside the truth."""

    predicted: list[tuple[str, float, float]] = field(default_factory=list)
    """(topic, predicted recall, true recall) of the cards in review, before each sitting."""
    mastered_week: list[float] = field(default_factory=list)
    """True recall a week later (no study meanwhile) of each card shown as mastered."""
    first_mastery: float | None = None
    """The history page's mastery (mastered / questions) after the first sitting."""


def add_student(index: int) -> int:
    """A student account; its id."""
    with write_transaction():
        user = create_user(f"sim{index:03d}", "learning-bench-password")
        db.session.flush()
        return user.id


class AppStudent:
    """One student's sittings in the app: quizzes started and answered with its operations."""

    def __init__(self, user_id: int, bank: Bank, clock: FrozenClock, rng: random.Random) -> None:
        self.user_id = user_id
        self.bank = bank
        self.clock = clock
        self.rng = rng
        self.shown = Shown()

    def sit(self, mind: Mind, log: StudyLog, start: float, minutes: float) -> None:
        """One sitting: "Review due" quizzes until the minutes are up or nothing is due.

        A quiz begun is finished, even past the sitting's minutes (it is 20 questions at
        most, and "Question 8 of 20" says how far it is). When nothing is due now (learning
        cards due within the queue's 20 minutes of learning ahead included), the student
        waits for the card the Review page says is "back in N minutes" if that is within the
        sitting's minutes, and stops otherwise.
        """
        self.observe(mind, start)
        at, end = start, start + minutes * MINUTE
        while at < end:
            self.clock.now = moment(at)
            try:
                with write_transaction():
                    quiz = start_quiz(
                        self.user_id,
                        MODE,
                        (),
                        QUIZ_LENGTH,
                        self.bank,
                        self.clock.now,
                        seed=self.rng.randrange(2**31),
                    )
            except NothingToAsk:
                back = next_due(self.user_id, self.clock.now)
                if back is None or back >= moment(end):
                    break
                at = (back - START) / timedelta(days=1)
                continue
            db.session.expunge(quiz)  # kept as written, see answer()
            while not quiz.finished:  # a quiz begun is finished, its misses asked again
                at = self.answer(quiz, mind, log, at)
        log.end_sitting(start, at)
        if self.shown.first_mastery is None:
            mastery = build_overview(self.user_id, moment(at)).mastery
            self.shown.first_mastery = sum(m.mastered for m in mastery) / len(self.bank)
        db.session.remove()

    def answer(self, quiz: Quiz, mind: Mind, log: StudyLog, at: float) -> float:
        """Answer the question ``quiz`` asks now, as the answer POST would; when it is in."""
        position = quiz.position
        spec = self.bank.questions[quiz.question_ids[position]]
        seconds = answer_seconds(mind.student, spec, self.rng)
        _, form = mind.answer(spec, at)
        done = at + seconds / 86400
        self.clock.now = now = moment(done)
        read = read_answer(form, spec, question_display(quiz, position, spec))
        if read.problem is not None:
            raise AssertionError(f"{spec.id}: {dict(form)} was not read: {read.problem}")
        plan = plan_answer(quiz, spec, read.given, now, read.parsed)
        with write_transaction():
            write_answer(plan)
        for key, value in plan.progress.items():
            set_committed_value(quiz, key, value)
        attempt = plan.attempt
        answered = Attempt(question_id=spec.id, correct=attempt["correct"])  # what requeue reads
        set_committed_value(quiz, "attempts", [*quiz.attempts, answered])
        log.answered(spec.id, done, seconds, bool(attempt["correct"]), attempt["score"])
        return done

    def observe(self, mind: Mind, day: float) -> None:
        """Record predicted recall and mastery of the student's cards now, beside the truth."""
        now = moment(day)
        scheduler = settings_for(self.user_id).scheduler
        calibration = calibration_for(self.user_id)
        cards = db.session.execute(
            select(Card).where(Card.user_id == self.user_id, Card.suspended.is_(False))
        ).scalars()
        for card in cards:
            question_id, state = card.question_id, card.to_state()
            if state.is_new or state.state != State.Review:
                continue
            topic = self.bank.questions[question_id].topic
            true = mind.recall(question_id, day)
            shown = calibration.for_topic(topic).recall(retrievability(state, now, scheduler))
            self.shown.predicted.append((topic, shown, true))
            if is_mastered(state, calibration, topic):
                self.shown.mastered_week.append(mind.recall(question_id, day + 7))
        db.session.rollback()

"""Accept a common wrong answer for a question, regrade every attempt with it; undo that.

The answer is written into the question's YAML through the browser editor's safe save
(``editor.operations.save_file``: validated, atomic, a ``BankRevision`` recorded), so the
bank stays the one place that says what is right. Then, in one write transaction, every
attempt whose answer now reads the same way (the type's own normalisation) and grades higher
is regraded, a :class:`~quizapp.models.RegradedAttempt` keeps its old grade, and its card is
corrected by ``regrading.cards``. Running it again after a failure between the two steps
finds the answer already in the file and only regrades.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from functools import partial
from pathlib import Path

from sqlalchemy import select

from ..bank.accepting import NotEditable, add_accepted, remove_accepted
from ..bank.editing import file_path, read_text, text_hash
from ..bank.webapp import runtime, served_question
from ..database import write_transaction
from ..editor.operations import Saved, Unchanged, bank_root, save_file
from ..extensions import db
from ..models import Attempt, Question, Regrade, RegradedAttempt
from ..qtypes import get_type
from .cards import correct_card, restore_card

__all__ = ["REGRADABLE", "Done", "Refused", "accept_answer", "undo"]

REGRADABLE = ("short",)
"""Question types whose wrong answers a teacher can accept here."""


@dataclass(frozen=True)
class Done:
    """The regrade (or its undo) happened: how many attempts and cards it changed."""

    regrade_id: int
    attempts: int
    cards: int


@dataclass(frozen=True)
class Refused:
    """Nothing was changed, and why."""

    message: str


def _file_name(question: Question) -> str:
    return Path(question.file).name


def _representative(question_id: str, normalised: str) -> str | None:
    """The answer as students most often typed it, among attempts read as ``normalised``."""
    raws = db.session.execute(
        select(Attempt.raw_answer).where(
            Attempt.question_id == question_id, Attempt.normalised == normalised
        )
    ).scalars()
    counts = Counter(raw.strip() for raw in raws if isinstance(raw, str) and raw.strip())
    return counts.most_common(1)[0][0] if counts else None


def _write_file(name: str, edit: Callable[[str], str], user_id: int | None) -> int | Refused | None:
    """Apply ``edit`` to bank file ``name`` through the editor's save: the revision's id, None
    when the text did not change, or why it was refused."""
    path = file_path(bank_root(), name)
    before = read_text(path)
    if before is None:
        return Refused(f"{name} is not in the bank folder.")
    try:
        after = edit(before)
    except NotEditable as exc:
        return Refused(f"{exc}: edit the file in the bank editor instead.")
    db.session.commit()  # the edit lock is taken before the database's write lock
    outcome = save_file(name, after, text_hash(before), user_id, action="regrade")
    if isinstance(outcome, Saved):
        return outcome.revision_id
    if isinstance(outcome, Unchanged):
        return None
    return Refused(
        f"{name} could not be saved ({type(outcome).__name__.lower()}); nothing changed."
    )


def accept_answer(
    question_id: str, normalised: str, score: float | None, user_id: int | None, now: datetime
) -> Done | Refused:
    """Accept the wrong answer read as ``normalised`` (``score`` None: fully right, else that
    share of the marks) and regrade every attempt with it."""
    question = db.session.get(Question, question_id)
    if question is None or question.retired_at is not None:
        return Refused("That question is not served.")
    if question.type not in REGRADABLE:
        return Refused("Only typed short answers can be regraded here; edit the question instead.")
    if score is not None and not 0 < score < 1:
        return Refused("A partly right answer scores above 0 and below 1.")
    answer = _representative(question_id, normalised)
    if answer is None:
        return Refused("No student gave that answer.")
    spec = served_question(question_id)
    qtype = get_type(question.type)
    target = 1.0 if score is None else score
    revision_id = None
    graded = qtype.grade(spec, answer) if spec is not None else None
    if graded is None or graded.score < target:
        edit = partial(add_accepted, question_id=question_id, answer=answer, score=score)
        revision_id = _write_file(_file_name(question), edit, user_id)
        if isinstance(revision_id, Refused):
            return revision_id
        spec = runtime().bank.get(question_id)  # as saved, not as this request began
        graded = qtype.grade(spec, answer) if spec is not None else None
    if graded is None or graded.score < target:
        return Refused("The bank does not accept that answer yet; nothing was regraded.")
    reading = graded.normalised
    with write_transaction():
        regrade = Regrade(
            question_id=question_id, answer=answer, score=score, user_id=user_id,
            revision_id=revision_id, created_at=now,
        )  # fmt: skip
        db.session.add(regrade)
        db.session.flush()
        attempts = db.session.execute(
            select(Attempt).where(Attempt.question_id == question_id, Attempt.score < target)
        ).scalars()
        changed = cards = 0
        for attempt in attempts:
            grade = qtype.grade(spec, attempt.raw_answer)
            if grade.normalised != reading or grade.score <= attempt.score:
                continue
            record = RegradedAttempt(
                regrade_id=regrade.id, attempt_id=attempt.id, old_score=attempt.score,
                old_correct=attempt.correct, old_note=attempt.note, new_score=grade.score,
            )  # fmt: skip
            attempt.score, attempt.correct = grade.score, grade.correct
            attempt.note = f"regraded by a teacher: {grade.note or 'accepted'}"
            if correction := correct_card(attempt, qtype.guess_chance(spec)):
                record.card_id, record.card_before, record.rating_before = correction
                cards += 1
            db.session.add(record)
            changed += 1
        return Done(regrade.id, changed, cards)


def undo(regrade: Regrade, user_id: int | None, now: datetime) -> Done | Refused:
    """Take the answer out of the YAML again and give back the old grades (of attempts not
    regraded since) and cards (not rated since)."""
    if regrade.undone_at is not None:
        return Refused("That regrade was undone already.")
    question = db.session.get(Question, regrade.question_id)
    if question is None:
        return Refused("That question is no longer in the bank.")
    question_id, answer, score, regrade_id = (
        regrade.question_id, regrade.answer, regrade.score, regrade.id,
    )  # fmt: skip
    edit = partial(remove_accepted, question_id=question_id, answer=answer, score=score)
    written = _write_file(_file_name(question), edit, user_id)
    if isinstance(written, Refused):
        return written
    with write_transaction():
        regrade = db.session.get(Regrade, regrade_id)
        records = db.session.execute(
            select(RegradedAttempt).where(RegradedAttempt.regrade_id == regrade_id)
        ).scalars()
        attempts = cards = 0
        for record in records:
            attempt = db.session.get(Attempt, record.attempt_id)
            if attempt is None or attempt.score != record.new_score:
                continue
            attempt.score, attempt.correct = record.old_score, record.old_correct
            attempt.note = record.old_note
            attempts += 1
            if record.card_id is not None and record.card_before is not None:
                cards += restore_card(
                    attempt.id, record.card_id, record.card_before, record.rating_before or 1
                )
        regrade.undone_at = now
        return Done(regrade_id, attempts, cards)

"""``bank sync``: stable ids, versions, retire and restore, idempotence, history kept."""

from __future__ import annotations

from pathlib import Path

from flask import Flask

from quizapp.bank.sync import sync_bank
from quizapp.bank.validate import load_bank
from quizapp.extensions import db
from quizapp.models import Attempt, Question


def sync(app: Flask, directory: Path):
    result = load_bank(directory)
    assert not result.errors, result.errors
    with app.app_context():
        report = sync_bank(result.bank)
        db.session.commit()
        return report


def rows(app: Flask) -> dict[str, Question]:
    with app.app_context():
        return {q.id: q for q in db.session.execute(db.select(Question)).scalars()}


def test_first_sync_adds_everything_and_second_changes_nothing(app: Flask, bank_dir: Path) -> None:
    first = sync(app, bank_dir)
    total = len(load_bank(bank_dir).bank)
    assert len(first.added) == total >= 60
    second = sync(app, bank_dir)
    assert not second.touched
    assert second.unchanged == total
    assert second.summary() == f"added 0, changed 0, retired 0, restored 0, unchanged {total}"


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))


def answer(app: Flask, user_id: int, spec) -> None:
    """Record one attempt at ``spec`` for ``user_id``."""
    with app.app_context():
        db.session.add(
            Attempt(
                user_id=user_id,
                question_id=spec.id,
                question_version=spec.version,
                raw_answer="x",
                score=1.0,
                correct=True,
            )
        )
        db.session.commit()


def _some_question(bank_dir: Path):
    bank = load_bank(bank_dir).bank
    return next(iter(bank.questions.values()))


def test_edit_keeps_id_and_history_with_a_new_version(app: Flask, bank_dir: Path, student) -> None:
    sync(app, bank_dir)
    spec = _some_question(bank_dir)
    answer(app, student, spec)
    _edit(
        bank_dir / Path(spec.file).name, spec.explanation[:20], "Edited. " + spec.explanation[:20]
    )
    report = sync(app, bank_dir)
    assert report.changed == [spec.id]
    row = rows(app)[spec.id]
    assert row.version != spec.version
    with app.app_context():
        attempt = db.session.execute(db.select(Attempt)).scalar_one()
        assert attempt.question_id == spec.id
        assert attempt.question_version == spec.version  # the version it answered


def test_remove_retires_and_restore_brings_back_with_history(
    app: Flask, bank_dir: Path, student
) -> None:
    sync(app, bank_dir)
    spec = _some_question(bank_dir)
    answer(app, student, spec)
    topic_file = bank_dir / Path(spec.file).name
    backup = topic_file.read_text()
    # Drop the topic file entirely: all its questions retire.
    topic_file.unlink()
    report = sync(app, bank_dir)
    assert spec.id in report.retired
    assert rows(app)[spec.id].retired_at is not None
    with app.app_context():
        assert db.session.execute(db.select(Attempt)).scalar_one().question_id == spec.id
    assert not sync(app, bank_dir).touched  # retiring twice is a no-op
    topic_file.write_text(backup)
    report = sync(app, bank_dir)
    assert spec.id in report.restored
    assert rows(app)[spec.id].retired_at is None

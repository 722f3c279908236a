"""bench/learning.py's "what if" runs: a saved retention, the counterfactual without re-asks, a larger bank."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from flask import Flask

import quizapp.study.answering as answering
from bench.learningkit.appdriver import QUESTIONS
from bench.learningkit.whatif import AS_IS, NEXT_DAY_STEP, WhatIf, copied_bank
from quizapp.bank.validate import load_bank
from quizapp.scheduling import rating
from quizapp.srs.cards import settings_for

NOW = datetime(2026, 1, 5, 18, tzinfo=UTC)


def test_a_saved_retention_is_the_students_setting(app: Flask, student: int) -> None:
    WhatIf(desired_retention=0.85).settle(student)
    assert settings_for(student).desired_retention == 0.85
    assert settings_for(student).scheduler.desired_retention == 0.85


def test_the_app_as_it_is_saves_nothing_and_changes_nothing(app: Flask, student: int) -> None:
    AS_IS.settle(student)
    assert not settings_for(student).saved
    before = answering.requeue_due_misses, rating._scheduler
    with AS_IS.applied():
        assert (answering.requeue_due_misses, rating._scheduler) == before
    assert AS_IS.describe() == ""


def test_without_reasks_puts_no_miss_back_and_steps_to_the_next_day() -> None:
    before = answering.requeue_due_misses, rating._scheduler
    what_if = WhatIf(without_reasks=True)
    with what_if.applied():
        assert answering.requeue_due_misses(1, ["a", "b"], 1, NOW, answers=[("a", False)]) == [
            "a",
            "b",
        ]
        scheduler = rating.DEFAULT_SETTINGS.scheduler()
        assert scheduler.learning_steps == (NEXT_DAY_STEP,)
        assert scheduler.relearning_steps == (NEXT_DAY_STEP,)
        assert timedelta(hours=8) < NEXT_DAY_STEP  # past learning ahead and the same sitting
    assert (answering.requeue_due_misses, rating._scheduler) == before
    assert "not the app" in what_if.describe()


def test_bank_copies_write_a_larger_bank_that_loads(tmp_path: Path) -> None:
    assert WhatIf().questions(tmp_path) == QUESTIONS  # the real bank, not a copy
    folder = WhatIf(bank_copies=3).questions(tmp_path)
    real, larger = load_bank(QUESTIONS), load_bank(folder)
    assert larger.ok and real.ok, larger.errors
    assert real.bank is not None and larger.bank is not None
    assert len(larger.bank) == 3 * len(real.bank)
    for question_id, spec in real.bank.questions.items():
        copies = [larger.bank.questions[f"{question_id}-{n}"] for n in (1, 2, 3)]
        assert {c.type for c in copies} == {spec.type}
        assert {c.prompt for c in copies} == {spec.prompt}
        assert {c.sources for c in copies} == {spec.sources}
    assert len({s.topic for s in larger.bank.questions.values()}) == 3 * len(
        {s.topic for s in real.bank.questions.values()}
    )
    assert "3 times as large" in WhatIf(bank_copies=3).describe()
    with pytest.raises(ValueError, match="1 or more"):
        copied_bank(0, tmp_path / "none")

"""bench/learning.py's baselines: the random quiz in the app's minutes studies just those minutes."""

from __future__ import annotations

import random

import pytest
from flask import Flask

from bench.learningkit.baselines import matched_random_quiz, random_quiz, spending
from bench.learningkit.log import run_days
from bench.learningkit.memory import HlrMemory
from bench.learningkit.students import SECONDS, Mind, make_students
from quizapp.bank.webapp import current_bank

LONGEST = max(high for _, high in SECONDS.values()) * 1.25 / 60  # one answer, in minutes


def test_spending_notes_each_sittings_answering_minutes(app: Flask) -> None:
    bank = current_bank()
    model = HlrMemory()
    student = make_students(model, bank, 1, seed=3)[0]
    spent: list[float] = []
    sit = spending(random_quiz(bank, random.Random(1)), spent)
    log = run_days(
        sit, Mind(model, student, random.Random(2)), student, list(bank.questions), 4, [4], 3
    )
    assert len(spent) == 4
    assert spent == pytest.approx(log.sittings)  # no waits: a sitting is its answers
    assert sum(spent) == pytest.approx(log.minutes)


def test_the_matched_quiz_studies_the_minutes_it_is_given(app: Flask) -> None:
    bank = current_bank()
    model = HlrMemory()
    student = make_students(model, bank, 1, seed=3)[0]
    given = [3.0, 0.0, 7.5]
    sit = matched_random_quiz(bank, random.Random(1), given)
    ids = list(bank.questions)
    log = run_days(sit, Mind(model, student, random.Random(2)), student, ids, 3, [3], 3)
    assert log.sittings[1] == 0.0  # the app studied nothing that day: neither does it
    for minutes, sat in zip(given, log.sittings, strict=True):
        assert minutes <= sat < minutes + LONGEST  # it stops at the first answer past them

"""Who the simulated students are, how long an answer takes them, and what they answer.

A student is hidden memory parameters (one memory model's), a per-question difficulty shift,
a speed, a daily study time and a usual hour. Every strategy (the app, a random quiz, Leitner
boxes) studies with a copy of the same student, so they differ only in what is asked.

Answers are real form data, graded by the app's own question types: a recalled question is
answered right (except a slip, ``SLIP``), a question not recalled is guessed (a random choice,
subset, order or pairing: 1/k for a choice of k, 1/2 for true/false) or typed wrong.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import Any

from werkzeug.datastructures import MultiDict

from quizapp.bank.spec import Bank, QuestionSpec
from quizapp.qtypes import get_type
from tests.support.forms import right_form, wrong_form

SLIP = 0.03
"""Chance of a wrong answer to a recalled question."""
SECONDS = {  # (fastest, slowest) seconds per answer, feedback included
    "choice": (8, 16),
    "truefalse": (8, 14),
    "multi": (10, 20),
    "short": (12, 25),
    "numeric": (12, 25),
    "date": (12, 25),
    "order": (15, 30),
    "match": (15, 30),
    "cloze": (15, 30),
}
DIFFICULTY_SHIFT = {"easy": -0.5, None: 0.0, "medium": 0.0, "hard": 0.5}


@dataclass
class Student:
    """One simulated student, shared by every strategy."""

    index: int
    params: tuple[float, ...]
    shifts: dict[str, float]
    speed: float
    minutes: float
    hour: float
    memory: dict[str, Any] = field(default_factory=dict)


def make_students(model: Any, bank: Bank, count: int, seed: int) -> list[Student]:
    """``count`` students for memory ``model``, the same for a given seed."""
    students = []
    for index in range(count):
        rng = random.Random(f"{seed}:student:{index}")
        shifts = {
            q.id: DIFFICULTY_SHIFT.get(q.difficulty, 0.0) + rng.gauss(0.0, 0.5)
            for q in bank.questions.values()
        }
        students.append(
            Student(
                index=index,
                params=model.student(rng),
                shifts=shifts,
                speed=rng.uniform(0.8, 1.25),
                minutes=rng.uniform(6.0, 22.0),
                hour=rng.uniform(16.0, 20.0),
            )
        )
    return students


def answer_seconds(student: Student, spec: QuestionSpec, rng: random.Random) -> float:
    """Seconds one answer takes (reading, answering, reading the feedback)."""
    low, high = SECONDS[spec.type]
    return rng.uniform(low, high) * student.speed


def guess_form(spec: QuestionSpec, rng: random.Random) -> MultiDict[str, Any]:
    """Form data of a student who does not recall ``spec``: a guess, or a wrong text."""
    f = spec.fields
    match spec.type:
        case "choice":
            return MultiDict({"answer": rng.choice(f["choices"])})
        case "multi":
            picked = [c for c in f["choices"] if rng.random() < 0.5] or [rng.choice(f["choices"])]
            return MultiDict([("answer", c) for c in picked])
        case "truefalse":
            return MultiDict({"answer": rng.choice(["true", "false"])})
        case "order":
            items = rng.sample(list(f["items"]), len(f["items"]))
            return MultiDict({f"order-{i}": item for i, item in enumerate(items)})
        case "match":
            rights = rng.sample([r for _, r in f["pairs"]], len(f["pairs"]))
            return MultiDict({f"match-{i}": r for i, r in enumerate(rights)})
    return wrong_form(spec, rng)


def answer_form(spec: QuestionSpec, recalled: bool, rng: random.Random) -> MultiDict[str, Any]:
    """What a student types or ticks: right if recalled (bar a slip), else a guess."""
    if recalled:
        return wrong_form(spec, rng) if rng.random() < SLIP else right_form(spec)
    return guess_form(spec, rng)


def check_forms(bank: Bank) -> None:
    """Every question's right form grades right and its wrong form wrong (fails loudly)."""
    rng = random.Random(0)
    for spec in bank.questions.values():
        qtype = get_type(spec.type)
        for form, want in ((right_form(spec), True), (wrong_form(spec, rng), False)):
            given = qtype.parse_form(form, spec, qtype.display(spec, rng))
            grade = qtype.grade(spec, given)
            if grade.correct is not want:
                raise AssertionError(f"{spec.id}: {dict(form)} graded {grade}")


class Mind:
    """One student's hidden memory of every question under one model, and their answers."""

    def __init__(self, model: Any, student: Student, rng: random.Random) -> None:
        self.model = model
        self.student = student
        self.rng = rng
        self.items: dict[str, Any] = {}

    def recall(self, question_id: str, day: float) -> float:
        """True probability of recalling ``question_id`` at ``day`` (days since the start)."""
        shift = self.student.shifts[question_id]
        return self.model.recall(self.student.params, self.items.get(question_id), day, shift)

    def answer(self, spec: QuestionSpec, day: float) -> tuple[bool, MultiDict[str, Any]]:
        """(recalled, form data) for ``spec`` asked at ``day``; the feedback then teaches."""
        recalled = self.rng.random() < self.recall(spec.id, day)
        form = answer_form(spec, recalled, self.rng)
        self.items[spec.id] = self.model.study(
            self.student.params,
            self.items.get(spec.id),
            day,
            recalled,
            self.student.shifts[spec.id],
        )
        return recalled, form

    def retention(self, question_ids: list[str], day: float) -> float:
        """Mean true recall over ``question_ids`` at ``day`` (never seen: 0)."""
        return sum(self.recall(q, day) for q in question_ids) / len(question_ids)

"""Grade the borderline and clear-cut answer sets (tests/data/grading/) with the real bank."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from quizapp.bank.spec import Bank
from quizapp.bank.validate import load_bank
from quizapp.qtypes import Unreadable, get_type

ROOT = Path(__file__).resolve().parent.parent.parent
DATA = ROOT / "tests" / "data" / "grading"
VERDICTS = ("accept", "note", "refuse", "ask")


def real_bank() -> Bank:
    """The current bank, questions/."""
    bank = load_bank(ROOT / "questions").bank
    assert bank is not None
    return bank


@dataclass(frozen=True)
class Case:
    """One typed answer and the teacher's verdict; ``outcome`` is what the grader did."""

    question: str
    answer: str
    verdict: str
    why: str
    blank: int | None
    outcome: str
    note: str | None

    def __str__(self) -> str:
        where = f"[{self.blank}]" if self.blank is not None else ""
        return (
            f"{self.question}{where}: {self.answer!r} {self.verdict} -> {self.outcome} ({self.why})"
        )


def outcome(bank: Bank, question: str, answer: str, blank: int | None) -> tuple[str, str | None]:
    """accept, note, refuse or ask: how the grader treats ``answer`` (in ``blank`` of a cloze,
    the other blanks right), and its note."""
    spec = bank.questions[question]
    qtype = get_type(spec.type)
    given: Any = answer
    if spec.type == "cloze":
        assert blank is not None, question
        given = [answers[0] for answers in spec.fields["blanks"]]
        given[blank] = answer
    parsed = qtype.read(spec, given)
    if isinstance(parsed, Unreadable):
        return "ask", parsed.message
    grade = qtype.grade(spec, given, parsed)
    if grade.score < 1:
        return "refuse", grade.note
    return ("note" if grade.note else "accept"), grade.note


def graded(name: str, bank: Bank | None = None) -> list[Case]:
    """Every case of ``tests/data/grading/<name>.yaml``, graded."""
    bank = bank or real_bank()
    cases = []
    for row in yaml.safe_load((DATA / f"{name}.yaml").read_text(encoding="utf-8")):
        assert row["v"] in VERDICTS, row
        blank = row.get("blank")
        answer = str(row["a"])
        result, note = outcome(bank, row["q"], answer, blank)
        cases.append(Case(row["q"], answer, row["v"], row.get("why", ""), blank, result, note))
    return cases


def share(cases: list[Case], outcomes: set[str]) -> float:
    """The share of ``cases`` whose outcome is one of ``outcomes`` (1.0 when there are none)."""
    return sum(c.outcome in outcomes for c in cases) / len(cases) if cases else 1.0

"""The borderline and clear-cut typed answers of issue 20, graded with the real bank.

tests/data/grading/borderline.yaml holds answers a careful teacher would accept, accept with a
note, refuse or ask again; clear_cut.yaml the bank's right answers and plainly wrong ones.
The goals: at least 80 % of the accept cases accepted, at least 99 % of the clear-cut wrong
answers refused. A miss is listed in the failure message, one per line.
"""

from __future__ import annotations

import pytest

from .borderline import Case, graded, real_bank, share

BANK = real_bank()
BORDERLINE = graded("borderline", BANK)
CLEAR_CUT = graded("clear_cut", BANK)
TYPED = {"short", "cloze", "numeric", "date"}


def _misses(cases: list[Case], wanted: set[str]) -> str:
    return "\n".join(str(c) for c in cases if c.outcome not in wanted)


def test_the_sets_cover_the_current_bank() -> None:
    assert len(BORDERLINE) >= 150
    typed = {q.id for q in BANK.questions.values() if q.type in TYPED}
    assert {c.question for c in BORDERLINE} == typed
    assert {c.question for c in CLEAR_CUT} == typed


def test_most_answers_a_teacher_accepts_are_accepted() -> None:
    cases = [c for c in BORDERLINE if c.verdict in ("accept", "note")]
    accepted = share(cases, {"accept", "note"})
    assert accepted >= 0.80, f"{accepted:.0%} accepted; missed:\n" + _misses(
        cases, {"accept", "note"}
    )


def test_answers_accepted_with_a_note_carry_one() -> None:
    cases = [c for c in BORDERLINE if c.verdict == "note"]
    assert share(cases, {"note"}) >= 0.80, _misses(cases, {"note"})


def test_borderline_answers_a_teacher_refuses_are_not_accepted() -> None:
    cases = [c for c in BORDERLINE if c.verdict == "refuse"]
    assert share(cases, {"refuse", "ask"}) >= 0.95, _misses(cases, {"refuse", "ask"})


def test_answers_a_teacher_asks_again_are_asked_again() -> None:
    cases = [c for c in BORDERLINE if c.verdict == "ask"]
    assert share(cases, {"ask"}) >= 0.80, _misses(cases, {"ask"})


def test_clear_cut_wrong_answers_stay_refused() -> None:
    cases = [c for c in CLEAR_CUT if c.verdict == "refuse"]
    assert len(cases) >= 300
    assert share(cases, {"refuse", "ask"}) >= 0.99, _misses(cases, {"refuse", "ask"})


def test_clear_cut_right_answers_are_accepted() -> None:
    cases = [c for c in CLEAR_CUT if c.verdict == "accept"]
    assert share(cases, {"accept", "note"}) == 1.0, _misses(cases, {"accept", "note"})


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        ("decisive-influence-cloze", "indecisive influence"),
        ("brad-smith-announced-deal", "A. Smith"),
        ("brad-smith-announced-deal", "L. Smith"),
    ],
)
def test_the_issues_wrong_passes_are_refused(question: str, answer: str) -> None:
    case = next(c for c in BORDERLINE if (c.question, c.answer) == (question, answer))
    assert case.outcome == "refuse"

"""The browser tests' answer key is right: ``right_answer`` scores 1 and ``wrong_answer`` 0.

No browser: each answer is turned into the form the quiz page would post and graded the
way the answer view grades it, for every question of the tiny bank the browser tests'
server runs on and of the real bank, so a browser test that picks a question at random
never meets a question the key cannot answer (a match whose partners repeat, say).
"""

from __future__ import annotations

import random

import pytest
from werkzeug.datastructures import MultiDict

from quizapp.bank.spec import QuestionSpec
from quizapp.bank.validate import load_bank
from quizapp.qtypes import get_type
from quizapp.study.forms import read_answer

from .answers import Answer, right_answer, wrong_answer
from .conftest import BANK as TINY
from .server import ROOT

BANKS = {"tiny": load_bank(TINY).bank, "real": load_bank(ROOT / "questions").bank}


def posted(answer: Answer) -> MultiDict[str, str]:
    """The form fields the quiz page posts for ``answer``."""
    fields = [("answer", tick) for tick in answer.ticks]
    fields += list(answer.texts.items()) + list(answer.selects.items())
    return MultiDict(fields)


def score(spec: QuestionSpec, answer: Answer) -> float:
    """The score the answer view gives ``answer`` to the question ``spec``."""
    qid = spec.id
    qtype = get_type(spec.type)
    display = qtype.display(spec, random.Random(0))
    read = read_answer(posted(answer), spec, display)
    assert read.problem is None, f"{qid}: asked again: {read.problem}"
    return qtype.grade(spec, read.given, read.parsed).score


@pytest.mark.parametrize(
    "spec",
    [bank.questions[qid] for bank in BANKS.values() for qid in sorted(bank.questions)],
    ids=[f"{name}-{qid}" for name, bank in BANKS.items() for qid in sorted(bank.questions)],
)
def test_right_answer_scores_everything_and_wrong_answer_nothing(spec: QuestionSpec) -> None:
    assert score(spec, right_answer(spec)) == 1.0
    assert score(spec, wrong_answer(spec)) == 0.0

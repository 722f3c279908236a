"""The browser tests' answer key is right: ``right_answer`` scores 1 and ``wrong_answer`` 0.

No browser: each answer is turned into the form the quiz page would post and graded the
way the answer view grades it, for every question of the real bank, so a browser test that
picks a question at random never meets a type the key cannot answer.
"""

from __future__ import annotations

import random

import pytest
from werkzeug.datastructures import MultiDict

from quizapp.bank.validate import load_bank
from quizapp.qtypes import get_type
from quizapp.study.forms import read_answer

from .answers import Answer, right_answer, wrong_answer
from .server import ROOT

BANK = load_bank(ROOT / "questions").bank


def posted(answer: Answer) -> MultiDict[str, str]:
    """The form fields the quiz page posts for ``answer``."""
    fields = [("answer", tick) for tick in answer.ticks]
    fields += list(answer.texts.items()) + list(answer.selects.items())
    return MultiDict(fields)


def score(qid: str, answer: Answer) -> float:
    """The score the answer view gives ``answer`` to question ``qid``."""
    spec = BANK.questions[qid]
    qtype = get_type(spec.type)
    display = qtype.display(spec, random.Random(0))
    read = read_answer(posted(answer), spec, display)
    assert read.problem is None, f"{qid}: asked again: {read.problem}"
    return qtype.grade(spec, read.given, read.parsed).score


@pytest.mark.parametrize("qid", sorted(BANK.questions))
def test_right_answer_scores_everything_and_wrong_answer_nothing(qid: str) -> None:
    spec = BANK.questions[qid]
    assert score(qid, right_answer(spec)) == 1.0
    assert score(qid, wrong_answer(spec)) == 0.0

"""The registry, and properties every type shares: right answers grade right, and grading
never raises whatever a student (or a tampered form) sends."""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quizapp.bank.spec import QuestionSpec
from quizapp.bank.validate import load_bank
from quizapp.qtypes import REGISTRY, Grade, QuestionType, get_type

TESTS = Path(__file__).resolve().parent.parent
TINY = load_bank(TESTS / "data" / "bank" / "tiny", include_drafts=True).bank
REAL_DIR = TESTS.parent / "questions"
REAL = (
    load_bank(REAL_DIR, include_drafts=True).bank if (REAL_DIR / "sources.yaml").exists() else None
)
SPECS = list(TINY.questions.values()) + (list(REAL.questions.values()) if REAL else [])


def test_every_type_is_registered() -> None:
    assert sorted(REGISTRY) == [
        "choice", "cloze", "date", "match", "multi", "numeric", "order", "short", "truefalse"
    ]  # fmt: skip
    for name, qtype in REGISTRY.items():
        assert isinstance(qtype, QuestionType) and qtype.name == name
        assert qtype.template == f"qtypes/{name}.html"
        assert get_type(name) is qtype
    with pytest.raises(KeyError, match="unknown question type 'essay'"):
        get_type("essay")


def right_answer(spec: QuestionSpec) -> Any:
    """The answer a student who knows it would send, as ``parse_form`` would return it."""
    fields = spec.fields
    return {
        "choice": lambda: fields["answer"],
        "multi": lambda: list(fields["answers"]),
        "truefalse": lambda: fields["answer"],
        "short": lambda: fields["answer"],
        "numeric": lambda: fields["text"],
        "date": lambda: fields["text"],
        "order": lambda: list(fields["items"]),
        "match": lambda: {left: right for left, right in fields["pairs"]},
        "cloze": lambda: [answers[0] for answers in fields["blanks"]],
    }[spec.type]()


def form_for(spec: QuestionSpec, answer: Any) -> dict[str, Any]:
    """The form a browser would post for ``answer``, using the names ``display`` gives."""
    shown = get_type(spec.type).display(spec, random.Random(0))
    if "names" in shown:
        values = list(answer.values()) if isinstance(answer, dict) else answer
        return dict(zip(shown["names"], values, strict=True))
    if "left" in shown:
        return {item["name"]: answer[item["label"]] for item in shown["left"]}
    value = answer if not isinstance(answer, bool) else str(answer).lower()
    return {shown["name"]: value}


@pytest.mark.parametrize("spec", SPECS, ids=lambda s: s.id)
def test_the_right_answer_grades_right_through_the_form(spec: QuestionSpec) -> None:
    qtype = get_type(spec.type)
    answer = qtype.parse_form(form_for(spec, right_answer(spec)), spec)
    json.dumps(answer)
    assert not qtype.is_empty(answer)
    grade = qtype.grade(spec, answer)
    assert grade == Grade(1.0, True, grade.normalised, grade.note), grade
    assert qtype.answer_text(spec)
    assert qtype.answer_display(spec, answer)
    json.dumps(qtype.display(spec, random.Random(1)))


@pytest.mark.parametrize("spec", SPECS, ids=lambda s: s.id)
def test_an_empty_form_is_empty(spec: QuestionSpec) -> None:
    qtype = get_type(spec.type)
    answer = qtype.parse_form({}, spec)
    assert qtype.is_empty(answer)
    assert not qtype.grade(spec, answer).correct


ANSWERS = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(st.text(), inner, max_size=5),
    max_leaves=10,
)


@pytest.mark.parametrize("spec", list(TINY.questions.values()), ids=lambda s: s.id)
@settings(max_examples=60, deadline=None)
@given(text=st.text(), answer=ANSWERS)
def test_grading_never_raises(spec: QuestionSpec, text: str, answer: Any) -> None:
    qtype = get_type(spec.type)
    for value in (text, [text, text], {text: text}, answer):
        grade = qtype.grade(spec, value)
        assert 0.0 <= grade.score <= 1.0
        assert isinstance(grade.normalised, str)
        assert not (grade.correct and grade.score < 1.0)
        qtype.is_empty(value)
        assert isinstance(qtype.answer_display(spec, value), str)


@pytest.mark.parametrize("spec", list(TINY.questions.values()), ids=lambda s: s.id)
@settings(max_examples=30, deadline=None)
@given(values=st.dictionaries(st.text(max_size=12), st.text() | st.lists(st.text(), max_size=3)))
def test_parse_form_never_raises_and_is_json(spec: QuestionSpec, values: dict) -> None:
    qtype = get_type(spec.type)
    json.dumps(qtype.parse_form(values, spec))

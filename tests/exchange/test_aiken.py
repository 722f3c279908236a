"""Aiken (Moodle's plain-text multiple choice) into choice questions; problems by line."""

from __future__ import annotations

from quizapp.exchange.aiken import import_aiken, parse_aiken

SAMPLE = """\
Where is Mistral AI based?
A. Paris
B) Berlin
C. London
ANSWER: A

Which company invested?
A. Microsoft
B. Apple
ANSWER: C

A question with
two lines?
A. Yes
B. No
ANSWER: B
"""


def test_questions_become_choices() -> None:
    items, _ = parse_aiken(SAMPLE)
    first, second = (item.question for item in items)
    assert first == {
        "type": "choice", "prompt": "Where is Mistral AI based?",
        "choices": ["Paris", "Berlin", "London"], "answer": "Paris",
    }  # fmt: skip
    assert second["prompt"] == "A question with\ntwo lines?" and second["answer"] == "No"


def test_an_answer_that_is_not_an_option_is_reported_by_line() -> None:
    _, problems = parse_aiken(SAMPLE)
    assert [(p.line, p.message) for p in problems] == [
        (10, "ANSWER: 'C' is not one of the options A, B"),
    ]


def test_missing_answer_lines_are_reported() -> None:
    _, problems = parse_aiken("Q?\nA. x\nB. y\n\nNext?\nA. a\nB. b\nANSWER: A\nLast?\n")
    assert [p.line for p in problems] == [5, 9]


def test_the_topic_file_marks_missing_explanations_as_drafts() -> None:
    imported = import_aiken(SAMPLE, topic="Aiken", default_sources=["harmony"])
    assert len(imported.questions) == 2 and imported.drafts == 2
    assert "# TODO: write the explanation" in imported.yaml

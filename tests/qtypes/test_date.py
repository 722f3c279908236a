"""date: as precise as asked — a year, a month or a full date — in many spellings."""

from __future__ import annotations

import random

import pytest

from quizapp.grading import ParsedDate
from quizapp.qtypes import Unreadable, get_type

from .specs import errors_of, make_spec

DATE = get_type("date")
DAY = make_spec("date", "answer: 2024-02-26\n")
YEAR = make_spec("date", "answer: 2023\naccept: [2022]\n")
MONTH = make_spec("date", "answer: February 2024\n")


@pytest.mark.parametrize(
    ("spec", "answer", "correct", "note"),
    [
        (DAY, "2024-02-26", True, None),
        (DAY, "26 February 2024", True, None),
        (DAY, "Feb 26, 2024", True, None),
        (DAY, "26/02/2024", True, None),
        (DAY, "26.2.2024", True, None),
        (DAY, "02/26/2024", True, "read 02/26/2024 as 26 February 2024 (month first)"),
        (DAY, "2024", False, "the full date is needed"),
        (DAY, "February 2024", False, "the full date is needed"),
        (DAY, "2024-02-27", False, None),
        (DAY, "2023", False, None),
        (
            DAY,
            "last monday",
            False,
            "could not read a date — write e.g. 2024-02-26, 26 February 2024, or a year like 2023",
        ),
        (
            DAY,
            "",
            False,
            "could not read a date — write e.g. 2024-02-26, 26 February 2024, or a year like 2023",
        ),
        (YEAR, "2023", True, None),
        (YEAR, "in 2023", True, None),  # issue 20: a year inside a sentence is read
        (YEAR, "Mistral was founded in 2023.", True, None),
        (DAY, "26 Febuary 2024", True, "read 'febuary' as February"),
        (
            YEAR,
            "2022 or 2023",
            False,
            "could not read a date — write e.g. 2024-02-26, 26 February 2024, or a year like 2023",
        ),
        (YEAR, "2022", True, None),
        (YEAR, "April 2023", True, None),
        (YEAR, "2023-04-10", True, None),
        (YEAR, "2024", False, None),
        (MONTH, "2024-02", True, None),
        (MONTH, "feb 2024", True, None),
        (MONTH, "2024-02-26", True, None),
        (MONTH, "2024", False, "the month too is needed"),
        (MONTH, "March 2024", False, None),
        (DAY, "03/04/2024", False, "read 03/04/2024 as 3 April 2024 (day first)"),
    ],
)
def test_grading(spec, answer: str, correct: bool, note: str | None) -> None:
    grade = DATE.grade(spec, answer)
    assert (grade.correct, grade.score, grade.note) == (correct, float(correct), note)


def test_the_normalised_answer_is_iso_at_its_precision() -> None:
    assert DATE.grade(DAY, "26 Feb 2024").normalised == "2024-02-26"
    assert DATE.grade(DAY, "2024").normalised == "2024"


def test_display_and_texts() -> None:
    assert DATE.display(DAY, random.Random(0)) == {"name": "answer", "precision": "day"}
    assert DATE.display(YEAR, random.Random(0))["precision"] == "year"
    assert DATE.display(MONTH, random.Random(0))["precision"] == "month"
    assert DATE.answer_text(DAY) == "2024-02-26"
    assert DATE.answer_text(YEAR) == "2023 (also accepted: 2022)"
    assert DATE.answer_text(MONTH) == "February 2024"
    assert DATE.parse_form({"answer": " 2023 "}, YEAR) == "2023"


@pytest.mark.parametrize(
    ("fields", "errors"),
    [
        (
            "answer: 2024-02-30\n",
            [
                "t.yaml:6:9: question 'q1': cannot read '2024-02-30' as a date — write e.g."
                " 2024-02-26, 26 February 2024, or a year like 2023"
            ],
        ),
        (
            "answer: 03/04/2024\n",
            [
                "t.yaml:6:9: question 'q1': '03/04/2024' is ambiguous (read 03/04/2024 as 3 April"
                " 2024 (day first)) — write it as 2024-04-03"
            ],
        ),
        (
            "answer: 2023\naccept: [2022, soon]\n",
            [
                "t.yaml:7:16: question 'q1': cannot read 'soon' as a date — write e.g. 2024-02-26,"
                " 26 February 2024, or a year like 2023"
            ],
        ),
        ("answer: 26/02/2024\n", []),
    ],
)
def test_validation(fields: str, errors: list[str]) -> None:
    assert errors_of("date", fields) == errors


def test_read_gives_the_date_that_grade_takes() -> None:
    read = DATE.read(DAY, "26 February 2024")
    assert isinstance(read, ParsedDate) and str(read) == "2024-02-26"
    assert DATE.grade(DAY, "ignored once parsed", parsed=read).correct
    assert not DATE.grade(DAY, "26 February 2024", parsed=DATE.read(DAY, "2024")).correct
    unreadable = DATE.read(DAY, "last winter")
    assert isinstance(unreadable, Unreadable) and "not a date we can read" in unreadable.message

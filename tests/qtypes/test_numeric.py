"""numeric: amounts read in many spellings, tolerance, currencies, unit words."""

from __future__ import annotations

import random
from decimal import Decimal

import pytest

from quizapp.grading import Amount
from quizapp.qtypes import Unreadable, get_type

from .specs import errors_of, make_spec

NUMERIC = get_type("numeric")
EUROS = make_spec("numeric", "answer: 15 million\nunit: EUR\n")
DOLLARS = make_spec("numeric", "answer: $111 million\ntolerance: 5%\n")
FOUNDERS = make_spec("numeric", "answer: 3\nunit: founders\n")
PLAIN = make_spec("numeric", "answer: '2.5'\ntolerance: 0.1\n")
PERCENT = make_spec("numeric", "answer: 49\nunit: '%'\n")


@pytest.mark.parametrize(
    ("spec", "answer", "correct", "note"),
    [
        (EUROS, "15 million", True, None),
        (EUROS, "15000000", True, None),
        (EUROS, "€15m", True, None),
        (EUROS, "15,000,000 euros", True, None),
        (EUROS, "EUR 15 000 000", True, None),
        (EUROS, "15 million dollars", False, "the answer is in EUR, not USD"),
        (EUROS, "$15 million", False, "the answer is in EUR, not USD"),
        (EUROS, "16 million", False, None),
        (EUROS, "fifteen million", True, None),  # number words, read by text2num
        (EUROS, "fifteen million euros", True, None),
        (EUROS, "fifteen million dollars", False, "the answer is in EUR, not USD"),
        (
            EUROS,
            "15 milion",
            False,
            "could not read a number — write e.g. 3, three, 15 million or €15 million",
        ),
        (DOLLARS, "111 million", True, None),
        (DOLLARS, "$115m", True, None),
        (DOLLARS, "$105.45m", True, None),
        (DOLLARS, "$105.44m", False, None),
        (DOLLARS, "$117m", False, None),
        (DOLLARS, "€111m", False, "the answer is in USD, not EUR"),
        (FOUNDERS, "3", True, None),
        (FOUNDERS, "3 founders", True, None),
        (FOUNDERS, "3 Founder", True, None),
        (FOUNDERS, "three", True, None),
        (FOUNDERS, "Three founders", True, None),
        (FOUNDERS, "two", False, None),  # small numbers too (text2num skips them by default)
        (FOUNDERS, "4", False, None),
        (PLAIN, "2.6", True, None),
        (PLAIN, "2,4", True, None),
        (PLAIN, "2.7", False, None),
        (PERCENT, "49%", True, None),
        (PERCENT, "49 %", True, None),
        (PERCENT, "51", False, None),
    ],
)
def test_grading(spec, answer: str, correct: bool, note: str | None) -> None:
    grade = NUMERIC.grade(spec, answer)
    assert (grade.correct, grade.score, grade.note) == (correct, float(correct), note)


def test_the_normalised_answer_is_the_amount_read() -> None:
    assert NUMERIC.grade(EUROS, "15m").normalised == "EUR 15,000,000"
    assert NUMERIC.grade(FOUNDERS, "3 founders").normalised == "3"
    assert NUMERIC.grade(FOUNDERS, "lots").normalised == "lots"


def test_the_unit_currency_becomes_the_answer_currency() -> None:
    assert EUROS.fields["answer"] == Amount(Decimal(15_000_000), "EUR")
    assert EUROS.fields["unit"] is None
    assert FOUNDERS.fields["unit"] == "founders"
    assert DOLLARS.fields["tolerance"] == "5%"
    assert PLAIN.fields["tolerance"] == Decimal("0.1")


def test_display_and_texts() -> None:
    assert NUMERIC.display(EUROS, random.Random(0)) == {"name": "answer", "unit": "EUR"}
    assert NUMERIC.display(FOUNDERS, random.Random(0)) == {"name": "answer", "unit": "founders"}
    assert NUMERIC.answer_text(EUROS) == "15 million EUR"
    assert NUMERIC.answer_text(DOLLARS) == "$111 million (± 5%)"
    assert NUMERIC.answer_text(FOUNDERS) == "3 founders"
    assert NUMERIC.parse_form({"answer": " 15m "}, EUROS) == "15m"
    assert NUMERIC.answer_display(EUROS, "15m") == "15m"


@pytest.mark.parametrize(
    ("fields", "errors"),
    [
        (
            "answer: lots\n",
            [
                "t.yaml:6:9: question 'q1': cannot read 'lots' as a number — write e.g. 15000000,"
                " 15 million or €15 million"
            ],
        ),
        (
            "answer: €15 million\nunit: USD\n",
            [
                "t.yaml:7:7: question 'q1': the answer is in EUR but the unit is USD — use one"
                " currency"
            ],
        ),
        (
            "answer: 3\ntolerance: -1\n",
            [
                "t.yaml:7:12: question 'q1': cannot read '-1' as a tolerance — write a number like"
                " 0.5, or a percentage in quotes like '5%'"
            ],
        ),
        ("answer: €15 million\nunit: euros\n", []),
    ],
)
def test_validation(fields: str, errors: list[str]) -> None:
    assert errors_of("numeric", fields) == errors


def test_read_gives_the_amount_that_grade_takes() -> None:
    read = NUMERIC.read(EUROS, "€15 million")
    assert read == Amount(Decimal(15_000_000), "EUR")
    assert NUMERIC.grade(EUROS, "ignored once parsed", parsed=read).correct
    assert NUMERIC.grade(EUROS, "€15 million", parsed=Amount(Decimal(16), "EUR")).score == 0.0
    unreadable = NUMERIC.read(EUROS, "15 milion")
    assert isinstance(unreadable, Unreadable) and "not a number we can read" in unreadable.message
    assert NUMERIC.grade(EUROS, "15 milion", parsed=unreadable).note.startswith("could not read")


@pytest.mark.parametrize(
    ("spec", "answer"),
    [(FOUNDERS, "3 people"), (FOUNDERS, "It was founded by three people"),
     (EUROS, "15 million Euros."), (EUROS, "Microsoft invested about €15 million")],
)  # fmt: skip
def test_a_number_inside_a_sentence_is_read(spec, answer: str) -> None:
    assert NUMERIC.grade(spec, answer).correct


@pytest.mark.parametrize("answer", ["3 or 4", "not 4"])
def test_two_numbers_or_a_negated_one_are_asked_again(answer: str) -> None:
    read = NUMERIC.read(FOUNDERS, answer)
    assert isinstance(read, Unreadable) and "Nothing was recorded" in read.message

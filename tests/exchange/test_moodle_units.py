"""Numbers with magnitudes and units grade alike in quizapp and in Moodle's numerical question.

The units come from the exported Moodle XML; Moodle's reading of a response is
``helpers.moodle_numerical_value`` (its answer processor, units optional).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from decimal import Decimal

import pytest

from quizapp.bank.spec import Bank
from quizapp.exchange.common import unit_of
from quizapp.exchange.moodle import export_moodle_xml
from quizapp.qtypes import get_type

from .helpers import moodle_numerical_value

AGREE = {
    "microsoft-investment": [
        ("15000000", True), ("15 million", True), ("15m", True), ("15M", True),
        ("15 M€", True), ("15 million euros", True), ("15000000 EUR", True), ("15 mln", True),
        ("15,000,000 €", True), ("15.0 Million", True), ("16 million", False),
        ("15 billion", False), ("15", False),
    ],
    "founders-count": [("3", True), ("3 founders", True), ("4 founders", False)],
}  # fmt: skip
ONLY_QUIZAPP = {"microsoft-investment": ["€15m", "fifteen million"], "founders-count": ["three"]}


def _numericals(bank: Bank) -> dict[str, ET.Element]:
    quiz = ET.fromstring(export_moodle_xml(bank).content)
    return {q.findtext("name/text"): q for q in quiz if q.get("type") == "numerical"}


def _units(question: ET.Element) -> dict[str, Decimal]:
    return {
        u.findtext("unit_name"): Decimal(u.findtext("multiplier"))
        for u in question.findall("units/unit")
    }


def _moodle_right(question: ET.Element, response: str) -> bool:
    value = moodle_numerical_value(response, _units(question))
    answer = Decimal(question.findtext("answer/text"))
    tolerance = Decimal(question.findtext("answer/tolerance"))
    return value is not None and abs(value - answer) <= tolerance


def _quizapp_right(bank: Bank, qid: str, response: str) -> bool:
    return get_type("numeric").grade(bank.questions[qid], response).correct


@pytest.mark.parametrize("qid", list(AGREE))
def test_these_responses_grade_the_same_in_both(tiny_bank: Bank, qid: str) -> None:
    question = _numericals(tiny_bank)[qid]
    assert question.findtext("showunits") == "0"  # units optional: a bare number is graded
    for response, right in AGREE[qid]:
        assert _quizapp_right(tiny_bank, qid, response) is right, response
        assert _moodle_right(question, response) is right, response


@pytest.mark.parametrize("qid", list(ONLY_QUIZAPP))
def test_what_moodle_still_refuses_is_named_in_the_warning(tiny_bank: Bank, qid: str) -> None:
    question = _numericals(tiny_bank)[qid]
    [warning] = [w.message for w in export_moodle_xml(tiny_bank).warnings if w.question_id == qid]
    for response in ONLY_QUIZAPP[qid]:
        assert _quizapp_right(tiny_bank, qid, response), response
        assert not _moodle_right(question, response), response
    assert "number words" in warning
    assert ("currency sign before the number ('€15m')" in warning) is (qid != "founders-count")


def test_the_first_unit_is_the_questions_own_and_every_unit_is_one_quizapp_reads(
    tiny_bank: Bank,
) -> None:
    """Moodle shows the right answer with the first unit; no unit may make Moodle accept a
    spelling quizapp refuses (each is tried as typed, or with one space inside)."""
    for qid, question in _numericals(tiny_bank).items():
        units = _units(question)
        if not units:
            continue
        first, multiplier = next(iter(units.items()))
        assert (first, multiplier) == (unit_of(tiny_bank.questions[qid]), 1)
        value = Decimal(question.findtext("answer/text"))
        for name, multiplier in units.items():
            number = f"{(value * multiplier).normalize():f}"
            typed = [f"{number} {name}"] + [
                f"{number} {name[:i]} {name[i:]}" for i in range(1, len(name))
            ]
            assert any(_quizapp_right(tiny_bank, qid, t) for t in typed), (qid, name)


def test_a_year_asked_as_a_number_has_no_units(tiny_bank: Bank) -> None:
    year = _numericals(tiny_bank)["founded-year"]
    assert year.find("units") is None and year.findtext("showunits") == "3"

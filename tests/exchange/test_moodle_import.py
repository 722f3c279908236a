"""Moodle XML into a topic file: types, HTML, ids, and what cannot come along (by line)."""

from __future__ import annotations

from quizapp.exchange.moodle_import import import_moodle_xml

from .conftest import GIFT_DATA


def _import(data: bytes | None = None):
    data = data or (GIFT_DATA / "foreign-moodle.xml").read_bytes()
    return import_moodle_xml(data, topic="T", default_sources=["harmony"])


def test_types_html_ids_and_tags() -> None:
    imported = _import()
    by_id = {q["id"]: q for q in imported.questions}
    assert list(by_id) == ["geo-capital", "river", "kings", "blank"]
    capital = by_id["geo-capital"]
    assert capital["prompt"] == "What's the **capital** of France?"
    assert capital["choices"] == ["Paris", "Lyon"] and capital["answer"] == "Paris"
    assert capital["explanation"] == "Paris, since 987."
    assert (capital["tags"], capital["difficulty"]) == (["europe"], "easy")
    assert by_id["kings"]["items"] == ["Clovis", "Charlemagne"]
    assert by_id["blank"] == {
        **by_id["blank"],
        "type": "cloze", "prompt": "Fill it in.",
        "text": "The {{Seine}} flows through {{Paris}}.",  # "la Seine" folds to "Seine"
    }  # fmt: skip
    lines = imported.yaml.splitlines()
    assert next(line for line in lines if not line.startswith("#")) == "topic: Geography"


def test_what_cannot_come_along_is_reported_with_its_line() -> None:
    problems = {(p.line, p.message) for p in _import().problems}
    lines = {line for line, _ in problems}
    assert any(line == 17 and "'essay' has no counterpart" in m for line, m in problems)
    image = "image '@@PLUGINFILE@@/seine.png' dropped"
    assert [p.line for p in _import().problems if image in p.message] == [21]  # once
    assert any("partial credit for 'Loire' dropped" in m for _, m in problems)
    assert any(line == 34 and "MULTICHOICE has no counterpart" in m for line, m in problems)
    assert lines <= set(range(1, 45))


def test_a_file_that_is_not_moodle_xml_is_refused_by_line() -> None:
    [problem] = _import(b"<quiz>\n<question type='truefalse'>\n</quiz>\n").problems
    assert problem.line == 3 and "not well-formed" in problem.message
    [problem] = _import(b"<html><body/></html>").problems
    assert "not <quiz>" in problem.message


def test_entities_are_never_expanded() -> None:
    bomb = b"""<?xml version="1.0"?>
<!DOCTYPE quiz [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>
<quiz><question type="truefalse"><name><text>&b;</text></name>
<questiontext><text>Sure?</text></questiontext>
<answer fraction="100"><text>true</text></answer><answer fraction="0"><text>false</text></answer>
</question></quiz>"""
    imported = _import(bomb)
    assert "aaaaaaaaaa" not in imported.yaml


ORDERING_XML = b"""<?xml version="1.0" encoding="UTF-8"?>
<quiz>
  <question type="ordering">
    <name><text>Rounds</text></name>
    <questiontext format="html"><text>Order the rounds.</text></questiontext>
    <layouttype>VERTICAL</layouttype>
    <selecttype>RANDOM</selecttype>
    <selectcount>2</selectcount>
    <gradingtype>ABSOLUTE_POSITION</gradingtype>
    <answer fraction="1" format="moodle_auto_format"><text>Seed</text></answer>
    <answer fraction="2" format="moodle_auto_format"><text>Series A</text></answer>
    <answer fraction="3" format="moodle_auto_format"><text>Series B</text></answer>
  </question>
</quiz>
"""


def test_an_ordering_question_says_what_moodle_shows_and_grades_otherwise() -> None:
    imported = _import(ORDERING_XML)
    [order] = imported.questions
    assert order["items"] == ["Seed", "Series A", "Series B"]
    assert [(p.line, p.message.split(";")[0]) for p in imported.problems] == [
        (3, "Moodle shows 2 of the 3 items (chosen at random)"),
        (3, "Moodle grades it 'absolute position'"),
    ]

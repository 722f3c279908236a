"""A multi-answer question grades the same in quizapp and in Moodle, for every response."""

from __future__ import annotations

import itertools
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from quizapp.exchange.gift import export_gift
from quizapp.exchange.gift_parse import parse_gift
from quizapp.exchange.moodle import export_moodle_xml
from quizapp.qtypes import get_type

from .helpers import bank_of, moodle_score

DEAL_COMPONENTS = """\
  - id: deal-components
    type: multi
    prompt: What did the deal include?
    choices: [Azure compute, A minority stake, Board seat, Exclusive licence]
    answers: [Azure compute, A minority stake]
    explanation: Compute and a small stake.
    sources: [harmony]
  - id: three-of-five
    type: multi
    prompt: Pick the founders.
    choices: [Mensch, Lacroix, Lample, Smith, Nadella]
    answers: [Mensch, Lacroix, Lample]
    explanation: The three founders.
    sources: [harmony]
"""


def _subsets(choices):
    return [set(c) for n in range(len(choices) + 1) for c in itertools.combinations(choices, n)]


def _xml_fractions(content: bytes) -> dict[str, dict[str, float]]:
    quiz = ET.fromstring(content)
    return {
        q.findtext("name/text"): {
            a.findtext("text"): float(a.get("fraction")) for a in q.findall("answer")
        }
        for q in quiz
        if q.get("type") == "multichoice" and q.findtext("single") == "false"
    }


def test_every_response_scores_the_same_in_moodle_xml(tmp_path: Path) -> None:
    bank = bank_of(tmp_path, DEAL_COMPONENTS)
    fractions = _xml_fractions(export_moodle_xml(bank).content)
    multi = get_type("multi")
    for qid, by_choice in fractions.items():
        spec = bank.questions[qid]
        for ticked in _subsets(spec.fields["choices"]):
            ours = multi.grade(spec, sorted(ticked)).score if ticked else 0.0
            assert moodle_score(by_choice, ticked) == pytest.approx(ours, abs=1e-6), (qid, ticked)


def test_ticking_every_box_earns_nothing_in_both(tmp_path: Path) -> None:
    bank = bank_of(tmp_path, DEAL_COMPONENTS)
    spec = bank.questions["deal-components"]
    everything = set(spec.fields["choices"])
    assert get_type("multi").grade(spec, sorted(everything)).score == 0
    fractions = _xml_fractions(export_moodle_xml(bank).content)["deal-components"]
    assert moodle_score(fractions, everything) == 0


def test_gift_weights_are_the_same_as_the_xml_fractions(tmp_path: Path) -> None:
    bank = bank_of(tmp_path, DEAL_COMPONENTS)
    xml = _xml_fractions(export_moodle_xml(bank).content)
    gift = {
        q.name: {a.text: a.weight for a in q.answers}
        for q in parse_gift(export_gift(bank).content.decode())
        if q.kind == "multichoice"
    }
    assert {k: {c: pytest.approx(w) for c, w in v.items()} for k, v in xml.items()} == gift


def test_eleven_right_answers_are_skipped_not_a_refused_file(tmp_path: Path) -> None:
    names = [f"Option {n}" for n in range(12)]
    bank = bank_of(
        tmp_path,
        f"""\
  - id: eleven-right
    type: multi
    prompt: Pick eleven.
    choices: [{", ".join(names)}]
    answers: [{", ".join(names[:11])}]
    explanation: All but one.
    sources: [harmony]
  - id: plain
    type: truefalse
    prompt: True?
    answer: true
    explanation: Yes.
    sources: [harmony]
""",
    )
    for export in (export_moodle_xml(bank), export_gift(bank)):
        assert export.questions == 1
        [warning] = [w for w in export.warnings if w.question_id == "eleven-right"]
        assert "9.09091%" in warning.message and "skipped" in warning.message
    assert b"eleven-right" not in export_moodle_xml(bank).content.split(b"<!-- skipped")[0]
    assert "Pick eleven" not in export_gift(bank).content.decode()


def test_the_gift_import_states_the_shared_rule() -> None:
    from quizapp.exchange.gift_import import import_gift

    imported = import_gift(
        "Which?{~%50%a ~%50%b ~%-50%c ~%-50%d}", topic="T", default_sources=["harmony"]
    )
    assert imported.problems == ()  # Moodle's and our weights agree: 50 each, −50 each
    foreign = import_gift("Which?{~%50%a ~%50%b ~%-100%c ~%-100%d}", topic="T")
    [problem] = [p for p in foreign.problems if "weights" in p.message]
    assert "each wrong one costs 50%" in problem.message

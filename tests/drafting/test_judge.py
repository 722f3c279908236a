"""Judging drafts against labelled facts: matches, rules, verdicts and the gold files."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from quizapp.drafting.gold import GoldError, fingerprint, load_gold
from quizapp.drafting.judge import judge
from quizapp.drafting.pipeline import draft_files

from .conftest import FUNDING

FACTS = """\
article: korvana_funding.txt
split: tune
facts:
  - id: series-b
    fact: Korvana Robotics raised €40 million in its Series B.
    answer: [€40 million]
    about: [Korvana]
    cues: [rais]
  - id: lead
    fact: Halvorsen Capital led the round.
    answer: [Halvorsen Capital]
    about: [Korvana]
    cues: [led]
  - id: retailers
    fact: Korvana's robots serve 45 retailers.
    answer: ["45"]
    about: [Korvana]
    cues: [retailer]
"""


@pytest.fixture
def gold(tmp_path: Path) -> Path:
    folder = tmp_path / "gold"
    folder.mkdir()
    (folder / "korvana.yaml").write_text(FACTS, encoding="utf-8")
    return folder


def test_drafts_are_matched_to_facts_and_the_rest_left_to_a_reader(gold: Path) -> None:
    run = draft_files([FUNDING])
    report = judge(run.drafts, run.conflicts, load_gold(gold))
    [score] = report.articles
    assert score.found == {"series-b", "lead"}
    assert {j.how for j in score.judged} <= {"fact", "rule", "unjudged"}
    assert report.unjudged and all(not j.good for j in report.unjudged)
    assert report.totals() == (score.good, len(score.judged), 2, 3)


def test_a_verdict_decides_its_draft_until_the_draft_changes(gold: Path) -> None:
    run = draft_files([FUNDING])
    unjudged = judge(run.drafts, run.conflicts, load_gold(gold)).unjudged[0].draft
    verdict = (f"verdicts:\n  - draft: {unjudged.id}\n    fingerprint: {fingerprint(unjudged)}\n"
               "    verdict: good\n    why: read and checked\n    fact: retailers\n")  # fmt: skip
    (gold / "verdicts.yaml").write_text(verdict, encoding="utf-8")
    [score] = judge(run.drafts, run.conflicts, load_gold(gold)).articles
    assert "retailers" in score.found
    (gold / "verdicts.yaml").write_text(verdict.replace(fingerprint(unjudged), "0" * 10))
    [score] = judge(run.drafts, run.conflicts, load_gold(gold)).articles
    assert "retailers" not in score.found


def test_a_broken_gold_file_is_a_clear_error(gold: Path) -> None:
    (gold / "korvana.yaml").write_text("article: x.txt\nfacts:\n  - id: a\n", encoding="utf-8")
    with pytest.raises(GoldError, match="needs 'answer' and 'about'"):
        load_gold(gold)


INVESTORS = """\
  - id: investors
    fact: Halvorsen Capital and Brightwater Ventures invested in Korvana.
    answer: [Halvorsen Capital, Brightwater Ventures]
    about: [Korvana]
    cues: [invest]
    several: true
"""


@pytest.mark.parametrize(
    ("prompt", "choices", "good"),
    [
        ("Which of these invested in Korvana?", ["Halvorsen Capital", "Meta", "Oracle"], True),
        (  # another right answer offered as a wrong one
            "Which of these invested in Korvana?",
            ["Halvorsen Capital", "Brightwater Ventures", "Oracle"],
            False,
        ),
        (  # the sum says which investor is meant
            "Which company invested €10 million in Korvana?",
            ["Halvorsen Capital", "Brightwater Ventures", "Oracle"],
            True,
        ),
    ],
)
def test_a_choice_for_one_of_several_answers_offers_no_other(
    gold: Path, prompt: str, choices: list[str], good: bool
) -> None:
    (gold / "korvana.yaml").write_text(FACTS + INVESTORS, encoding="utf-8")
    draft = draft_files([FUNDING]).drafts[0]
    fields = {"choices": choices, "answer": "Halvorsen Capital"}
    asked = replace(draft, id="choice-x", type="choice", prompt=prompt, fields=fields)
    [score] = judge([asked], [], load_gold(gold)).articles
    assert [j.good for j in score.judged] == [good]


@pytest.mark.parametrize(
    ("statement", "answer", "explained", "how"),
    [
        ("Korvana Robotics raised €40 million.", True, "", "fact"),
        ("Korvana Robotics raised €80 million.", False, "The article gives €40 million.", "fact"),
        ("Korvana Robotics raised €80 million.", True, "", "unjudged"),  # not what it says
        (
            "Korvana Robotics raised €40 million.",
            False,
            "The article gives €40 million.",
            "unjudged",
        ),  # fmt: skip
        ("Oracle invested in Korvana.", False, "The article gives Halvorsen Capital.", "unjudged"),
    ],
)
def test_a_statement_is_judged_by_the_fact_it_names(
    gold: Path, statement: str, answer: bool, explained: str, how: str
) -> None:
    (gold / "korvana.yaml").write_text(FACTS + INVESTORS, encoding="utf-8")
    draft = draft_files([FUNDING]).drafts[0]
    asked = replace(draft, id="truefalse-x", type="truefalse", fields={"answer": answer},
                    prompt=f"According to the article, true or false: {statement}",
                    explanation=explained)  # fmt: skip
    [score] = judge([asked], [], load_gold(gold)).articles
    assert [(j.how, j.good) for j in score.judged] == [(how, how == "fact")]

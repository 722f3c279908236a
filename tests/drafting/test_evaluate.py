"""Scoring drafts against a curated bank."""

from __future__ import annotations

from pathlib import Path

from quizapp.bank.validate import load_bank
from quizapp.drafting.evaluate import check_file, evaluate

CURATED = """\
topic: Korvana
questions:
  - id: founding-2019
    type: date
    prompt: In what year was Korvana founded, according to the funding article?
    answer: "2019"
    explanation: The funding article says 2019.
    sources: [korvana-funding]
  - id: series-b
    type: numeric
    prompt: How much did Korvana raise in its Series B, according to the profile?
    answer: 45 million
    unit: EUR
    explanation: The profile says €45 million.
    sources: [korvana-profile]
  - id: robots-count
    type: numeric
    prompt: For how many retailers do Korvana's robots move parcels?
    answer: "45"
    unit: retailers
    explanation: Forty-five.
    sources: [korvana-funding]
"""
DRAFTS = """\
# Skipped as duplicates of bank questions (same answer, similar prompt):
#   date-2019-abcdef12 ~ founding-2019 (questions/korvana.yaml, 100% similar)
topic: Drafts
questions:
  - id: numeric-45-million-1
    type: numeric
    prompt: How much did Korvana raise?
    answer: 45 million
    unit: EUR
    explanation: From the profile.
    sources: [korvana-profile]
    status: draft
  - id: numeric-45-million-2
    type: numeric
    prompt: How much did Korvana raise, says the other article?
    answer: 45 million
    unit: EUR
    explanation: Right value, wrong source.
    sources: [korvana-funding]
    status: draft
  - id: broken-choice
    type: choice
    prompt: Which?
    choices: [A, B]
    answer: C
    explanation: Not valid.
    sources: [korvana-profile]
    status: draft
"""


def test_recovered_shares_and_validation(bank: Path) -> None:
    (bank / "korvana.yaml").write_text(CURATED, encoding="utf-8")
    drafts = bank / "drafts" / "korvana.yaml"
    drafts.parent.mkdir()
    drafts.write_text(DRAFTS, encoding="utf-8")
    checked = check_file(drafts, bank)
    assert (len(checked.questions), checked.valid) == (3, 2)
    assert checked.duplicates_of == {"founding-2019"}
    report = evaluate([checked], load_bank(bank).bank.questions.values())
    assert (report.drafts, report.valid) == (3, 2)
    assert report.per_type == {"numeric": 2, "choice": 1}
    assert (report.dates.recovered, report.dates.total) == (["founding-2019"], ["founding-2019"])
    assert report.amounts.recovered == ["series-b"]
    assert (str(report.numbers), report.numbers.missed) == ("0/1 (0%)", ["robots-count"])
    assert "answer 'C' is not one of the choices" in report.errors[0]

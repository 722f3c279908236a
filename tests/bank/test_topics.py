"""``bank.topics``: the ``evidence`` field of a question (locators, never article text)."""

from __future__ import annotations

from pathlib import Path

from quizapp.bank.spec import Evidence
from quizapp.bank.validate import load_bank

from .test_lint import SOURCES

QUESTION = (
    "topic: T\nquestions:\n  - id: q1\n    type: short\n    prompt: Which?\n    answer: Paris\n"
    "    explanation: Because.\n    sources: [harmony]\n"
)


def load(tmp_path: Path, extra: str):
    folder = tmp_path / "questions"
    folder.mkdir(exist_ok=True)
    (folder / "sources.yaml").write_text(SOURCES)
    (folder / "topic.yaml").write_text(QUESTION + extra)
    return load_bank(folder)


def test_evidence_is_read_and_left_out_of_the_version(tmp_path: Path) -> None:
    plain = load(tmp_path, "").bank.questions["q1"]
    located = load(tmp_path, "    evidence: [harmony 10-42, harmony 50 - 60]\n").bank.questions[
        "q1"
    ]
    assert located.evidence == (Evidence("harmony", 10, 42), Evidence("harmony", 50, 60))
    assert plain.evidence == ()
    assert located.version == plain.version  # pointing at the passage changes no question
    assert "evidence" not in located.content


def test_bad_evidence_says_how_to_write_it(tmp_path: Path) -> None:
    cases = {
        "[harmony]": "cannot read 'harmony' as evidence — write the source id",
        "[harmony 60-50]": "ends before it starts",
        "[explainer 1-5]": "points into 'explainer', which the question does not cite",
    }
    for written, message in cases.items():
        errors = load(tmp_path, f"    evidence: {written}\n").errors
        assert len(errors) == 1 and message in errors[0].message, (written, errors)
        assert errors[0].line == 9

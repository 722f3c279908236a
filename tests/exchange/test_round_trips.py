"""quizapp -> Moodle XML / GIFT -> quizapp keeps every question whole, or says what it lost."""

from __future__ import annotations

from pathlib import Path

import pytest

from quizapp.bank.spec import Bank, QuestionSpec
from quizapp.bank.validate import load_file
from quizapp.exchange import import_bank_file
from quizapp.exchange.gift import export_gift
from quizapp.exchange.moodle import export_moodle_xml

AS_WRITTEN = ("text",)
"""Derived fields holding the answer as the teacher typed it ("15 million"), not its value."""


def _whole(q: QuestionSpec) -> dict[str, object]:
    fields = {k: v for k, v in q.fields.items() if k not in AS_WRITTEN or q.type == "cloze"}
    return {
        "type": q.type, "prompt": q.prompt, "explanation": q.explanation,
        "sources": q.sources, "tags": q.tags, "hint": q.hint, "difficulty": q.difficulty,
        "fields": fields,
    }  # fmt: skip


def _round_trip(bank: Bank, fmt: str, content: bytes, folder: Path) -> Bank:
    imported = import_bank_file(content, fmt, topic="Back", known_sources=bank.sources)
    assert [p for p in imported.problems if "also goes into topic" not in p.message] == []
    path = folder / "back.yaml"
    path.write_text(imported.yaml, encoding="utf-8")
    loaded = load_file(path, bank_dir=folder)
    assert loaded.errors == [] and loaded.bank is not None
    return loaded.bank


@pytest.mark.parametrize(
    ("fmt", "export"), [("moodle-xml", export_moodle_xml), ("gift", export_gift)]
)
def test_every_question_comes_back_whole_or_is_reported(
    tiny_bank: Bank, empty_bank_dir: Path, fmt: str, export
) -> None:
    exported = export(tiny_bank)
    back = _round_trip(tiny_bank, fmt, exported.content, empty_bank_dir)
    skipped = {w.question_id for w in exported.warnings if "skipped" in w.message}
    assert set(back.questions) == set(tiny_bank.questions) - skipped
    for qid, question in back.questions.items():
        assert _whole(question) == _whole(tiny_bank.questions[qid]), qid

"""The CSV overview: one row per question, the agreed columns."""

from __future__ import annotations

import csv
import io

from quizapp.bank.spec import Bank
from quizapp.exchange.csv_export import COLUMNS, export_csv


def test_one_row_per_question_with_the_columns(tiny_bank: Bank) -> None:
    export = export_csv(tiny_bank)
    rows = list(csv.DictReader(io.StringIO(export.content.decode("utf-8"))))
    assert tuple(rows[0]) == COLUMNS
    assert [r["id"] for r in rows] == list(tiny_bank.questions)
    by_id = {r["id"]: r for r in rows}
    assert by_id["mensch-former-lab"] == {
        "id": "mensch-former-lab",
        "topic": "Founders and people",
        "type": "choice",
        "prompt": "Before Mistral AI, Arthur Mensch worked at which *AI lab*?",
        "answer": "Google DeepMind",
        "explanation": "He came from Google DeepMind.",
        "sources": "harmony",
        "tags": "founders",
        "difficulty": "easy",
    }
    assert by_id["mistral-is-french"]["sources"] == "harmony; explainer"
    assert by_id["deal-cloze"]["prompt"].endswith("Microsoft invested _____ euros in _____.")
    assert export.warnings == ()

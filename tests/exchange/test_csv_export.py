"""The CSV overview: one row per question, the agreed columns."""

from __future__ import annotations

import csv
import io

import pytest

from quizapp.bank.spec import Bank
from quizapp.exchange.csv_export import COLUMNS, export_csv, safe_cell


def test_one_row_per_question_with_the_columns(tiny_bank: Bank) -> None:
    export = export_csv(tiny_bank)
    rows = list(csv.DictReader(io.StringIO(export.content.decode("utf-8-sig"))))
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


def test_spreadsheets_get_a_bom_so_accents_show(tiny_bank: Bank) -> None:
    content = export_csv(tiny_bank).content
    assert content.startswith(b"\xef\xbb\xbf")
    assert "Timothée" in content.decode("utf-8-sig")


@pytest.mark.parametrize(
    ("cell", "written"),
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+1", "'+1"),
        ("-2", "'-2"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("2024-02-26", "'2024-02-26"),
        ("26 February 2024", "'26 February 2024"),
        ("February 2024", "'February 2024"),
        ("26/02/2024", "'26/02/2024"),
        ("Google DeepMind", "Google DeepMind"),
        ("2023", "2023"),
        ("15 million", "15 million"),
    ],
)
def test_cells_are_never_formulas_or_converted_dates(cell: str, written: str) -> None:
    assert safe_cell(cell) == written


def test_a_date_answer_stays_text(tiny_bank: Bank) -> None:
    rows = csv.DictReader(io.StringIO(export_csv(tiny_bank).content.decode("utf-8-sig")))
    answers = {r["id"]: r["answer"] for r in rows}
    assert answers["deal-announced"].startswith("'")

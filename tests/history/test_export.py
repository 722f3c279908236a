"""The CSV export: one row per attempt with the question id, only the user's own."""

from __future__ import annotations

import csv
import io
from datetime import timedelta

import pytest

from quizapp.history.export import CSV_COLUMNS, csv_safe
from tests.history.records import NOW
from tests.support.classes import enrol


def read_csv(resp) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(resp.get_data(as_text=True))))


def test_export_has_one_row_per_attempt(client, auth, student, make_user, records) -> None:
    quiz = records.quiz(
        student,
        ["mensch-former-lab", "founders-from-meta"],
        [1.0, 0.5],
        answers=["Google DeepMind", ["Guillaume Lample"]],
        started=NOW - timedelta(hours=2),
    )
    records.attempts(student, [("lample-model", 1.0, NOW)], kind="flashcard", raw_answer="good")
    records.quiz(make_user("student2"), ["lample-model"], [0.0])
    auth.login()
    resp = client.get("/history/export.csv")
    assert resp.status_code == 200
    assert resp.mimetype == "text/csv"
    assert "attachment" in resp.headers["Content-Disposition"]
    rows = read_csv(resp)
    assert list(rows[0]) == list(CSV_COLUMNS)
    assert [r["question_id"] for r in rows] == [
        "mensch-former-lab",
        "founders-from-meta",
        "lample-model",
    ]
    first, second, card = rows
    assert first["quiz_id"] == str(quiz) and first["kind"] == "quiz"
    assert (
        first["answer"] == "Google DeepMind" and first["score"] == "1" and first["correct"] == "1"
    )
    assert first["topic"] == "people"
    assert first["answered_at"] == (NOW - timedelta(hours=2, seconds=-30)).isoformat()
    assert second["answer"] == '["Guillaume Lample"]' and second["score"] == "0.5"
    assert card["kind"] == "flashcard" and card["quiz_id"] == ""


def test_teacher_exports_a_students_csv_students_cannot(
    app, client, auth, student, teacher, make_user, records
) -> None:
    enrol(app, teacher, [student])
    records.quiz(student, ["lample-model"], [1.0])
    auth.login("teacher1")
    rows = read_csv(client.get(f"/teacher/students/{student}/export.csv"))
    assert [r["question_id"] for r in rows] == ["lample-model"]
    auth.logout()
    make_user("student2")
    auth.login("student2")
    assert client.get(f"/teacher/students/{student}/export.csv").status_code == 403
    assert read_csv(client.get("/history/export.csv")) == []


@pytest.mark.parametrize(
    ("typed", "cell"),
    [("=1+1", "'=1+1"), ("@SUM(A1)", "'@SUM(A1)"), ("-5", "'-5"), ("Meta", "Meta"), ("", "")],
)
def test_formulas_are_defused(typed: str, cell: str) -> None:
    assert csv_safe(typed) == cell


def test_export_has_the_confidence_and_cbm_mark(client, auth, student, records) -> None:
    records.attempts(student, [("lample-model", 1.0, NOW)], confidence=2)
    records.attempts(student, [("mensch-former-lab", 0.0, NOW)], confidence=3)
    records.attempts(student, [("founders-from-meta", 0.5, NOW)], confidence=3)
    records.attempts(student, [("deal-cloze", 1.0, NOW)])  # not marked
    auth.login()
    rows = {r["question_id"]: r for r in read_csv(client.get("/history/export.csv"))}
    assert (rows["lample-model"]["confidence"], rows["lample-model"]["cbm_mark"]) == ("2", "2")
    assert rows["mensch-former-lab"]["cbm_mark"] == "-6"  # wrong and very sure
    assert rows["founders-from-meta"]["cbm_mark"] == "1.5"  # half right, very sure: 3 x 0.5
    assert (rows["deal-cloze"]["confidence"], rows["deal-cloze"]["cbm_mark"]) == ("", "")

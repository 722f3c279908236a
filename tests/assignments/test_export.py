"""The gradebook CSV: one row per student, safe to open in a spreadsheet."""

from __future__ import annotations

import csv
import io
from datetime import timedelta

from quizapp.auth.operations import create_user
from quizapp.extensions import db
from quizapp.models import Membership

from .conftest import PEOPLE, START, answer_all, log_in_as, make_assignment, start_try


def test_the_gradebook_downloads_as_csv(app, client, school, clock) -> None:
    assignment_id = make_assignment(app, school.class_a)
    with app.app_context():
        sly = create_user("-sly", "a long password here")  # a cell a spreadsheet would run
        db.session.flush()
        db.session.add(Membership(classroom_id=school.class_a, user_id=sly.id))
        db.session.commit()
    log_in_as(client, school.ann)
    clock.now = START + timedelta(hours=3)
    answer_all(start_try(client, assignment_id), {"founders-from-meta": False})
    log_in_as(client, school.teacher_a)
    resp = client.get(f"/teacher/assignments/{assignment_id}/gradebook.csv")
    assert resp.status_code == 200 and resp.mimetype == "text/csv"
    assert "attachment" in resp.headers["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(resp.get_data(as_text=True))))
    assert rows[0][:7] == [
        "student", "status", "overdue", "tries", "handed_in", "late", "mark_percent",
    ]  # fmt: skip
    assert rows[0][7:] == PEOPLE
    by_name = {row[0]: row for row in rows[1:]}
    assert by_name["ann"][1:] == [
        "done", "no", "1", "2026-03-02T13:00+01:00", "no", "66.7", "1", "0", "1",
    ]  # fmt: skip
    assert by_name["'-sly"][1:4] == ["not started", "no", "0"]  # the apostrophe guard
    assert by_name["'-sly"][6:] == ["", "", "", ""]
    assert "ben" in by_name

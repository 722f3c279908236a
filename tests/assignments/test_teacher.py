"""The teacher's side: creating and changing an assignment through the form, and scoping."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from quizapp.extensions import db
from quizapp.models import Assignment

from .conftest import PEOPLE, START, log_in_as, make_assignment, start_try


def form(**values: object) -> dict[str, object]:
    """A valid form: three hand-picked questions, open now, due tomorrow (Paris clock)."""
    base: dict[str, object] = {
        "title": "Founders",
        "source": "questions",
        "question_ids": "\n".join(PEOPLE),
        "count": "10",
        "opens_at": "2026-03-02T10:00",
        "due_at": "2026-03-03T17:00",
        "attempts_allowed": "1",
        "reveal": "each",
    }
    return base | values


def assignments(app) -> list[Assignment]:
    with app.app_context():
        rows = list(db.session.execute(db.select(Assignment)).scalars())
        db.session.expunge_all()
        return rows


def test_a_teacher_assigns_work_on_the_class_clock(app, client, school) -> None:
    log_in_as(client, school.teacher_a)
    url = f"/teacher/classes/{school.class_a}/assignments/new"
    page = client.get(url).get_data(as_text=True)
    assert "Europe/Paris" in page
    resp = client.post(url, data=form(confidence_marking="y"))
    assert resp.status_code == 302
    (made,) = assignments(app)
    assert made.question_ids == PEOPLE and made.confidence_marking
    assert made.opens_at == datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
    assert made.due_at == datetime(2026, 3, 3, 16, 0, tzinfo=UTC)
    listing = client.get("/teacher/assignments").get_data(as_text=True)
    assert "Founders" in listing and "Tue 3 Mar 2026, 17:00 (Europe/Paris)" in listing


def test_drawn_from_topics(app, client, school) -> None:
    log_in_as(client, school.teacher_a)
    data = form(source="topics", topics=["timeline"], count="4", question_ids="")
    url = f"/teacher/classes/{school.class_a}/assignments/new"
    assert client.post(url, data=data).status_code == 302
    (made,) = assignments(app)
    assert len(made.question_ids) == 4 and made.topics == ["timeline"]


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"due_at": "2026-03-02T09:00"}, "The due time must be after the open time."),
        ({"due_at": "2026-03-02T10:00"}, "The due time must be after the open time."),
        ({"question_ids": "mensch-former-lab\ngone"}, "Not in the question bank: gone."),
        ({"question_ids": " "}, "List at least one question id."),
        ({"source": "topics", "topics": []}, "Choose at least one topic."),
        ({"due_at": "tomorrow"}, "Enter a date and time like 2026-03-09 17:00."),
        ({"due_at": "2026-03-29T02:30"}, "That time does not exist in Europe/Paris"),
        ({"title": "   "}, "Give the assignment a title."),
        ({"attempts_allowed": "-1"}, "Number must be between 0 and 20."),
    ],
)
def test_bad_input_is_explained_and_nothing_is_saved(app, client, school, values, message) -> None:
    log_in_as(client, school.teacher_a)
    resp = client.post(f"/teacher/classes/{school.class_a}/assignments/new", data=form(**values))
    assert resp.status_code == 200
    page = resp.get_data(as_text=True)
    assert message in page.replace("&#39;", "'")
    assert assignments(app) == []
    if "title" not in values:
        assert 'value="Founders"' in page  # what was typed is kept


def test_changing_after_a_student_started_keeps_the_questions(app, client, school) -> None:
    assignment_id = make_assignment(app, school.class_a)
    log_in_as(client, school.ann)
    start_try(client, assignment_id)
    log_in_as(client, school.teacher_a)
    page = client.get(f"/teacher/assignments/{assignment_id}/edit").get_data(as_text=True)
    assert "A student has started" in page and 'name="question_ids"' not in page
    data = form(
        title="Renamed", due_at="2026-03-10T17:00", question_ids="founded-year", reveal="after_due"
    )
    assert client.post(f"/teacher/assignments/{assignment_id}/edit", data=data).status_code == 302
    (changed,) = assignments(app)
    assert changed.title == "Renamed" and changed.question_ids == PEOPLE
    assert changed.reveal == "each" and changed.due_at == START + timedelta(days=8, hours=7)


def test_changing_before_anyone_started_draws_again(app, client, school) -> None:
    assignment_id = make_assignment(app, school.class_a)
    log_in_as(client, school.teacher_a)
    edit = client.get(f"/teacher/assignments/{assignment_id}/edit").get_data(as_text=True)
    assert "2026-03-02T10:00" in edit  # the open time on the class's clock
    data = form(question_ids="founded-year deal-cloze", reveal="after_due")
    url = f"/teacher/assignments/{assignment_id}/edit"
    resp = client.post(url, data=data, follow_redirects=True)
    assert "drawn again" in resp.get_data(as_text=True)
    (changed,) = assignments(app)
    assert changed.question_ids == ["founded-year", "deal-cloze"] and changed.reveal == "after_due"


def test_another_teachers_class_and_assignment_are_not_found(app, client, school) -> None:
    assignment_id = make_assignment(app, school.class_a)
    log_in_as(client, school.teacher_b)
    for url in (
        f"/teacher/classes/{school.class_a}/assignments/new",
        f"/teacher/assignments/{assignment_id}",
        f"/teacher/assignments/{assignment_id}/edit",
        f"/teacher/assignments/{assignment_id}/gradebook.csv",
    ):
        assert client.get(url).status_code == 404, url
    resp = client.post(f"/teacher/classes/{school.class_a}/assignments/new", data=form())
    assert resp.status_code == 404
    resp = client.post(f"/teacher/assignments/{assignment_id}/edit", data=form(title="Mine"))
    assert resp.status_code == 404
    assert [a.title for a in assignments(app)] == ["Homework"]
    assert "Class A" not in client.get("/teacher/assignments").get_data(as_text=True)


def test_students_get_403_on_teacher_pages(app, client, school) -> None:
    assignment_id = make_assignment(app, school.class_a)
    log_in_as(client, school.ann)
    assert client.get(f"/teacher/assignments/{assignment_id}").status_code == 403
    assert client.get("/teacher/assignments").status_code == 403

"""The teacher's gradebook: first answers, marks, completion, most missed, misconceptions."""

from __future__ import annotations

from datetime import timedelta

import pytest

from quizapp.assignments.gradebook import build_gradebook
from quizapp.bank.webapp import current_bank
from quizapp.extensions import db
from quizapp.models import Assignment, Membership

from .conftest import START, answer_all, log_in_as, make_assignment, remove_topic, start_try

DUE = START + timedelta(days=1)


@pytest.fixture
def answered(app, client, school, clock) -> int:
    """Ann all right on time; Ben misses the first question "very sure", late, then retries."""
    assignment_id = make_assignment(
        app, school.class_a, confidence_marking=True, attempts_allowed=2
    )
    log_in_as(client, school.ann)
    answer_all(start_try(client, assignment_id), confidence="2")
    clock.now = DUE + timedelta(hours=1)
    log_in_as(client, school.ben)
    answer_all(start_try(client, assignment_id), {"mensch-former-lab": False}, confidence="3")
    answer_all(start_try(client, assignment_id), confidence="3")  # right now, but not first
    return assignment_id


def book_of(app, assignment_id: int, now):
    with app.app_context():
        assignment = db.session.get(Assignment, assignment_id)
        return build_gradebook(assignment, current_bank(), now)


def test_first_answers_make_the_grid_and_the_marks(app, school, answered, clock) -> None:
    book = book_of(app, answered, clock.now)
    ann, ben = book.rows
    assert (ann.username, ben.username) == ("ann", "ben")
    assert [c.verdict for c in ann.cells] == ["right"] * 3 and ann.mark == 1.0
    assert [c.verdict for c in ben.cells] == ["wrong", "right", "right"]
    assert ben.mark == pytest.approx(2 / 3)
    assert (ann.progress.label, ben.progress.label) == ("done", "late")
    assert book.handed_in == 2 and book.average == pytest.approx(5 / 6)
    (missed,) = book.most_missed
    assert (missed.question_id, missed.missed, missed.answered) == ("mensch-former-lab", 1, 2)
    (wrong,) = book.misconceptions
    assert wrong.question_id == "mensch-former-lab" and wrong.misconceptions == ("OpenAI",)


def test_the_grid_page(app, client, school, answered) -> None:
    log_in_as(client, school.teacher_a)
    page = client.get(f"/teacher/assignments/{answered}").get_data(as_text=True)
    assert (
        "Handed in: <strong>2 of 2</strong>" in page and "average mark <strong>83%</strong>" in page
    )
    assert "wrong, very sure" in page and "“OpenAI” ×1" in page
    assert "missed by 1 of 2 (50%)" in page


def test_students_not_started_count_against_completion(
    app, school, answered, make_user, clock
) -> None:
    dan = make_user("dan")
    with app.app_context():
        db.session.add(Membership(classroom_id=school.class_a, user_id=dan))
        db.session.commit()
    book = book_of(app, answered, clock.now)
    assert book.handed_in == 2 and len(book.rows) == 3
    assert book.rows[2].mark is None and book.rows[2].progress.label == "not started (overdue)"
    assert book.average == pytest.approx(5 / 6)  # over those who handed in


def test_a_question_gone_from_the_bank_still_shows_but_is_not_counted(
    app, client, school, bank_dir, clock
) -> None:
    assignment_id = make_assignment(app, school.class_a, ["founded-year", "mensch-former-lab"])
    log_in_as(client, school.ann)
    answer_all(start_try(client, assignment_id), {"founded-year": False})
    remove_topic(app, bank_dir, "timeline")
    book = book_of(app, assignment_id, clock.now)
    gone, kept = book.columns
    assert not gone.counted and kept.counted
    assert gone.prompt.startswith("In which year")  # from the database copy
    assert book.rows[0].cells[0].verdict == "wrong" and book.rows[0].mark == 1.0
    log_in_as(client, school.teacher_a)
    page = client.get(f"/teacher/assignments/{assignment_id}").get_data(as_text=True)
    assert "no longer in the bank, not counted" in page
    log_in_as(client, school.ben)  # a new try asks only what is left
    driver = start_try(client, assignment_id)
    assert driver.current()[1] == "mensch-former-lab"

"""Creating and changing assignments, and starting a student's try."""

from __future__ import annotations

import random
from datetime import timedelta

import pytest

from quizapp.assignments.operations import (
    AssignmentChoice,
    NotPossible,
    create_assignment,
    start_try,
    update_assignment,
)
from quizapp.bank.webapp import current_bank
from quizapp.extensions import db
from quizapp.models import Assignment, Classroom

from .conftest import PEOPLE, START, make_assignment, remove_topic

DUE = START + timedelta(days=1)


def choice(**values: object) -> AssignmentChoice:
    defaults: dict[str, object] = {"title": "Homework", "opens_at": START, "due_at": DUE}
    return AssignmentChoice(**(defaults | values))  # type: ignore[arg-type]


def test_questions_are_drawn_once_from_the_topics(app, school) -> None:
    with app.app_context():
        classroom = db.session.get(Classroom, school.class_a)
        made = create_assignment(
            classroom, choice(topics=("people",), count=3), current_bank(), START,
            random.Random(1),
        )  # fmt: skip
        people = {q.id for q in current_bank().topics["people"].questions}
        assert len(made.question_ids) == 3 and set(made.question_ids) <= people
        assert made.topics == ["people"]


def test_hand_picked_questions_keep_their_order_without_repeats(app, school) -> None:
    with app.app_context():
        classroom = db.session.get(Classroom, school.class_a)
        ids = ("founded-year", "mensch-former-lab", "founded-year")
        made = create_assignment(classroom, choice(question_ids=ids), current_bank(), START)
        assert made.question_ids == ["founded-year", "mensch-former-lab"]


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"due_at": START}, "due time must be after the open time"),
        ({"due_at": START - timedelta(hours=1)}, "due time must be after the open time"),
        ({"question_ids": ("founded-year", "no-such-question")}, "no-such-question"),
        ({"topics": ("nothing",)}, "no questions"),
    ],
)
def test_bad_choices_are_refused_and_add_nothing(app, school, values, message) -> None:
    with app.app_context():
        classroom = db.session.get(Classroom, school.class_a)
        with pytest.raises(NotPossible, match=message):
            create_assignment(classroom, choice(**values), current_bank(), START)
        db.session.rollback()
        assert db.session.execute(db.select(Assignment)).first() is None


def test_everything_changes_until_a_student_starts(app, school) -> None:
    assignment_id = make_assignment(app, school.class_a)
    with app.app_context():
        assignment = db.session.get(Assignment, assignment_id)
        new = choice(title="Quiz 1", question_ids=("founded-year",), reveal="after_due")
        assert update_assignment(assignment, new, current_bank(), START) is True
        assert assignment.question_ids == ["founded-year"] and assignment.reveal == "after_due"
        db.session.commit()


def test_after_a_student_started_the_questions_and_reveal_are_locked(app, school) -> None:
    assignment_id = make_assignment(app, school.class_a, reveal="after_due")
    with app.app_context():
        assignment = db.session.get(Assignment, assignment_id)
        start_try(assignment, school.ann, current_bank(), START)
        later = DUE + timedelta(days=2)
        new = choice(
            title="Renamed", due_at=later, attempts_allowed=3,
            question_ids=("founded-year",), reveal="each", confidence_marking=True,
        )  # fmt: skip
        assert update_assignment(assignment, new, current_bank(), START) is False
        assert (assignment.title, assignment.due_at, assignment.attempts_allowed) == (
            "Renamed", later, 3,
        )  # fmt: skip
        assert assignment.question_ids == PEOPLE
        assert (assignment.reveal, assignment.confidence_marking) == ("after_due", False)


def test_a_try_waits_for_the_open_time(app, school) -> None:
    assignment_id = make_assignment(app, school.class_a, opens_at=START + timedelta(hours=1))
    with app.app_context():
        assignment = db.session.get(Assignment, assignment_id)
        with pytest.raises(NotPossible, match="not open yet"):
            start_try(assignment, school.ann, current_bank(), START)
        quiz = start_try(assignment, school.ann, current_bank(), START + timedelta(hours=1))
        assert quiz.assignment_id == assignment_id and quiz.question_ids == PEOPLE


def test_the_unfinished_try_is_resumed_and_used_tries_run_out(app, school) -> None:
    assignment_id = make_assignment(app, school.class_a, attempts_allowed=1)
    with app.app_context():
        assignment = db.session.get(Assignment, assignment_id)
        first = start_try(assignment, school.ann, current_bank(), START)
        assert start_try(assignment, school.ann, current_bank(), START).id == first.id
        first.finished_at = START + timedelta(minutes=5)
        with pytest.raises(NotPossible, match="used all 1 attempt"):
            start_try(assignment, school.ann, current_bank(), START + timedelta(minutes=6))


def test_late_tries_are_allowed(app, school) -> None:
    assignment_id = make_assignment(app, school.class_a)
    with app.app_context():
        assignment = db.session.get(Assignment, assignment_id)
        quiz = start_try(assignment, school.ann, current_bank(), DUE + timedelta(days=3))
        assert quiz.assignment_id == assignment_id


def test_questions_gone_from_the_bank_are_left_out_of_new_tries(app, school, bank_dir) -> None:
    assignment_id = make_assignment(app, school.class_a, ["founded-year", *PEOPLE])
    dates_only = make_assignment(app, school.class_a, ["founded-year", "deal-cloze"])
    remove_topic(app, bank_dir, "timeline")
    with app.app_context():
        assignment = db.session.get(Assignment, assignment_id)
        quiz = start_try(assignment, school.ann, current_bank(), START)
        assert quiz.question_ids == PEOPLE
        with pytest.raises(NotPossible, match="tell your teacher"):
            start_try(db.session.get(Assignment, dates_only), school.ben, current_bank(), START)

"""IDOR probes: one student aims every id-bearing URL at another's quizzes, answers and cards.

Alice and Bob both study. Bob requests every URL that names one of Alice's ids: each is a 404
(403 for teacher pages), Alice's rows are unchanged afterwards, and Bob's own pages and CSV
show only his data. A teacher may see any student, but only through URLs whose ids agree.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from quizapp.bank.webapp import current_bank
from quizapp.extensions import db
from quizapp.models import Assignment, Attempt, Card, Classroom, Membership, Quiz, RatingLog

from ..conftest import START
from .activity import Activity, log_in_as, make_activity

#: Rules whose parameters name something a student owns: each is probed below.
OWNED = {
    "study.quiz", "study.answer", "study.feedback", "study.results", "study.retry", "study.end",
    "history.quiz", "review.suspend", "review.unsuspend",
    "teacher.student_history", "teacher.student_quiz", "teacher.student_export",
    "assignments.show", "assignments.start", "assignments.new", "assignments.edit",
    "assignments.grid", "assignments.gradebook",
}  # fmt: skip
#: Rules whose parameters name shared things: a bank question, an export format, a file.
SHARED = {
    "flashcards.card", "flashcards.rate", "teacher.question", "teacher.question_yaml",
    "teacher.export_bank_file", "static",
}  # fmt: skip


@pytest.fixture
def people(app: Flask, client: FlaskClient, make_user) -> tuple[Activity, Activity]:
    """Alice's activity and Bob's, made through the pages."""
    alice = make_activity(app, client, make_user("alice"))
    bob = make_activity(app, client, make_user("bob"))
    return alice, bob


def snapshot(app: Flask, user_id: int) -> dict[str, Any]:
    """Everything a student's study wrote, to compare before and after the probes."""
    with app.app_context():

        def rows(model: Any, *columns: Any) -> list[tuple[Any, ...]]:
            query = db.select(*columns).where(model.user_id == user_id).order_by(model.id)
            return [tuple(row) for row in db.session.execute(query)]

        return {
            "quizzes": rows(Quiz, Quiz.id, Quiz.position, Quiz.finished_at),
            "attempts": rows(Attempt, Attempt.id, Attempt.score, Attempt.raw_answer),
            "cards": rows(Card, Card.id, Card.reps, Card.due, Card.suspended),
            "ratings": rows(RatingLog, RatingLog.id, RatingLog.rating),
        }


def probes(alice: Activity) -> list[tuple[str, str, int]]:
    """(method, URL, expected status) for every owned rule, aimed at Alice's ids."""
    found: list[tuple[str, str, int]] = []
    for quiz in (alice.finished_quiz, alice.unfinished_quiz):
        found += [
            ("GET", f"/quiz/{quiz}", 404),
            ("POST", f"/quiz/{quiz}", 404),
            ("GET", f"/quiz/{quiz}/answers/0", 404),
            ("GET", f"/quiz/{quiz}/results", 404),
            ("POST", f"/quiz/{quiz}/retry", 404),
            ("POST", f"/quiz/{quiz}/end", 404),
            ("GET", f"/history/quiz/{quiz}", 404),
            ("GET", f"/teacher/students/{alice.user_id}/history/quiz/{quiz}", 403),
        ]
    for card in alice.card_ids:
        found += [
            ("POST", f"/review/cards/{card}/suspend", 404),
            ("POST", f"/review/cards/{card}/unsuspend", 404),
        ]
    found += [
        ("GET", f"/teacher/students/{alice.user_id}/history", 403),
        ("GET", f"/teacher/students/{alice.user_id}/export.csv", 403),
    ]
    return found


def class_probes(classroom_id: int, assignment_id: int) -> list[tuple[str, str, int, int]]:
    """(method, URL, status for a student outside the class, status for another teacher)
    for every rule naming a class or an assignment."""
    student, teacher = f"/assignments/{assignment_id}", f"/teacher/assignments/{assignment_id}"
    return [
        ("GET", student, 404, 404),
        ("POST", f"{student}/start", 404, 404),
        ("GET", f"/teacher/classes/{classroom_id}/assignments/new", 403, 404),
        ("POST", f"/teacher/classes/{classroom_id}/assignments/new", 403, 404),
        ("GET", teacher, 403, 404),
        ("GET", f"{teacher}/edit", 403, 404),
        ("POST", f"{teacher}/edit", 403, 404),
        ("GET", f"{teacher}/gradebook.csv", 403, 404),
    ]


def test_every_rule_with_an_id_is_probed(app: Flask) -> None:
    with_parameters = {rule.endpoint for rule in app.url_map.iter_rules() if rule.arguments}
    assert with_parameters == OWNED | SHARED
    urls = app.url_map.bind("localhost")
    someone = Activity(1, 2, 3, 0, (4,), ("q",))
    tried = [(m, url) for m, url, _ in probes(someone)]
    tried += [(m, url) for m, url, _, _ in class_probes(5, 6)]
    probed = {urls.match(url, method=method)[0] for method, url in tried}
    assert probed == OWNED  # each owned rule has a probe (a rule left out would go untried)


def test_another_classes_assignment_and_another_teachers_are_not_found(
    app: Flask, client: FlaskClient, make_user
) -> None:
    """Alice is in Tess's class, which has an assignment Alice started; Bob (a student in no
    class) and Tom (a teacher of another class) try every class and assignment URL."""
    tess, tom = make_user("tess", teacher=True), make_user("tom", teacher=True)
    alice, bob = make_user("alice"), make_user("bob")
    with app.app_context():
        current_bank()
        mine = Classroom(name="Tess's class", join_code="TESS0001", teacher_id=tess)
        other = Classroom(name="Tom's class", join_code="TOMS0001", teacher_id=tom)
        db.session.add_all([mine, other])
        db.session.flush()
        db.session.add(Membership(classroom_id=mine.id, user_id=alice))
        homework = Assignment(
            classroom_id=mine.id, title="Homework", topics=[], question_ids=["founded-year"],
            opens_at=START, due_at=START + timedelta(days=1),
        )  # fmt: skip
        db.session.add(homework)
        db.session.commit()
        classroom_id, assignment_id = mine.id, homework.id
    log_in_as(client, alice)
    assert client.post(f"/assignments/{assignment_id}/start").status_code == 302

    def state() -> list[tuple[object, ...]]:
        with app.app_context():
            rows = db.session.execute(
                db.select(Assignment.id, Assignment.title, Assignment.due_at, Quiz.id, Quiz.user_id)
                .outerjoin(Quiz, Quiz.assignment_id == Assignment.id)
                .order_by(Assignment.id, Quiz.id)
            )
            return [tuple(row) for row in rows]

    before = state()
    form = {"title": "Taken", "source": "questions", "question_ids": "founded-year",
            "opens_at": "2026-03-02T10:00", "due_at": "2026-03-09T10:00",
            "attempts_allowed": "1", "reveal": "each"}  # fmt: skip
    for who, column in ((bob, 2), (tom, 3)):
        log_in_as(client, who)
        for probe in class_probes(classroom_id, assignment_id):
            method, url, status = probe[0], probe[1], probe[column]
            resp = client.open(url, method=method, data=form if method == "POST" else None)
            assert resp.status_code == status, (who, method, url, resp.status_code)
    assert state() == before
    log_in_as(client, tess)
    assert client.get(f"/teacher/assignments/{assignment_id}").status_code == 200


def test_another_students_ids_are_not_found(app: Flask, client, people) -> None:
    alice, bob = people
    before = snapshot(app, alice.user_id)
    log_in_as(client, bob.user_id)
    for method, url, status in probes(alice):
        form = {"position": "0", "question_id": "mensch-former-lab", "answer": "Meta"}
        resp = client.open(url, method=method, data=form if method == "POST" else None)
        assert resp.status_code == status, (method, url, resp.status_code)
    assert snapshot(app, alice.user_id) == before


def test_shared_ids_act_on_your_own_card(app: Flask, client, people) -> None:
    """Rating or undoing a question Alice has a card on changes Bob's card, never hers."""
    alice, bob = people
    before = snapshot(app, alice.user_id)
    log_in_as(client, bob.user_id)
    question_id = alice.card_questions[0]
    assert client.get(f"/flashcards/q/{question_id}?flipped=1").status_code == 200
    with app.app_context():
        card = db.session.execute(
            db.select(Card).filter_by(user_id=bob.user_id, question_id=question_id)
        ).scalar_one_or_none()
        reps = card.reps if card else 0
    resp = client.post(f"/flashcards/q/{question_id}", data={"rating": "4", "reps": str(reps)})
    assert resp.status_code == 302
    assert client.post("/flashcards/undo").status_code == 302
    assert client.post("/flashcards/undo").status_code == 302
    assert snapshot(app, alice.user_id) == before


def test_your_pages_and_csv_hold_only_your_data(app: Flask, client, people) -> None:
    alice, bob = people
    log_in_as(client, bob.user_id)
    with client.get("/history/export.csv") as resp:
        lines = resp.get_data(as_text=True).splitlines()[1:]
    sessions = {line.split(",")[2] for line in lines}
    assert str(bob.finished_quiz) in sessions and str(alice.finished_quiz) not in sessions
    page = client.get("/history/").get_data(as_text=True)
    assert f"/history/quiz/{bob.finished_quiz}" in page
    assert f"/history/quiz/{alice.finished_quiz}" not in page


def test_teachers_urls_must_agree_on_the_student(app: Flask, client, make_user, people) -> None:
    """A teacher sees Alice's session under Alice, not under Bob's id."""
    alice, bob = people
    log_in_as(client, make_user("teacher1", teacher=True))
    session = f"history/quiz/{alice.finished_quiz}"
    assert client.get(f"/teacher/students/{alice.user_id}/{session}").status_code == 200
    assert client.get(f"/teacher/students/{bob.user_id}/{session}").status_code == 404
    assert client.get("/teacher/students/999999/history").status_code == 404
    assert client.get("/teacher/students/999999/export.csv").status_code == 404

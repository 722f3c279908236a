"""IDOR probes: one student aims every id-bearing URL at another's quizzes, answers, cards and
class; another teacher aims every teacher URL at a class and a student that are not theirs.

Alice and Bob both study; Alice is in Tess's class. Bob requests every URL that names one of
Alice's ids: each is a 404 (403 for teacher and admin pages), Alice's rows are unchanged
afterwards, and Bob's own pages and CSV show only his data. Tom, another teacher, gets a 404
for every URL naming Tess's class or Alice. A teacher sees a student of their class only
through URLs whose ids agree.
A teacher's exams are theirs too: another teacher gets 404 for every URL naming one (a student
403), and an exam named under a class it is not on is 404 to its own teacher too.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from quizapp.bank.webapp import current_bank
from quizapp.extensions import db
from quizapp.models import (
    Assignment,
    Attempt,
    Card,
    Classroom,
    ExamDate,
    Membership,
    Quiz,
    RatingLog,
    Regrade,
    User,
)

from ..conftest import START
from ..support.classes import enrol
from .activity import Activity, log_in_as, make_activity

#: Rules whose parameters name something a student owns: each is probed below.
OWNED = {
    "study.quiz", "study.answer", "study.feedback", "study.results", "study.retry", "study.end",
    "study.discard",
    "history.quiz", "review.suspend", "review.unsuspend",
    "teacher.student_history", "teacher.student_quiz", "teacher.student_export",
    "classes.leave", "classroom.show", "classroom.edit", "classroom.rotate", "classroom.remove",
    "admin.change_role", "account.new_reset_code",
    "exams.index", "exams.add", "exams.show", "exams.remove",
    "assignments.show", "assignments.start", "assignments.new", "assignments.edit",
    "assignments.grid", "assignments.gradebook",
}  # fmt: skip
#: Rules whose parameters name shared things: a bank question, an export format, a file, a
#: class's join code (knowing the code is what lets a student in; forged codes: test_views),
#: an article (``articles.source``: probed below, it names sources.yaml ids, never a path).
#: The bank editor's files and revisions belong to the bank, which every teacher edits;
#: students get 403 on each (tests/editor/test_bad_input.py), names outside the bank 404.
SHARED = {
    "flashcards.card", "flashcards.rate", "teacher.question", "teacher.question_yaml",
    "teacher.export_bank_file", "static", "assets", "articles.source", "classes.join_link",
    "account.reset",  # a one-time secret code, not an id (tests/account/test_resets.py)
    "teacher.editor.edit", "teacher.editor.save", "teacher.editor.preview",
    "teacher.editor.revision", "teacher.editor.revert_revision",
    "teacher.regrade", "teacher.undo_regrade",  # regrades are the bank's too (below)
}  # fmt: skip
#: Teacher rules, probed by another teacher in `test_another_teachers_class_is_not_found`.
TEACHERS = {rule for rule in OWNED if rule.startswith(("teacher.", "classroom."))}


@pytest.fixture
def people(app: Flask, client: FlaskClient, make_user) -> tuple[Activity, Activity]:
    """Alice's activity and Bob's, made through the pages."""
    alice = make_activity(app, client, make_user("alice"))
    bob = make_activity(app, client, make_user("bob"))
    return alice, bob


@pytest.fixture
def tess_class(app: Flask, make_user, people) -> int:
    """Tess's class, with Alice in it (Bob is in no class)."""
    return enrol(app, make_user("tess", teacher=True), [people[0].user_id])


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
            "classes": rows(Membership, Membership.classroom_id),
            "codes": sorted(db.session.execute(db.select(Classroom.id, Classroom.join_code,
                                                         Classroom.name)).all()),
            "role": db.session.get(User, user_id).role,
        }  # fmt: skip


def class_probes(classroom: int, student: int, status: int) -> list[tuple[str, str, int]]:
    """(method, URL, expected status) for the teacher rules naming a class (and a student)."""
    return [
        ("GET", f"/teacher/classes/{classroom}", status),
        ("POST", f"/teacher/classes/{classroom}", status),
        ("POST", f"/teacher/classes/{classroom}/code", status),
        ("POST", f"/teacher/classes/{classroom}/students/{student}/remove", status),
        ("GET", f"/teacher/students?class={classroom}", status),
    ]


def probes(alice: Activity, classroom: int) -> list[tuple[str, str, int]]:
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
            ("POST", f"/quiz/{quiz}/discard", 404),
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
        ("POST", f"/account/reset-codes/{alice.user_id}", 403),
        ("POST", f"/classes/{classroom}/leave", 404),
        ("POST", f"/admin/users/{alice.user_id}/role", 403),
        *class_probes(classroom, alice.user_id, 403),
    ]
    return found


def exam_probes(classroom_id: int, exam_id: int) -> list[tuple[str, str]]:
    """(method, URL) for every rule naming a class's exam, aimed at one class and exam."""
    base = f"/teacher/classes/{classroom_id}/exams"
    return [("GET", base), ("POST", base), ("GET", f"{base}/{exam_id}"),
            ("POST", f"{base}/{exam_id}/remove")]  # fmt: skip


FORM = {"position": "0", "question_id": "mensch-former-lab", "answer": "Meta"}
FORM |= {"name": "Renamed", "time_zone": "UTC", "role": "teacher"}


def run_probes(client: FlaskClient, found: list[tuple[str, str, int]]) -> None:
    """Request each probe, a POST with a form that would change something if it were let in."""
    for method, url, status in found:
        resp = client.open(url, method=method, data=FORM if method == "POST" else None)
        assert resp.status_code == status, (method, url, resp.status_code)


def assignment_probes(classroom_id: int, assignment_id: int) -> list[tuple[str, str, int, int]]:
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

    def rules(found: list[tuple[str, str, int]]) -> set[str]:
        matched = {urls.match(url.partition("?")[0], method=method)[0] for method, url, _ in found}
        return matched - {"teacher.students"}  # its class id is in the query string

    exams = [(method, url, 404) for method, url in exam_probes(5, 6)]
    probed = rules(probes(someone, 5)) | rules(exams)
    assignments = [(m, url, 404) for m, url, _, _ in assignment_probes(5, 6)]
    probed |= rules(assignments)
    assert probed == OWNED  # each owned rule has a probe (a rule left out would go untried)
    teacher_probes = class_probes(5, 1, 404) + teacher_student_probes(someone)
    assert rules(teacher_probes) == TEACHERS


def classes_snapshot(app: Flask) -> list[tuple[Any, ...]]:
    """Every class and exam row, to compare before and after the probes."""
    with app.app_context():
        rows = db.session.execute(db.select(Classroom.id, Classroom.name).order_by(Classroom.id))
        exams = db.session.execute(
            db.select(ExamDate.id, ExamDate.classroom_id, ExamDate.name, ExamDate.exam_on).order_by(
                ExamDate.id
            )
        )
        return [tuple(row) for row in rows] + [tuple(row) for row in exams]


def test_another_teachers_exam_is_not_found(app: Flask, client, make_user) -> None:
    """Ann's class and exam: Ben (a teacher) gets 404, a student 403, Ann her pages; an exam
    named under another of Ann's classes is 404 to Ann too."""
    ann, ben = make_user("ann", teacher=True), make_user("ben", teacher=True)
    student = make_user("stu")
    with app.app_context():
        rooms = [Classroom(name=n, join_code=f"CODE{n}", teacher_id=ann) for n in "AB"]
        db.session.add_all(rooms)
        db.session.flush()
        exam = ExamDate(classroom_id=rooms[0].id, name="Midterm", topics=["people"],
                        exam_on=date(2026, 3, 20))  # fmt: skip
        db.session.add(exam)
        db.session.commit()
        room, other, exam_id = rooms[0].id, rooms[1].id, exam.id
    before = classes_snapshot(app)
    form = {"name": "Forged", "exam_on": "2026-04-01", "topics": "people"}
    for who, status in ((ben, 404), (student, 403)):
        log_in_as(client, who)
        for method, url in exam_probes(room, exam_id):
            resp = client.open(url, method=method, data=form if method == "POST" else None)
            assert resp.status_code == status, (who, method, url, resp.status_code)
    log_in_as(client, ann)
    for method, url in exam_probes(other, exam_id)[2:]:
        assert client.open(url, method=method).status_code == 404, (method, url)
    assert client.get(f"/teacher/classes/{room}/exams/{exam_id}").status_code == 200
    assert client.get("/teacher/classes/999999/exams").status_code == 404
    assert classes_snapshot(app) == before




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
        for probe in assignment_probes(classroom_id, assignment_id):
            method, url, status = probe[0], probe[1], probe[column]
            resp = client.open(url, method=method, data=form if method == "POST" else None)
            assert resp.status_code == status, (who, method, url, resp.status_code)
    assert state() == before
    log_in_as(client, tess)
    assert client.get(f"/teacher/assignments/{assignment_id}").status_code == 200


def test_regrades_belong_to_the_bank(app: Flask, client, make_user) -> None:
    """A student gets 403 on both regrade URLs; a teacher gets 404 for a regrade named under
    another question or one that does not exist, and nothing changes."""
    with app.app_context():
        current_bank()  # the bank's questions synced into the database
        regrade = Regrade(question_id="lample-model", answer="LLaMA 1")
        db.session.add(regrade)
        db.session.commit()
        regrade_id = regrade.id
    own = f"/teacher/questions/lample-model/regrades/{regrade_id}/undo"
    log_in_as(client, make_user("stu"))
    for url in (own, "/teacher/questions/lample-model/regrade"):
        assert client.post(url, data={"answer": "llama 1"}).status_code == 403, url
    log_in_as(client, make_user("tea", teacher=True))
    for url in (
        f"/teacher/questions/mensch-former-lab/regrades/{regrade_id}/undo",
        "/teacher/questions/lample-model/regrades/999999/undo",
    ):
        assert client.post(url).status_code == 404, url
    with app.app_context():
        assert db.session.get(Regrade, regrade_id).undone_at is None




def test_another_students_ids_are_not_found(app: Flask, client, people, tess_class) -> None:
    alice, bob = people
    before = snapshot(app, alice.user_id)
    log_in_as(client, bob.user_id)
    run_probes(client, probes(alice, tess_class))
    assert snapshot(app, alice.user_id) == before


def teacher_student_probes(alice: Activity) -> list[tuple[str, str, int]]:
    """The teacher rules naming a student, aimed at Alice, for a teacher who is not hers."""
    return [
        ("GET", f"/teacher/students/{alice.user_id}/history", 404),
        ("GET", f"/teacher/students/{alice.user_id}/history/quiz/{alice.finished_quiz}", 404),
        ("GET", f"/teacher/students/{alice.user_id}/export.csv", 404),
    ]


def test_another_teachers_class_is_not_found(
    app: Flask, client, make_user, people, tess_class
) -> None:
    """Tom teaches his own class (Bob is in it) and probes Tess's class and Alice: all 404."""
    alice, bob = people
    tom = make_user("tom", teacher=True)
    enrol(app, tom, [bob.user_id], name="Tom's class")
    before = snapshot(app, alice.user_id)
    log_in_as(client, tom)
    run_probes(client, class_probes(tess_class, alice.user_id, 404))
    run_probes(client, teacher_student_probes(alice))
    run_probes(client, [("POST", f"/admin/users/{alice.user_id}/role", 403)])
    assert snapshot(app, alice.user_id) == before
    page = client.get("/teacher/students").get_data(as_text=True)
    assert "bob</a>" in page and "alice" not in page
    assert "alice" not in client.get("/teacher/questions").get_data(as_text=True)


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
    """A teacher of both sees Alice's session under Alice, not under Bob's id."""
    alice, bob = people
    teacher = make_user("teacher1", teacher=True)
    enrol(app, teacher, [alice.user_id, bob.user_id])
    log_in_as(client, teacher)
    session = f"history/quiz/{alice.finished_quiz}"
    assert client.get(f"/teacher/students/{alice.user_id}/{session}").status_code == 200
    assert client.get(f"/teacher/students/{bob.user_id}/{session}").status_code == 404
    assert client.get("/teacher/students/999999/history").status_code == 404
    assert client.get("/teacher/students/999999/export.csv").status_code == 404


def test_the_reader_opens_only_listed_articles(app: Flask, client, make_user) -> None:
    """A source id names an entry of sources.yaml, never a file: paths and unknown ids 404,
    and visitors are sent to log in first."""
    assert client.get("/sources/harmony").status_code == 302
    log_in_as(client, make_user("carol"))
    assert client.get("/sources/harmony").status_code == 200
    for probe in ("../sources.yaml", "..%2F..%2Fetc%2Fpasswd", "002_5e6a24c1d0fa9476.txt", "nope"):
        assert client.get(f"/sources/{probe}").status_code == 404, probe
    assert client.get("/sources/?topic=../people").status_code == 404

"""Class operations on the database: create, rotate, join (twice), leave, remove."""

from __future__ import annotations

from datetime import timedelta

from flask import Flask

from quizapp.classes import operations as ops
from quizapp.classes.codes import ALPHABET, show_code
from quizapp.extensions import db
from quizapp.models import Classroom, Membership, User

from ..conftest import START


def members(classroom_id: int) -> list[tuple[int, object]]:
    rows = db.session.execute(
        db.select(Membership.user_id, Membership.joined_at).filter_by(classroom_id=classroom_id)
    )
    return sorted(tuple(row) for row in rows)


def test_a_class_gets_a_code_and_the_clock_s_time(app: Flask, teacher) -> None:
    with app.app_context():
        classroom = ops.create_classroom(teacher, "  Year 10  ", "Europe/Paris", START)
        db.session.commit()
        assert (classroom.name, classroom.time_zone, classroom.teacher_id) == (
            "Year 10",
            "Europe/Paris",
            teacher,
        )
        assert classroom.created_at == START
        assert len(classroom.join_code) == 8 and set(classroom.join_code) <= set(ALPHABET)
        other = ops.create_classroom(teacher, "Year 11", "UTC", START)
        assert other.join_code != classroom.join_code


def test_joining_twice_changes_nothing(app: Flask, teacher, student, clock) -> None:
    with app.app_context():
        classroom = ops.create_classroom(teacher, "Year 10", "UTC", START)
        db.session.commit()
        user = db.session.get(User, student)
        first = ops.join(user, show_code(classroom.join_code).lower(), clock())
        db.session.commit()
        assert isinstance(first, ops.Joined) and not first.already
        clock.advance(hours=1)
        again = ops.join(user, classroom.join_code, clock())
        db.session.commit()
        assert isinstance(again, ops.Joined) and again.already
        assert members(classroom.id) == [(student, START)]


def test_a_student_joins_several_classes(app: Flask, teacher, student, make_user) -> None:
    other_teacher = make_user("teacher2", teacher=True)
    with app.app_context():
        a = ops.create_classroom(teacher, "A", "UTC", START)
        b = ops.create_classroom(other_teacher, "B", "UTC", START)
        db.session.commit()
        user = db.session.get(User, student)
        for classroom in (a, b):
            assert isinstance(ops.join(user, classroom.join_code, START), ops.Joined)
        db.session.commit()
        assert members(a.id) == members(b.id) == [(student, START)]


def test_forged_and_old_codes_are_refused(app: Flask, teacher, student) -> None:
    with app.app_context():
        classroom = ops.create_classroom(teacher, "Year 10", "UTC", START)
        db.session.commit()
        user = db.session.get(User, student)
        forged = ops.join(user, "ACDE-FHJK", START)  # no class has it (1 in 3.8e10)
        assert isinstance(forged, ops.NotJoined) and "No class has the code" in forged.message
        old = ops.rotate_code(classroom)
        db.session.commit()
        assert old != classroom.join_code
        stale = ops.join(user, old, START)
        assert isinstance(stale, ops.NotJoined) and show_code(old) in stale.message
        typo = ops.join(user, "KXMO-47RA", START)
        assert isinstance(typo, ops.NotJoined) and "never contain 'O'" in typo.message
        assert members(classroom.id) == []


def test_teachers_do_not_join(app: Flask, teacher) -> None:
    with app.app_context():
        classroom = ops.create_classroom(teacher, "Year 10", "UTC", START)
        db.session.commit()
        outcome = ops.join(db.session.get(User, teacher), classroom.join_code, START)
        assert isinstance(outcome, ops.NotJoined) and "Only student accounts" in outcome.message


def test_rotating_keeps_the_members(app: Flask, teacher, student) -> None:
    with app.app_context():
        classroom = ops.create_classroom(teacher, "Year 10", "UTC", START)
        ops.join(db.session.get(User, student), classroom.join_code, START)
        ops.rotate_code(classroom)
        db.session.commit()
        assert members(classroom.id) == [(student, START)]


def test_removing_a_member_keeps_the_class(app: Flask, teacher, student) -> None:
    with app.app_context():
        classroom = ops.create_classroom(teacher, "Year 10", "UTC", START)
        ops.join(db.session.get(User, student), classroom.join_code, START)
        db.session.commit()
        assert ops.remove_member(classroom.id, student)
        assert not ops.remove_member(classroom.id, student)  # not in it any more
        db.session.commit()
        assert members(classroom.id) == []
        assert db.session.get(Classroom, classroom.id) is not None


def test_updating_a_class(app: Flask, teacher) -> None:
    with app.app_context():
        classroom = ops.create_classroom(teacher, "Year 10", "UTC", START + timedelta(days=1))
        ops.update_classroom(classroom, " Year 10 B ", "Asia/Tokyo")
        db.session.commit()
        assert (classroom.name, classroom.time_zone) == ("Year 10 B", "Asia/Tokyo")

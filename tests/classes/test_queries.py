"""Who sees which class and student: teachers their classes', admins everyone, students nobody."""

from __future__ import annotations

import pytest
from flask import Flask
from werkzeug.exceptions import NotFound

from quizapp.classes.queries import (
    class_summaries,
    classroom_or_404,
    student_classes,
    student_or_404,
    visible_student_ids,
)
from quizapp.extensions import db
from quizapp.models import User

from ..support.classes import enrol, make_class


@pytest.fixture
def school(app: Flask, make_user) -> dict[str, int]:
    """Tess teaches ann and bob; Tom teaches bob and cyd; dee is in no class; Ada is the admin."""
    ids = {name: make_user(name) for name in ("ann", "bob", "cyd", "dee")}
    ids |= {name: make_user(name, teacher=True) for name in ("tess", "tom")}
    ids["ada"] = make_user("ada", admin=True)
    ids["tess_class"] = enrol(app, ids["tess"], [ids["ann"], ids["bob"]], name="Year 10")
    ids["tom_class"] = enrol(app, ids["tom"], [ids["bob"], ids["cyd"]], name="year 9")
    ids["tom_empty"] = make_class(app, ids["tom"], "Art")
    return ids


def visible(app: Flask, viewer: int) -> set[int]:
    with app.app_context():
        user = db.session.get(User, viewer)
        return set(db.session.execute(visible_student_ids(user)).scalars())


def test_each_viewer_sees_their_students(app: Flask, school) -> None:
    s = school
    assert visible(app, s["tess"]) == {s["ann"], s["bob"]}
    assert visible(app, s["tom"]) == {s["bob"], s["cyd"]}
    assert visible(app, s["ada"]) == {s["ann"], s["bob"], s["cyd"], s["dee"]}
    assert visible(app, s["ann"]) == set()


def test_lookups_are_404_outside_the_scope(app: Flask, school) -> None:
    s = school
    with app.test_request_context():
        tess, ada, ann = (db.session.get(User, s[n]) for n in ("tess", "ada", "ann"))
        assert student_or_404(tess, s["ann"]).username == "ann"
        assert classroom_or_404(tess, s["tess_class"]).name == "Year 10"
        assert classroom_or_404(ada, s["tom_class"]).name == "year 9"
        for call in (
            lambda: student_or_404(tess, s["cyd"]),
            lambda: student_or_404(tess, s["tom"]),  # a teacher is not a student
            lambda: student_or_404(ada, s["tom"]),
            lambda: student_or_404(tess, 999_999),
            lambda: classroom_or_404(tess, s["tom_class"]),
            lambda: classroom_or_404(tess, 999_999),
            lambda: classroom_or_404(ann, s["tess_class"]),  # a member is not its teacher
        ):
            with pytest.raises(NotFound):
                call()


def test_class_lists(app: Flask, school) -> None:
    s = school
    with app.app_context():
        tom, ada = db.session.get(User, s["tom"]), db.session.get(User, s["ada"])
        assert [(c.classroom.name, c.students) for c in class_summaries(tom)] == [
            ("Art", 0),
            ("year 9", 2),
        ]
        assert class_summaries(ada) == []  # an admin's own classes
        everything = class_summaries(ada, everyone=True)
        assert [(c.classroom.name, c.teacher) for c in everything] == [
            ("Art", "tom"),
            ("Year 10", "tess"),  # by name, case aside
            ("year 9", "tom"),
        ]
        assert [(c.name, t) for c, t in student_classes(s["bob"])] == [
            ("Year 10", "tess"),
            ("year 9", "tom"),
        ]

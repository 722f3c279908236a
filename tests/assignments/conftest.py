"""Assignment fixtures: a frozen clock, an editable tiny bank, a class with students.

Classes and memberships are made through the models directly (the classes pages are another
package's).
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient

from quizapp.bank.webapp import current_bank, runtime
from quizapp.extensions import db
from quizapp.models import Assignment, Classroom, Membership
from tests.conftest import START, TINY_BANK, FrozenClock
from tests.security.activity import log_in_as
from tests.study.conftest import RIGHT, WRONG, QuizDriver

__all__ = ["RIGHT", "START", "WRONG", "FrozenClock", "QuizDriver", "log_in_as"]

PEOPLE = ["mensch-former-lab", "founders-from-meta", "mistral-is-french"]
"""Three served questions of the tiny bank, hand-picked by most tests."""


@pytest.fixture
def bank_dir(tmp_path: Path) -> Path:
    """A copy of the tiny bank that a test may edit."""
    target = tmp_path / "bank"
    shutil.copytree(TINY_BANK, target)
    return target


@pytest.fixture
def app_config(clock: FrozenClock, bank_dir: Path) -> dict[str, object]:
    """The frozen clock and the editable bank."""
    return {"CLOCK": clock, "QUESTIONS_DIR": str(bank_dir)}


def remove_topic(app: Flask, bank_dir: Path, name: str) -> None:
    """Delete a topic file and reload the bank now (its questions are retired)."""
    (bank_dir / f"{name}.yaml").unlink()
    with app.app_context():
        assert runtime().refresh(force=True)


@dataclass(frozen=True)
class School:
    """Two teachers, each with a class; Ann and Ben in class A, Cat in class B."""

    teacher_a: int
    teacher_b: int
    class_a: int
    class_b: int
    ann: int
    ben: int
    cat: int


@pytest.fixture
def school(app: Flask, make_user) -> School:
    """The school, made through the models."""
    teacher_a, teacher_b = (
        make_user("teacher.a", teacher=True),
        make_user("teacher.b", teacher=True),
    )
    ann, ben, cat = make_user("ann"), make_user("ben"), make_user("cat")
    with app.app_context():
        class_a = Classroom(name="Class A", time_zone="Europe/Paris", join_code="AAAA1111",
                            teacher_id=teacher_a)  # fmt: skip
        class_b = Classroom(name="Class B", time_zone="UTC", join_code="BBBB2222",
                            teacher_id=teacher_b)  # fmt: skip
        db.session.add_all([class_a, class_b])
        db.session.flush()
        db.session.add_all(
            [
                Membership(classroom_id=class_a.id, user_id=ann),
                Membership(classroom_id=class_a.id, user_id=ben),
                Membership(classroom_id=class_b.id, user_id=cat),
            ]
        )
        db.session.commit()
        return School(teacher_a, teacher_b, class_a.id, class_b.id, ann, ben, cat)


def make_assignment(
    app: Flask,
    classroom_id: int,
    question_ids: list[str] | None = None,
    *,
    opens_at: datetime = START,
    due_at: datetime = START + timedelta(days=1),
    **values: object,
) -> int:
    """An assignment added through the model; its id."""
    with app.app_context():
        current_bank()  # syncs the bank into the question table
        assignment = Assignment(
            classroom_id=classroom_id,
            title=str(values.pop("title", "Homework")),
            question_ids=list(question_ids or PEOPLE),
            topics=[],
            opens_at=opens_at,
            due_at=due_at,
            created_at=START,
            updated_at=START,
            **values,
        )
        db.session.add(assignment)
        db.session.commit()
        return assignment.id


def start_try(client: FlaskClient, assignment_id: int) -> QuizDriver:
    """Press Start (or Resume) on the assignment page; the try's quiz driver."""
    page = client.get(f"/assignments/{assignment_id}")
    assert page.status_code == 200
    resp = client.post(f"/assignments/{assignment_id}/start")
    assert resp.status_code == 302, resp.status_code
    match = re.fullmatch(r"/quiz/(\d+)", resp.location)
    assert match, resp.location
    return QuizDriver(client, int(match[1]))


def answer_all(driver: QuizDriver, right: dict[str, bool] | None = None, **extra: str) -> None:
    """Answer every question of the try (right unless ``right`` says otherwise)."""
    while driver.client.get(driver.url).status_code == 200:
        position, question_id = driver.current()
        ok = (right or {}).get(question_id, True)
        data = dict((RIGHT if ok else WRONG)[question_id], **extra)
        assert driver.post(position, question_id, data).status_code == 302

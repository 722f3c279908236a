"""Security test fixtures: a clock that moves only when told to; one app per fuzzing module."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask

from quizapp import create_app
from quizapp.auth.operations import create_user
from quizapp.extensions import db
from tests.support.classes import enrol

from ..conftest import TEST_DATABASE_URL, FrozenClock, _empty_postgres, make_config
from .activity import Activity, make_activity


@pytest.fixture
def app_config(clock: FrozenClock) -> dict[str, object]:
    """Security tests run on the frozen clock."""
    return {"CLOCK": clock}


@pytest.fixture(scope="module")
def fuzz_app(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, template_db: Path
) -> Iterator[tuple[Flask, dict[str, int | None], Activity]]:
    """One app for the module: a teacher, and a student with a quiz, answers and cards."""
    folder = tmp_path_factory.mktemp("fuzz")
    db_file = folder / "fuzz.sqlite"
    db_file.write_bytes(template_db.read_bytes())
    config = make_config(db_file)
    if TEST_DATABASE_URL:
        config["SQLALCHEMY_DATABASE_URI"] = request.getfixturevalue("postgres_url")
    app = create_app(config, instance_path=str(folder / "instance"))
    with app.app_context():
        users = [create_user("fuzz.student", "fuzzing password"),
                 create_user("fuzz.teacher", "fuzzing password", "teacher")]  # fmt: skip
        db.session.commit()
        ids = [user.id for user in users]
    enrol(app, ids[1], [ids[0]])
    activity = make_activity(app, app.test_client(), ids[0])
    yield app, {"anonymous": None, "student": ids[0], "teacher": ids[1]}, activity
    with app.app_context():
        db.engine.dispose()
    if TEST_DATABASE_URL:
        _empty_postgres(TEST_DATABASE_URL)

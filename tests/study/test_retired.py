"""A question removed from the bank while a quiz is unfinished is skipped, not a crash."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from quizapp.bank.webapp import runtime

from .conftest import RIGHT, attempts, quiz_row, start


@pytest.fixture
def bank_dir(tmp_path: Path) -> Path:
    """A copy of the tiny bank that the test may edit."""
    from tests.conftest import TINY_BANK

    target = tmp_path / "bank"
    shutil.copytree(TINY_BANK, target)
    return target


@pytest.fixture
def app_config(clock, bank_dir: Path) -> dict[str, object]:
    """Serve the editable copy."""
    return {"CLOCK": clock, "QUESTIONS_DIR": str(bank_dir)}


def remove_topic(app, bank_dir: Path, name: str) -> None:
    """Delete a topic file and reload the bank now (its questions are retired)."""
    (bank_dir / f"{name}.yaml").unlink()
    with app.app_context():
        assert runtime().refresh(force=True)


def test_retired_questions_are_skipped(app, client, auth, student, bank_dir) -> None:
    auth.login()
    driver = start(client)
    quiz = quiz_row(app, driver.id)
    assert set(quiz.question_ids) >= TIMELINE
    remove_topic(app, bank_dir, "timeline")
    served = [q for q in quiz.question_ids if q not in TIMELINE]
    seen, notes = [], 0
    for _ in served:
        page = client.get(driver.url).get_data(as_text=True)
        notes += "no longer in the bank" in page
        seen.append(driver.current()[1])
        driver.answer()
    end = client.get(driver.url, follow_redirects=True)  # skips any left at the end
    assert end.request.path == f"{driver.url}/results"
    results = end.get_data(as_text=True)
    notes += "no longer in the bank" in results
    assert seen == served and notes >= 1
    assert "5 of 5</strong>" in results and "6 not answered" not in results  # skipped: not counted
    assert "How much did Microsoft invest" in results  # prompts come from the database copy


def test_answer_to_a_question_retired_meanwhile(app, client, auth, student, bank_dir) -> None:
    auth.login()
    driver = start(client, ["timeline"])
    position, question_id = driver.current()
    remove_topic(app, bank_dir, "timeline")
    resp = driver.post(position, question_id, RIGHT[question_id])
    assert resp.location == driver.url
    assert attempts(app) == []
    assert client.get(driver.url).location == f"{driver.url}/results"
    assert quiz_row(app, driver.id).finished_at is not None


def test_feedback_of_an_answer_whose_question_was_retired(app, client, auth, student, bank_dir):
    auth.login()
    driver = start(client, ["timeline"])
    driver.answer()
    remove_topic(app, bank_dir, "timeline")
    page = client.get(f"{driver.url}/answers/0").get_data(as_text=True)
    assert "removed from the bank" in page and "<strong>Right</strong>" in page


TIMELINE = {
    "microsoft-investment",
    "founders-count",
    "deal-announced",
    "founded-year",
    "timeline-order",
    "deal-cloze",
}

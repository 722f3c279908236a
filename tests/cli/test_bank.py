"""``flask bank check`` and ``flask bank sync``."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import ROOT


@pytest.fixture
def app_config(bank_dir: Path) -> dict[str, object]:
    return {"QUESTIONS_DIR": str(bank_dir)}


def test_the_real_bank_passes_check(runner) -> None:
    result = runner.invoke(args=["bank", "check", str(ROOT / "questions")])
    assert result.exit_code == 0, result.output
    assert "questions" in result.output


def test_check_reports_every_error_and_exits_1(runner, bank_dir: Path) -> None:
    people = bank_dir / "people.yaml"
    text = people.read_text()
    text = text.replace("type: choice", "type: choise", 1).replace("explanation:", "explantion:", 1)
    people.write_text(text)
    result = runner.invoke(args=["bank", "check", str(bank_dir)])
    assert result.exit_code == 1
    assert "people.yaml:" in result.output
    assert "choise" in result.output and "explantion" in result.output
    assert "nothing changed" in result.output


def test_sync_prints_counts_and_is_idempotent(runner) -> None:
    first = runner.invoke(args=["bank", "sync"])
    assert first.exit_code == 0, first.output
    assert "added " in first.output and "added 0," not in first.output
    second = runner.invoke(args=["bank", "sync"])
    assert second.exit_code == 0
    assert "added 0, changed 0, retired 0, restored 0" in second.output


def test_sync_refuses_a_broken_bank(runner, bank_dir: Path) -> None:
    (bank_dir / "people.yaml").write_text("topic: People\nquestions: [\n")
    result = runner.invoke(args=["bank", "sync"])
    assert result.exit_code == 1
    assert "people.yaml:" in result.output


def test_check_accepts_a_single_topic_file(runner, bank_dir: Path) -> None:
    result = runner.invoke(args=["bank", "check", str(bank_dir / "people.yaml")])
    assert result.exit_code == 0, result.output
    (bank_dir / "people.yaml").write_text("topic: People\nquestions:\n  - id: x1\n    type: quiz\n")
    result = runner.invoke(args=["bank", "check", str(bank_dir / "people.yaml")])
    assert result.exit_code == 1
    assert "people.yaml:4:11: question 'x1': unknown type 'quiz'" in result.output

"""``flask bank lint`` and ``flask bank locate``; ``bank check`` on evidence locators.

CI runs ``bank lint --strict`` on the real bank here (the articles folder is ``../shared/seeds``).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.articles.test_views import NO_SEEDS
from tests.conftest import ROOT, SEEDS


@pytest.fixture
def app_config(bank_dir: Path) -> dict[str, object]:
    return {"QUESTIONS_DIR": str(bank_dir)}


def test_the_real_bank_passes_strict_lint(runner) -> None:
    result = runner.invoke(args=["bank", "lint", "--strict", str(ROOT / "questions")])
    assert result.exit_code == 0, result.output
    assert "No lint warnings in" in result.output


def test_lint_warns_and_strict_fails(runner, bank_dir: Path) -> None:
    products = bank_dir / "products.yaml"
    products.write_text(products.read_text().replace("Speech transcription", "All of the above"))
    result = runner.invoke(args=["bank", "lint"])
    assert result.exit_code == 0
    assert "question 'mistral-large-tasks': the option 'All of the above'" in result.output
    assert "[all-none-of-the-above; HDR 25 and 26" in result.output
    assert "1 lint warning (all-none-of-the-above 1)" in result.output
    strict = runner.invoke(args=["bank", "lint", "--strict"])
    assert strict.exit_code == 1 and "--strict fails on any" in strict.output


def test_lint_refuses_a_broken_bank(runner, bank_dir: Path) -> None:
    (bank_dir / "people.yaml").write_text("topic: People\nquestions: [\n")
    result = runner.invoke(args=["bank", "lint"])
    assert result.exit_code == 1 and "people.yaml:" in result.output


@pytest.mark.skipif(NO_SEEDS, reason=f"the seed articles live in {SEEDS}")
def test_locate_prints_the_locator_of_a_phrase(runner) -> None:
    result = runner.invoke(args=["bank", "locate", "ai-harmony", "111 million"])
    assert result.exit_code == 0, result.output
    assert result.output.strip() == "ai-harmony 840-851"
    missing = runner.invoke(args=["bank", "locate", "ai-harmony", "not in the article"])
    assert missing.exit_code == 1 and "copy it exactly" in missing.output
    assert runner.invoke(args=["bank", "locate", "nope", "x"]).exit_code == 1


@pytest.mark.skipif(NO_SEEDS, reason=f"the seed articles live in {SEEDS}")
def test_check_catches_evidence_outside_the_article(runner, bank_dir: Path) -> None:
    people = bank_dir / "people.yaml"
    text = people.read_text()
    start = text.index("evidence: [ai-harmony ")
    end = text.index("]", start)
    people.write_text(text[:start] + "evidence: [ai-harmony 100-99999" + text[end:])
    result = runner.invoke(args=["bank", "check"])
    assert result.exit_code == 1
    assert (
        "question 'mensch-former-lab': evidence 'ai-harmony 100-99999' ends after" in result.output
    )

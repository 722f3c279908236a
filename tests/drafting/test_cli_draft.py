"""``flask bank draft`` and ``flask bank draft-eval`` through the app's CLI runner."""

from __future__ import annotations

from pathlib import Path

import pytest

from quizapp.bank.validate import load_file

from .conftest import ARTICLES, FUNDING


@pytest.fixture
def app_config(bank: Path) -> dict[str, object]:
    """Point the app at the Korvana bank."""
    return {"QUESTIONS_DIR": str(bank)}


def test_draft_writes_into_the_drafts_folder(runner, bank: Path) -> None:
    result = runner.invoke(args=["bank", "draft", str(ARTICLES)])
    assert result.exit_code == 0, result.output
    out = bank / "drafts" / "articles.yaml"
    assert f"draft questions to {out} (" in result.output
    assert "duplicates of bank questions:" in result.output
    assert "~ korvana-founding-year-funding" in result.output
    assert "  founding (Korvana Robotics)  2019" in result.output
    assert load_file(out, bank_dir=bank).errors == []
    assert out.read_text(encoding="utf-8").count("status: draft") > 20


def test_draft_to_a_chosen_file_with_an_extra_gazetteer(runner, tmp_path: Path) -> None:
    extra = tmp_path / "names.yaml"
    extra.write_text("entries:\n  - name: Halvorsen Capital\n    kind: regulator\n")
    out = tmp_path / "out" / "funding.yaml"
    result = runner.invoke(
        args=["bank", "draft", str(FUNDING), "--out", str(out), "--gazetteer", str(extra)]
    )
    assert result.exit_code == 0, result.output
    assert "{{Halvorsen Capital}}" in out.read_text(encoding="utf-8")


def test_new_articles_are_added_to_sources(runner, bank: Path, tmp_path: Path) -> None:
    article = tmp_path / "new-article.txt"
    article.write_text(
        "Berlin, 2 May 2024. Kessler Research raised €9 million, says its chief executive "
        "Anna Weber, formerly at Siemens.\n",
        encoding="utf-8",
    )
    result = runner.invoke(args=["bank", "draft", str(article)])
    assert result.exit_code == 0, result.output
    assert "Added sources to" in result.output and "new-article" in result.output
    assert load_file(bank / "drafts" / "new-article.yaml", bank_dir=bank).errors == []


def test_no_add_sources_only_lists_them(runner, bank: Path, tmp_path: Path) -> None:
    article = tmp_path / "other.md"
    article.write_text("Paris, 2 May 2024. The CNIL fined Korvana €2 million.\n", encoding="utf-8")
    before = (bank / "sources.yaml").read_text(encoding="utf-8")
    result = runner.invoke(args=["bank", "draft", str(article), "--no-add-sources"])
    assert result.exit_code == 0, result.output
    assert (bank / "sources.yaml").read_text(encoding="utf-8") == before
    assert "#   - id: other" in (bank / "drafts" / "other.yaml").read_text(encoding="utf-8")


def test_bad_files_are_errors_but_the_rest_is_drafted(runner, tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    out = tmp_path / "d.yaml"
    result = runner.invoke(args=["bank", "draft", str(empty), str(FUNDING), "--out", str(out)])
    assert result.exit_code == 0
    assert "error: " in result.output and "empty.txt: file is empty" in result.output
    assert "Articles: 1 of 2 read." in result.output


def test_nothing_readable_fails(runner, tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    result = runner.invoke(args=["bank", "draft", str(empty), str(tmp_path / "nope.md")])
    assert result.exit_code == 1
    assert "no such file or folder" in result.output
    assert "no article could be read; nothing drafted" in result.output


def test_draft_eval_on_drafts_and_on_articles(runner, bank: Path, tmp_path: Path) -> None:
    out = tmp_path / "drafts" / "k.yaml"
    runner.invoke(args=["bank", "draft", str(ARTICLES), "--out", str(out)])
    for folder in (out.parent, ARTICLES):
        result = runner.invoke(args=["bank", "draft-eval", str(folder)])
        assert result.exit_code == 0, result.output
        assert "pass validation (100%)" in result.output
        assert "Curated dates recovered: 1/1 (100%)" in result.output

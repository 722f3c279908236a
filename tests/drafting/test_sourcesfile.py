"""Adding new articles to sources.yaml keeps it valid and the teacher's text intact."""

from __future__ import annotations

from pathlib import Path

from quizapp.bank.sources import load_sources
from quizapp.drafting.sourcesfile import add_sources

ENTRY = {"id": "new-article", "title": "A new article", "date": "2024-05-02", "file": "new.txt"}


def test_entries_are_appended_and_valid(bank: Path) -> None:
    path = bank / "sources.yaml"
    before = path.read_text(encoding="utf-8")
    update = add_sources(path, [ENTRY, {"id": "undated", "file": "undated.txt"}])
    assert update.added == ["new-article"]
    assert update.problems == [
        "source 'undated' has no date in the article — add it to sources.yaml by hand with "
        "its date (e.g. 'date: 2024-02')"
    ]
    after = path.read_text(encoding="utf-8")
    assert after.startswith(before.rstrip("\n"))
    added = "  # added by `flask bank draft`: check each title and date\n  - id: new-article"
    assert added in after
    sources, errors = load_sources(path, "sources.yaml")
    assert errors == [] and "new-article" in sources


def test_an_entry_that_would_break_the_file_is_not_added(bank: Path) -> None:
    path = bank / "sources.yaml"
    before = path.read_text(encoding="utf-8")
    clash = {**ENTRY, "id": "korvana-funding"}
    update = add_sources(path, [clash])
    assert update.added == []
    assert "duplicate source id 'korvana-funding'" in update.problems[0]
    assert path.read_text(encoding="utf-8") == before
    assert [p.name for p in bank.iterdir() if p.name.startswith(".")] == []

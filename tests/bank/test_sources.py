"""``bank.sources``: an article's ``url`` and its text file's name (``file``; ``seed`` too)."""

from __future__ import annotations

from pathlib import Path

from quizapp.bank.sources import load_sources

ENTRY = "sources:\n  - id: a1\n    title: T\n    date: 2024-02\n    {key}: {seed}\n{extra}"


def load(tmp_path: Path, seed: str = "a.txt", extra: str = "", key: str = "file"):
    path = tmp_path / "sources.yaml"
    path.write_text(ENTRY.format(seed=seed, extra=extra, key=key))
    return load_sources(path, "questions/sources.yaml")


def test_url_is_optional_and_kept(tmp_path: Path) -> None:
    sources, errors = load(tmp_path, extra="    url: https://example.org/a\n")
    assert errors == [] and sources["a1"].url == "https://example.org/a"
    sources, errors = load(tmp_path)
    assert errors == [] and sources["a1"].url is None


def test_a_url_must_be_a_web_address(tmp_path: Path) -> None:
    _, errors = load(tmp_path, extra="    url: javascript:alert(1)\n")
    assert "is not a web address" in errors[0].message


def test_the_article_file_is_a_plain_name(tmp_path: Path) -> None:
    for seed in ("../secret.txt", "sub/a.txt", ".hidden"):
        _, errors = load(tmp_path, seed=seed)
        assert "not a plain file name" in errors[0].message, seed


def test_the_file_is_named_file_and_its_older_name_seed_still_reads(tmp_path: Path) -> None:
    sources, errors = load(tmp_path)
    assert errors == [] and sources["a1"].text_file == "a.txt"
    sources, errors = load(tmp_path, key="seed")
    assert errors == [] and sources["a1"].text_file == "a.txt"
    _, errors = load(tmp_path, key="seed", extra="    file: b.txt\n")  # both: 'seed' is refused
    assert ["seed" in e.message for e in errors] == [True]
    _, errors = load(tmp_path, key="title2")
    assert any("missing field 'file'" in e.message for e in errors)

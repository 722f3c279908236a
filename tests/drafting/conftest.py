"""Fixtures for the drafting tests: the test articles, a gazetteer, a small Korvana bank."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from quizapp.drafting.articles import Article, read
from quizapp.drafting.gazetteer import Gazetteer
from quizapp.drafting.mentions import Mention, extract

ARTICLES = Path(__file__).resolve().parent.parent / "data" / "articles"
FUNDING = ARTICLES / "korvana_funding.txt"
PROFILE = ARTICLES / "korvana_profile.md"

SOURCES = """\
# The two made-up Korvana articles under tests/data/articles.
sources:
  - id: korvana-funding
    title: Korvana Robotics lands €40 million
    date: "2024-03-12"
    file: korvana_funding.txt

  - id: korvana-profile
    title: The quiet rise of Korvana Robotics
    author: Nora Lind
    date: "2024-04"
    file: korvana_profile.md
"""
TOPIC = """\
topic: Korvana
questions:
  - id: korvana-founding-year-funding
    type: date
    prompt: According to the funding article, in what year was Korvana Robotics founded?
    answer: "2019"
    explanation: The funding article says 2019; the profile says 2020.
    sources: [korvana-funding]
"""


@pytest.fixture(scope="session")
def gazetteer() -> Gazetteer:
    """The packaged gazetteer."""
    return Gazetteer.load()


@pytest.fixture
def bank(tmp_path: Path) -> Path:
    """A bank folder listing both articles, with one question a draft duplicates."""
    folder = tmp_path / "questions"
    folder.mkdir()
    (folder / "sources.yaml").write_text(SOURCES, encoding="utf-8")
    (folder / "korvana.yaml").write_text(TOPIC, encoding="utf-8")
    return folder


@pytest.fixture
def articles(tmp_path: Path) -> Path:
    """A private copy of the test articles, so tests may add broken files next to them."""
    folder = tmp_path / "articles"
    shutil.copytree(ARTICLES, folder)
    return folder


@pytest.fixture
def mentions_of(tmp_path: Path, gazetteer: Gazetteer):
    """Write a made-up article (its date on the third line) and return its mentions."""

    def make(body: str, date: str = "2024-03-12") -> list[Mention]:
        path = tmp_path / "story.txt"
        path.write_text(f"https://example.org/story\nA story\n{date}\n\n{body}\n", "utf-8")
        article = read(path)
        assert isinstance(article, Article)
        return extract(article, gazetteer)

    return make

"""``bank.articles``: article texts read from the articles folder, and evidence checked."""

from __future__ import annotations

from pathlib import Path

from quizapp.bank.articles import article_path, check_evidence, locate, read_article
from quizapp.bank.spec import Source
from quizapp.bank.validate import load_bank
from tests.articles.test_views import NO_SEEDS
from tests.conftest import SEEDS

from .test_lint import make_bank


def source(seed: str) -> Source:
    return Source("harmony", "T", None, None, "2024-02", seed, "sources.yaml", 2)


def test_reads_an_article_and_refuses_anything_but_a_plain_file(tmp_path: Path) -> None:
    (tmp_path / "harmony.txt").write_text("Line one.\nLine two.\n", encoding="utf-8")
    assert read_article(tmp_path, source("harmony.txt")) == "Line one.\nLine two.\n"
    assert read_article(tmp_path, source("missing.txt")) is None
    assert read_article(None, source("harmony.txt")) is None
    (tmp_path / "folder.txt").mkdir()
    assert article_path(tmp_path, source("folder.txt")) is None
    (tmp_path.parent / "outside.txt").write_text("secret")
    assert article_path(tmp_path, source("../outside.txt")) is None


def test_locate_finds_every_occurrence() -> None:
    assert locate("a cat and a cat", "cat") == [(2, 5), (12, 15)]
    assert locate("a cat", "dog") == [] and locate("a cat", "") == []


EVIDENCE_QUESTION = (
    "  - id: q1\n    type: short\n    prompt: Which?\n    answer: Paris\n"
    "    explanation: Because.\n    sources: [harmony]\n    evidence: [harmony {at}]\n"
)


def test_check_evidence_catches_a_locator_outside_the_file(tmp_path: Path) -> None:
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "harmony.txt").write_text("Mistral is based in Paris.\n")
    inside = make_bank(tmp_path, EVIDENCE_QUESTION.format(at="20-25"))
    assert check_evidence(inside, articles) == []
    outside = make_bank(tmp_path, EVIDENCE_QUESTION.format(at="20-400"))
    (error,) = check_evidence(outside, articles)
    assert error.question_id == "q1" and "ends after the article, which has 27" in error.message
    blank = make_bank(tmp_path, EVIDENCE_QUESTION.format(at="26-27"))
    assert "blank space" in check_evidence(blank, articles)[0].message
    assert check_evidence(outside, tmp_path / "elsewhere") == []  # no file: nothing to check


def test_the_real_banks_evidence_points_into_the_seed_articles() -> None:
    bank = load_bank(Path(__file__).resolve().parents[2] / "questions").bank
    assert bank is not None
    assert all(q.evidence for q in bank.questions.values())
    if not NO_SEEDS:  # in CI the seed articles must be there
        assert check_evidence(bank, SEEDS) == []

"""The articles' pages: the list, the reader (escaped, evidence marked), links from answers."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from flask import Flask, render_template_string
from flask.testing import FlaskClient

from quizapp.bank.validate import load_bank
from tests.conftest import ROOT, SEEDS, TINY_BANK

HOSTILE = 'Breaking <script>alert("x")</script> news.\n\nMistral is based in Paris & more.\n'


@pytest.fixture
def articles(tmp_path: Path) -> Path:
    """An articles folder holding the tiny bank's 'harmony' article, written to be hostile."""
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "002_example.txt").write_text(HOSTILE, encoding="utf-8")
    return folder


@pytest.fixture
def app_config(tmp_path: Path, articles: Path) -> dict[str, object]:
    """The tiny bank, with evidence for one question, read against the hostile article."""
    bank = tmp_path / "questions"
    shutil.copytree(TINY_BANK, bank)
    people = bank / "people.yaml"
    start = HOSTILE.index("Paris")
    located = f"    sources: [harmony]\n    evidence: [harmony {start}-{start + 5}]\n"
    people.write_text(people.read_text().replace("    sources: [harmony]\n", located, 1))
    return {"QUESTIONS_DIR": str(bank), "ARTICLES_DIR": str(articles)}


@pytest.fixture
def logged_in(client: FlaskClient, auth, student) -> FlaskClient:
    auth.login()
    return client


def test_the_reader_escapes_the_article_and_keeps_paragraphs(logged_in: FlaskClient) -> None:
    page = logged_in.get("/sources/harmony").get_data(as_text=True)
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in page
    assert "<p>Breaking" in page and "<p>Mistral is based in Paris &amp; more.</p>" in page
    assert "An alliance in AI" in page and "A. Writer" in page


def test_the_reader_marks_a_questions_evidence(logged_in: FlaskClient) -> None:
    page = logged_in.get("/sources/harmony?question=mensch-former-lab").get_data(as_text=True)
    assert '<mark id="evidence" tabindex="-1">Paris</mark>' in page
    assert 'href="#evidence"' in page
    plain = logged_in.get("/sources/harmony?question=founders-from-meta").get_data(as_text=True)
    assert "<mark" not in plain and "No passage is marked" in plain


def test_a_question_that_does_not_cite_the_article_marks_nothing(logged_in: FlaskClient) -> None:
    for other in ("microsoft-investment", "no-such-question", ""):
        page = logged_in.get(f"/sources/harmony?question={other}").get_data(as_text=True)
        assert "<mark" not in page and "The question:" not in page, other


def test_unknown_sources_404_and_absent_files_say_so(logged_in: FlaskClient) -> None:
    assert logged_in.get("/sources/nope").status_code == 404
    page = logged_in.get("/sources/explainer").get_data(as_text=True)
    assert "The text of this article is not available here." in page


def test_the_list_links_readable_articles_and_filters_by_topic(logged_in: FlaskClient) -> None:
    page = logged_in.get("/sources/").get_data(as_text=True)
    assert 'href="/sources/harmony"' in page and 'href="/sources/explainer"' not in page
    assert "text not available here" in page
    assert logged_in.get("/sources/?topic=people").status_code == 200
    assert logged_in.get("/sources/?topic=nope").status_code == 404


def test_the_study_page_offers_the_articles_per_topic(logged_in: FlaskClient) -> None:
    page = logged_in.get("/study").get_data(as_text=True)
    assert "Read the articles" in page and 'href="/sources/?topic=people"' in page


def test_answers_link_to_the_evidence_only_when_the_article_is_here(app: Flask) -> None:
    bank = load_bank(app.config["QUESTIONS_DIR"]).bank
    template = '{% from "articles/_cited.html" import cited %}{{ cited(spec, sources) }}'
    with app.test_request_context():
        spec = bank.questions["mensch-former-lab"]
        html = render_template_string(template, spec=spec, sources=[bank.sources["harmony"]])
        assert 'href="/sources/harmony?question=mensch-former-lab#evidence"' in html
        assert "Read it in the article" in html
        spec = bank.questions["mistral-is-french"]
        sources = [bank.sources["harmony"], bank.sources["explainer"]]
        html = render_template_string(template, spec=spec, sources=sources)
        assert "Read the article</a>" in html and "#evidence" not in html
        assert "/sources/explainer" not in html  # its file is absent: no link


def test_a_flashcard_back_links_to_the_evidence(logged_in: FlaskClient) -> None:
    page = logged_in.get("/flashcards/q/mensch-former-lab?flipped=1").get_data(as_text=True)
    assert "/sources/harmony?question=mensch-former-lab#evidence" in page


NO_SEEDS = not SEEDS.is_dir() and os.environ.get("CI") != "true"
"""Tests that read the seed articles skip without them, except in CI (they must be there)."""
REAL = {"QUESTIONS_DIR": str(ROOT / "questions"), "ARTICLES_DIR": str(SEEDS)}


@pytest.mark.skipif(NO_SEEDS, reason=f"the seed articles live outside the repository: {SEEDS}")
@pytest.mark.parametrize("app_config", [REAL])
def test_a_seed_article_renders_with_the_real_banks_evidence(logged_in: FlaskClient) -> None:
    page = logged_in.get("/sources/ai-harmony?question=seed-funding-amount")
    text = page.get_data(as_text=True)
    assert page.status_code == 200 and text.count("<p>") > 10
    marked = text.split('<mark id="evidence" tabindex="-1">')[1].split("</mark>")[0]
    assert "111 million" in marked
    assert 'href="https://yourstory.com/' in text

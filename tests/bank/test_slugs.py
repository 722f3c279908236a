"""One slug rule for every id the app makes or suggests from free text."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quizapp.bank.slugs import slugify
from quizapp.cli.draft import _output_name
from quizapp.drafting.articles import source_slug


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Élysée Palace!", "elysee-palace"),
        ("  Mistral   AI -- 2024 ", "mistral-ai-2024"),
        ("Crédit_Agricole/Bpifrance", "credit-agricole-bpifrance"),
        ("Straße Łódź", "strasse-lodz"),  # folded as answers are, not dropped
        ("€ ¥ !!", ""),
    ],
)
def test_slugs_are_lowercase_ascii_words_joined_by_hyphens(text: str, expected: str) -> None:
    assert slugify(text) == expected


def test_slugs_are_cut_at_a_word_boundary() -> None:
    slug = slugify("word " * 30, 60)
    assert len(slug) <= 60 and slug.endswith("word")
    assert slugify("x" * 80, 60) == "x" * 60  # one long word: cut inside it


@given(st.text(), st.integers(min_value=1, max_value=80))
def test_a_slug_is_always_well_formed(text: str, limit: int) -> None:
    slug = slugify(text, limit)
    assert len(slug) <= limit and slug == slugify(slug)
    assert not slug.startswith("-") and not slug.endswith("-") and "--" not in slug


def test_source_ids_and_draft_file_names_fall_back_when_nothing_is_left() -> None:
    assert source_slug(Path("Le Monde – Février 2024.txt")) == "le-monde-fevrier-2024"
    assert source_slug(Path("¿¡.txt")) == "article"
    assert _output_name((Path("¿¡.txt"),)) == "drafts"
    assert _output_name((Path("AP News.md"),)) == "ap-news"

"""The real bank meets the product's content rules."""

from __future__ import annotations

import os
import re
from collections import Counter
from pathlib import Path

import pytest

from quizapp.bank.validate import load_bank
from tests.conftest import ROOT

SEEDS = ROOT.parent / "shared" / "seeds"
QUOTED = re.compile(r"[\"“][^\"”]{1,80}[\"”]")
RUN = 8  # words in a row that may not be shared with an article


@pytest.fixture(scope="module")
def bank():
    result = load_bank(ROOT / "questions")
    assert result.errors == []
    return result.bank


def test_size_topics_and_types(bank) -> None:
    assert len(bank) >= 60
    per_topic = Counter(q.topic for q in bank.questions.values())
    for topic in ("people", "amounts", "dates", "regulators"):
        assert per_topic[topic] >= 8, topic
    assert per_topic["partnership"] > 0 and per_topic["products"] > 0
    per_type = Counter(q.type for q in bank.questions.values())
    assert sum(1 for n in per_type.values() if n >= 3) >= 6


def test_every_question_explains_and_cites(bank) -> None:
    for q in bank.questions.values():
        assert q.explanation.strip(), q.id
        assert q.sources and all(s in bank.sources for s in q.sources), q.id


def test_founding_year_disagreement_is_stated(bank) -> None:
    texts = [
        (q.prompt + " " + q.explanation).lower()
        for q in bank.questions.values()
        if "found" in q.prompt.lower()
    ]
    assert any("2022" in t and "2023" in t for t in texts)


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9€$']+", text.lower().replace("’", "'"))


def test_no_sentence_is_copied_from_the_articles() -> None:
    """No run of eight words (outside short quotations) is shared with an article."""
    if not SEEDS.is_dir():
        if os.environ.get("CI") == "true":
            pytest.fail(f"the seed articles are missing: {SEEDS}")
        pytest.skip(f"the seed articles live in {SEEDS}")
    runs: set[tuple[str, ...]] = set()
    for seed in SEEDS.glob("*.txt"):
        words = _words(seed.read_text())
        runs.update(tuple(words[i : i + RUN]) for i in range(len(words) - RUN + 1))
    copied = []
    for path in sorted((ROOT / "questions").glob("*.yaml")):
        if path.name == "sources.yaml":  # article titles are cited as they are
            continue
        words = _words(QUOTED.sub(" ", path.read_text()))
        copied += [
            f"{path.name}: {' '.join(words[i : i + RUN])}"
            for i in range(len(words) - RUN + 1)
            if tuple(words[i : i + RUN]) in runs
        ]
    assert copied == []


def test_sources_name_their_seed_files(bank) -> None:
    seeds = {s.text_file for s in bank.sources.values()}
    assert len(seeds) == 5
    if SEEDS.is_dir():
        assert seeds <= {p.name for p in Path(SEEDS).glob("*.txt")}

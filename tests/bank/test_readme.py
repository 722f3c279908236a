"""The examples in questions/README.md are valid: teachers copy them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from quizapp.bank.sources import load_sources
from quizapp.bank.topics import Ids, validate_question, validate_topic
from quizapp.bank.yamlload import parse_yaml

QUESTIONS = Path(__file__).resolve().parent.parent.parent / "questions"
README = QUESTIONS / "README.md"
BLOCKS = re.findall(r"```yaml\n(.*?)```", README.read_text(encoding="utf-8"), re.DOTALL)
QUESTION_BLOCKS = [block for block in BLOCKS if block.startswith("- id:")]
SOURCES, _ = load_sources(QUESTIONS / "sources.yaml", "sources.yaml")


def test_the_readme_shows_every_type() -> None:
    from quizapp.qtypes import REGISTRY

    shown = {re.search(r"type: (\w+)", block)[1] for block in QUESTION_BLOCKS}
    assert shown == set(REGISTRY)


@pytest.mark.parametrize("block", QUESTION_BLOCKS, ids=lambda b: b.split()[2])
def test_each_type_example_is_valid(block: str) -> None:
    (raw,) = parse_yaml(block, "README.md")
    _, errors = validate_question(
        raw, raw.pos, file="README.md", topic="readme", sources=SOURCES, ids=Ids()
    )
    assert [str(e) for e in errors] == []


def test_the_topic_and_sources_examples_are_valid(tmp_path: Path) -> None:
    topic = next(block for block in BLOCKS if block.startswith("topic:"))
    (tmp_path / "people.yaml").write_text(topic, encoding="utf-8")
    assert (
        validate_topic(tmp_path / "people.yaml", "people.yaml", sources=SOURCES, ids=Ids())[1] == []
    )
    sources = next(block for block in BLOCKS if block.startswith("sources:"))
    (tmp_path / "sources.yaml").write_text(sources, encoding="utf-8")
    assert load_sources(tmp_path / "sources.yaml", "sources.yaml")[1] == []

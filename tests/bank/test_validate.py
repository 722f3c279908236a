"""Loading a bank folder: every error kind with its exact place and message, drafts, summary."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from quizapp.bank.validate import load_bank, load_file, summary, taken_ids, topic_files

TESTS = Path(__file__).resolve().parent.parent
BROKEN = TESTS / "data" / "bank" / "broken"
TINY = TESTS / "data" / "bank" / "tiny"
REAL = TESTS.parent / "questions"

# One folder per error kind: a tiny bank, and expected.txt listing every error it must report.
KINDS = sorted(path.name for path in BROKEN.iterdir())


def test_every_error_kind_has_a_broken_bank() -> None:
    assert {
        "yaml-syntax",
        "unknown-type",
        "misspelled-field",
        "missing-field",
        "wrong-type",
    } <= set(KINDS)
    assert {
        "duplicate-id",
        "unknown-source",
        "choice-answer",
        "multi-answer",
        "empty-prompt",
    } <= set(KINDS)
    assert {"bad-date", "bad-number", "too-few-items", "bad-id", "cloze-no-blanks"} <= set(KINDS)


@pytest.mark.parametrize("kind", KINDS)
def test_each_error_kind_names_file_line_column_and_fix(kind: str) -> None:
    expected = (BROKEN / kind / "expected.txt").read_text(encoding="utf-8").splitlines()
    result = load_bank(BROKEN / kind)
    assert [str(e) for e in result.errors] == expected
    assert expected and result.bank is None and not result.ok


def test_an_error_keeps_its_parts() -> None:
    (error,) = load_bank(BROKEN / "choice-answer").errors
    assert (error.file, error.line, error.column, error.question_id) == (
        "choice-answer/topic.yaml",
        7,
        13,
        "mensch-employer",
    )
    assert error.message == "answer 'Meta AI' is not one of the choices — did you mean 'Meta'?"


def test_duplicate_ids_name_both_places() -> None:
    (error,) = load_bank(BROKEN / "duplicate-id").errors
    assert str(error) == (
        "duplicate-id/b.yaml:10:9: question 'lab': duplicate id 'lab' — already used at"
        " duplicate-id/a.yaml:3:9; give this question a new id (ids are never reused)"
    )


def test_a_misspelled_field_is_not_also_reported_missing() -> None:
    (error,) = load_bank(BROKEN / "misspelled-field").errors
    assert error.message == "unknown field 'explantion' — did you mean 'explanation'?"


def test_the_tiny_bank_uses_every_type_and_loads_clean() -> None:
    result = load_bank(TINY)
    assert result.errors == [] and result.ok
    bank = result.bank
    from quizapp.qtypes import REGISTRY

    assert {q.type for q in bank.questions.values()} == set(REGISTRY)
    assert result.files == (TINY / "sources.yaml", TINY / "people.yaml", TINY / "timeline.yaml")
    assert bank.files == ("tiny/sources.yaml", "tiny/people.yaml", "tiny/timeline.yaml")
    spec = bank.get("mensch-former-lab")
    assert (spec.file, spec.line, spec.topic, spec.status) == (
        "tiny/people.yaml",
        3,
        "people",
        "live",
    )
    assert spec.sources == ("harmony",) and spec.tags == ("founders",)
    assert (spec.hint, spec.difficulty) == ("Think of Google.", "easy")
    assert spec.prompt == "Before Mistral AI, Arthur Mensch worked at which *AI lab*?"
    assert spec.content["choices"] == ["Google DeepMind", "Meta", "OpenAI", "Microsoft Research"]
    assert "id" not in spec.content and "status" not in spec.content


def test_drafts_are_validated_but_served_only_on_request() -> None:
    served = load_bank(TINY).bank
    assert "mensch-title" not in served and served.drafts == ("mensch-title",)
    with_drafts = load_bank(TINY, include_drafts=True).bank
    assert with_drafts.get("mensch-title").is_draft and with_drafts.drafts == ()


def test_summary_counts_files_topics_and_types() -> None:
    assert summary(load_bank(TINY).bank) == "\n".join(
        [
            "11 questions in 2 topics, 3 files, 2 sources (1 draft not served)",
            "Per topic:",
            "  people       5  Founders and people",
            "  timeline     6  Money and dates",
            "Per type: choice 1, cloze 1, date 2, match 1, multi 1, numeric 2, order 1, short 1,"
            " truefalse 1",
        ]
    )


@pytest.mark.skipif(not (REAL / "sources.yaml").exists(), reason="the real bank is not written yet")
def test_the_real_bank_is_clean() -> None:
    result = load_bank(REAL)
    assert [str(e) for e in result.errors] == []
    assert len(result.bank) >= 60


def test_only_top_level_topic_files_count(tmp_path: Path) -> None:
    bank_dir = tmp_path / "questions"
    shutil.copytree(TINY, bank_dir)
    (bank_dir / "drafts").mkdir()
    (bank_dir / "drafts" / "new.yaml").write_text("not: [valid")
    (bank_dir / "_scratch.yaml").write_text("not: [valid")
    (bank_dir / ".hidden.yaml").write_text("not: [valid")
    (bank_dir / "README.md").write_text("# Hello")
    assert [p.name for p in topic_files(bank_dir)] == ["people.yaml", "timeline.yaml"]
    assert load_bank(bank_dir).ok


def test_taken_ids_are_those_of_the_other_topic_files() -> None:
    bank = load_bank(TINY, include_drafts=True).bank
    assert bank is not None
    timeline = {q.id for q in bank.topics["timeline"].questions}
    assert taken_ids(TINY, TINY / "people.yaml") == timeline
    assert taken_ids(TINY, TINY / "new.yaml") == set(bank.questions)


def test_a_missing_sources_file_and_no_topics(tmp_path: Path) -> None:
    (tmp_path / "questions").mkdir()
    errors = [str(e) for e in load_bank(tmp_path / "questions").errors]
    assert errors == [
        "questions/sources.yaml: no sources.yaml — create it with a 'sources:' list of the"
        " articles",
        "questions: no topic files — add one, e.g. people.yaml starting with 'topic: People'",
    ]


def test_not_a_folder(tmp_path: Path) -> None:
    (error,) = load_bank(tmp_path / "nope").errors
    assert error.message.startswith("not a folder")


def test_a_topic_file_that_is_not_a_mapping(tmp_path: Path) -> None:
    bank_dir = tmp_path / "questions"
    shutil.copytree(TINY, bank_dir)
    (bank_dir / "list.yaml").write_text("- id: a\n")
    (bank_dir / "empty.yaml").write_text("")
    assert [str(e) for e in load_bank(bank_dir).errors] == [
        "questions/empty.yaml: a topic file starts with 'topic: <title>', then a 'questions:' list",
        "questions/list.yaml:1:1: a topic file starts with 'topic: <title>', then a 'questions:'"
        " list",
    ]


DRAFT = """\
topic: New questions
questions:
  - id: lample-model
    type: truefalse
    prompt: Lample led LLaMA.
    answer: true
    explanation: He did.
    sources: [harmony, blog]

  - id: brand-new
    type: truefalse
    prompt: Mistral AI is French.
    answer: true
    explanation: It is.
    sources: [explainer]
"""


def test_load_file_checks_an_extra_file_against_the_bank(tmp_path: Path) -> None:
    bank_dir = tmp_path / "questions"
    shutil.copytree(TINY, bank_dir)
    (bank_dir / "drafts").mkdir()
    draft = bank_dir / "drafts" / "new.yaml"
    draft.write_text(DRAFT)
    result = load_file(draft)
    assert [str(e) for e in result.errors] == [
        "questions/drafts/new.yaml:3:9: question 'lample-model': duplicate id 'lample-model' —"
        " already used at questions/people.yaml:30:9; give this question a new id (ids are never"
        " reused)",
        "questions/drafts/new.yaml:8:24: question 'lample-model': unknown source 'blog' — add it"
        " to sources.yaml or fix the id",
    ]
    draft.write_text(DRAFT.replace("lample-model", "lample-led").replace(", blog", ""))
    result = load_file(draft)
    assert result.ok and list(result.bank.topics) == ["new"]
    assert len(result.bank) == 2 and result.files == (bank_dir / "sources.yaml", draft)


def test_load_file_with_an_explicit_bank_folder(tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere.yaml"
    outside.write_text(DRAFT.replace("lample-model", "lample-led").replace(", blog", ""))
    assert not load_file(outside).ok
    result = load_file(outside, bank_dir=TINY)
    assert result.ok, result.errors
    assert result.bank.get("brand-new").file == outside.as_posix()

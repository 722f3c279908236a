"""GIFT -> YAML: the round trip, ids, placeholders, and what cannot be imported (by line)."""

from __future__ import annotations

from pathlib import Path

import pytest

from quizapp.bank.validate import load_file
from quizapp.exchange.gift import export_gift
from quizapp.exchange.gift_import import (
    PLACEHOLDER_SOURCE,
    category_title,
    import_gift,
    question_id,
)

from .conftest import GIFT_DATA

SOURCES = ("harmony", "explainer")


def _import(name: str, **options: object):
    text = (GIFT_DATA / name).read_text(encoding="utf-8")
    return import_gift(text, topic="Imported", **options)  # type: ignore[arg-type]


def _write_and_load(imported, folder: Path):
    path = folder / "imported.yaml"
    path.write_text(imported.yaml, encoding="utf-8")
    return load_file(path, bank_dir=folder)


def test_gift_yaml_gift_round_trip_for_every_supported_type(empty_bank_dir: Path) -> None:
    original = (GIFT_DATA / "supported.gift").read_text(encoding="utf-8")
    imported = import_gift(original, topic="Imported", known_sources=SOURCES)
    assert imported.problems == ()
    loaded = _write_and_load(imported, empty_bank_dir)
    assert loaded.errors == []
    assert loaded.bank is not None
    types = {q.type for q in loaded.bank.questions.values()}
    assert types == {
        "choice", "multi", "truefalse", "short", "numeric", "date", "order", "match", "cloze",
    }  # fmt: skip
    assert export_gift(loaded.bank).content.decode() == original


def test_the_round_trip_keeps_special_characters_and_metadata(empty_bank_dir: Path) -> None:
    loaded = _write_and_load(_import("supported.gift", known_sources=SOURCES), empty_bank_dir)
    assert loaded.bank is not None
    lab = loaded.bank.questions["lab-choice"]
    assert lab.fields["answer"] == "C# = {x}: ~y"
    assert "Back\\slash" in lab.fields["choices"]
    assert lab.explanation == "Escaped: ~ = # { } : all come back.\nEven on a second line."
    assert lab.tags == ("escaping", "special characters")
    assert (lab.hint, lab.difficulty) == ("Look for the braces.", "hard")
    amount = loaded.bank.questions["investment-amount"]
    assert amount.fields["answer"].currency == "EUR"
    assert loaded.bank.questions["llama-model"].fields["typos"] == 1
    assert loaded.bank.questions["based-in"].fields["blanks"] == (("Paris", "Paris, France"),)


def test_ids_are_stable_across_runs_and_unique() -> None:
    first, second = _import("foreign.gift"), _import("foreign.gift")
    ids = [q["id"] for q in first.questions]
    assert ids == [q["id"] for q in second.questions]
    assert len(ids) == len(set(ids))
    assert ids[0] == "capital-of-france"
    assert "capital-of-france-2" in ids  # the same name twice
    assert "who-wrote-hamlet" in ids  # no name: from the prompt


def test_ids_avoid_those_taken_elsewhere_in_the_bank() -> None:
    imported = _import("foreign.gift", taken_ids={"capital-of-france"})
    assert imported.questions[0]["id"] == "capital-of-france-2"


@pytest.mark.parametrize(
    ("name", "prompt", "expected"),
    [
        ("Capital of France", "", "capital-of-france"),
        (None, "Où est le Café de Flore ?", "ou-est-le-cafe-de-flore"),
        ("1", "Why?", "why"),
        (None, "?", "q-"),
    ],
)
def test_question_ids(name: str | None, prompt: str, expected: str) -> None:
    assert question_id(name, prompt).startswith(expected)


def test_category_paths_become_topic_titles() -> None:
    assert category_title("$course$/top/Geography//Maps") == "Geography/Maps"
    assert category_title("$course$/top") == ""


def test_unknown_sources_become_a_marked_draft_placeholder() -> None:
    imported = _import("foreign.gift")
    assert all(q["sources"] == [PLACEHOLDER_SOURCE] for q in imported.questions)
    assert all(q["status"] == "draft" for q in imported.questions)
    assert "# TODO: set sources" in imported.yaml
    assert imported.drafts == len(imported.questions)


def test_default_sources_are_used_and_a_full_question_is_live(empty_bank_dir: Path) -> None:
    imported = _import("foreign.gift", known_sources=SOURCES, default_sources=["harmony"])
    capital = imported.questions[0]
    assert capital["sources"] == ["harmony"] and "status" not in capital
    hamlet = imported.questions[1]
    assert hamlet["status"] == "draft"  # no general feedback: the explanation is a TODO
    assert hamlet["explanation"].startswith("TODO")
    assert _write_and_load(imported, empty_bank_dir).errors == []


def test_foreign_constructs_are_converted_or_reported_by_line() -> None:
    imported = _import("foreign.gift", default_sources=["harmony"])
    by_id = {q["id"]: q for q in imported.questions}
    lines = imported.yaml.splitlines()
    assert next(line for line in lines if not line.startswith("#")) == "topic: Geography/Maps"
    assert "#   line 10: essay questions cannot be graded automatically here: skipped" in lines
    assert by_id["capital-of-france"]["accept"] == ["Paris, France"]
    assert by_id["who-wrote-hamlet"]["answer"] == "Shakespeare"
    assert by_id["what-is-2-2"]["answer"] == "4"
    assert by_id["which-are-primes"]["answers"] == ["2", "3"]
    assert by_id["the-sky-is-today"]["prompt"] == "The sky is _____ today."
    assert by_id["fill-in-the-blank"]["text"] == "Mistral AI is based in {{Paris}} France."
    assert (by_id["fractions"]["answer"], by_id["fractions"]["tolerance"]) == ("0.5", "0.1")
    assert by_id["match-the-cities"]["pairs"] == [{"Paris": "France"}, {"Rome": "Italy"}]
    reported = {(p.line, p.message.split(" ")[0]) for p in imported.problems}
    assert reported >= {
        (4, "feedback"),  # per-answer feedback
        (6, "partial"),  # partial credit on a single choice
        (8, "partial"),
        (8, "wrong-answer"),
        (10, "essay"),
        (12, "a"),  # a description
        (14, "answer"),  # multi weights without penalty
        (24, "category"),  # a second category
        (26, "extra"),  # a matching distractor
        (28, "an"),  # an unclosed brace
    }


def test_a_question_the_validator_refuses_is_reported_not_written() -> None:
    text = "::dup::Pick one.{=Same ~Same}\n"
    imported = import_gift(text, topic="T", default_sources=["harmony"])
    assert imported.questions == ()
    [problem] = imported.problems
    assert problem.line == 1 and "listed twice" in problem.message


def test_markdown_and_html_formats() -> None:
    text = "[html]<b>Bold</b> question?{TRUE}\n\n::q2::[markdown]*Yes* or no?{F####Because.}\n"
    imported = import_gift(text, topic="T", default_sources=["harmony"])
    first, second = imported.questions
    assert first["prompt"] == "**Bold** question?" and first["answer"] is True
    assert (second["prompt"], second["answer"], second["explanation"]) == (
        "*Yes* or no?", False, "Because.",
    )  # fmt: skip
    assert imported.problems == ()

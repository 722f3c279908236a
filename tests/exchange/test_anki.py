"""The .apkg: one note per question, stable GUIDs, the right fields and tags."""

from __future__ import annotations

import io
import json
import sqlite3
import zipfile
from contextlib import closing
from dataclasses import replace
from pathlib import Path

import genanki

from quizapp.bank.spec import Bank
from quizapp.exchange.anki import DECK_ID, FIELDS, MODEL_ID, export_anki, tags_for


def _notes(content: bytes, tmp_path: Path) -> dict[str, dict[str, object]]:
    """The notes of an .apkg by their Id field, read from the SQLite file inside the zip."""
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        assert set(archive.namelist()) == {"collection.anki2", "media"}
        db_path = tmp_path / "collection.anki2"
        db_path.write_bytes(archive.read("collection.anki2"))
    with closing(sqlite3.connect(db_path)) as conn:
        rows = conn.execute("SELECT guid, mid, flds, tags FROM notes").fetchall()
        decks = json.loads(conn.execute("SELECT decks FROM col").fetchone()[0])
    db_path.unlink()
    notes = {}
    for guid, mid, flds, tags in rows:
        fields = dict(zip(FIELDS, flds.split("\x1f"), strict=True))
        notes[fields["Id"]] = {"guid": guid, "mid": mid, "fields": fields, "tags": tags.split()}
    notes["_decks"] = decks
    return notes


def test_one_note_per_question_with_guid_from_the_id(tiny_bank: Bank, tmp_path: Path) -> None:
    notes = _notes(export_anki(tiny_bank).content, tmp_path)
    decks = notes.pop("_decks")
    assert set(notes) == set(tiny_bank.questions)
    for question_id, note in notes.items():
        assert note["guid"] == genanki.guid_for(question_id)
        assert note["mid"] == MODEL_ID
    assert str(DECK_ID) in decks


def test_guids_are_stable_across_two_exports(tiny_bank: Bank, tmp_path: Path) -> None:
    first = _notes(export_anki(tiny_bank).content, tmp_path)
    second = _notes(export_anki(tiny_bank).content, tmp_path)
    first.pop("_decks"), second.pop("_decks")
    assert {k: n["guid"] for k, n in first.items()} == {k: n["guid"] for k, n in second.items()}


def test_the_fields_carry_question_answer_explanation_and_source(
    tiny_bank: Bank, tmp_path: Path
) -> None:
    notes = _notes(export_anki(tiny_bank).content, tmp_path)
    lab = notes["mensch-former-lab"]["fields"]
    assert lab["Question"].startswith("<p>Before Mistral AI, Arthur Mensch worked at which <em>")
    assert "<li>OpenAI</li>" in lab["Question"]
    assert lab["Answer"] == "Google DeepMind"
    assert lab["Explanation"] == "<p>He came from Google DeepMind.</p>"
    assert lab["Source"] == "Source: An alliance in AI — A. Writer, 2024-02-27"
    assert lab["Hint"] == "Think of Google."
    order = notes["timeline-order"]["fields"]
    assert order["Answer"] == "Mistral AI founded → Seed round → Microsoft deal"
    assert "_____" in notes["deal-cloze"]["fields"]["Question"]
    assert "Example News, 2024-02" in notes["mistral-is-french"]["fields"]["Source"]


def test_tags_come_from_topic_tags_and_difficulty(tiny_bank: Bank, tmp_path: Path) -> None:
    notes = _notes(export_anki(tiny_bank).content, tmp_path)
    assert sorted(notes["mensch-former-lab"]["tags"]) == ["difficulty::easy", "founders", "people"]
    assert notes["deal-cloze"]["tags"] == ["timeline"]


def test_anki_tags_have_no_spaces(tiny_bank: Bank) -> None:
    question = replace(tiny_bank.questions["lample-model"], tags=("large language models",))
    assert tags_for(question) == ["people", "large_language_models"]

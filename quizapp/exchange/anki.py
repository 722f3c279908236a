"""Anki export: one note per question in one deck, written with genanki.

The note GUID is ``genanki.guid_for(question id)`` and the model and deck ids are fixed, so
importing a newer export into Anki updates the existing cards (and their review history
stays) instead of adding duplicates. The front shows the prompt (with the choices, the items
or the blanks where the type has them) and the hint behind a click; the back shows the
answer, the explanation and the sources. Tags: the topic key, the question's tags (spaces
become underscores, which Anki needs) and ``difficulty::<level>``.
"""

from __future__ import annotations

import html
import itertools
import sqlite3
import tempfile
import time
import zipfile
from contextlib import closing
from io import BytesIO
from pathlib import Path

import genanki

from quizapp.bank.markup import render_markdown
from quizapp.bank.spec import Bank, QuestionSpec
from quizapp.qtypes import get_type

from .common import Export, each_question, source_labels

MODEL_ID = 1_718_400_301
DECK_ID = 1_718_400_302
DECK_NAME = "Quizapp question bank"
FIELDS = ("Question", "Answer", "Explanation", "Source", "Hint", "Id")
FRONT = '<div class="prompt">{{Question}}</div>{{#Hint}}<p class="hint">{{hint:Hint}}</p>{{/Hint}}'
BACK = (
    '{{FrontSide}}<hr id="answer"><div class="answer">{{Answer}}</div>'
    '<div class="explanation">{{Explanation}}</div><p class="source">{{Source}}</p>'
)
CSS = (
    ".card { font-family: sans-serif; font-size: 18px; text-align: left; }"
    " .answer { font-weight: bold; } .source { font-size: 14px; color: #555; }"
)

MODEL = genanki.Model(
    MODEL_ID,
    "Quizapp question",
    fields=[{"name": name} for name in FIELDS],
    templates=[{"name": "Question", "qfmt": FRONT, "afmt": BACK}],
    css=CSS,
)


def _items(texts: list[str]) -> str:
    return "<ul>" + "".join(f"<li>{html.escape(t)}</li>" for t in texts) + "</ul>"


def front_html(q: QuestionSpec) -> str:
    """The prompt plus what the type shows with it (never the answer's order)."""
    prompt = render_markdown(q.prompt)
    if q.type in ("choice", "multi"):
        return prompt + _items(list(q.fields["choices"]))
    if q.type == "order":
        return prompt + _items(sorted(q.fields["items"], key=str.casefold))
    if q.type == "match":
        lefts = [left for left, _ in q.fields["pairs"]]
        rights = sorted({right for _, right in q.fields["pairs"]}, key=str.casefold)
        return prompt + _items(lefts) + "<p>Choose from:</p>" + _items(rights)
    if q.type == "cloze":
        segments = q.fields["segments"]
        text = "".join(html.escape(s) if isinstance(s, str) else "_____" for s in segments)
        return f"{prompt}<p>{text}</p>"
    return prompt


def tags_for(q: QuestionSpec) -> list[str]:
    """Anki tags: no spaces allowed, so blanks become underscores."""
    tags = [q.topic, *q.tags, *([f"difficulty::{q.difficulty}"] if q.difficulty else [])]
    return list(dict.fromkeys("_".join(tag.split()) for tag in tags if tag.strip()))


def note_for(bank: Bank, q: QuestionSpec) -> genanki.Note:
    """The note of one question, its GUID derived from the question id."""
    fields = [
        front_html(q),
        html.escape(get_type(q.type).answer_text(q)),
        render_markdown(q.explanation),
        "Source: " + "; ".join(html.escape(label) for label in source_labels(bank, q)),
        render_markdown(q.hint, inline=True) if q.hint else "",
        q.id,
    ]
    return genanki.Note(model=MODEL, fields=fields, tags=tags_for(q), guid=genanki.guid_for(q.id))


def package_bytes(deck: genanki.Deck, timestamp: float | None = None) -> bytes:
    """The .apkg as bytes (genanki's own writer leaves its temporary database behind)."""
    package = genanki.Package(deck)
    stamp = time.time() if timestamp is None else timestamp
    buffer = BytesIO()
    with tempfile.TemporaryDirectory() as folder:
        db_path = Path(folder) / "collection.anki2"
        with closing(sqlite3.connect(db_path)) as conn:
            package.write_to_db(conn.cursor(), stamp, itertools.count(int(stamp * 1000)))
            conn.commit()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.write(db_path, "collection.anki2")
            archive.writestr("media", "{}")
    return buffer.getvalue()


def export_anki(bank: Bank) -> Export:
    """The bank as an Anki package; Anki cards can show every type, so no warnings."""
    deck = genanki.Deck(DECK_ID, DECK_NAME, description="Exported from quizapp.")
    for _, q in each_question(bank):
        deck.add_note(note_for(bank, q))
    return Export(package_bytes(deck), (), len(bank))

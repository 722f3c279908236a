"""Take the bank elsewhere and bring questions in: the formats of Anki, Moodle and Canvas.

Pure like ``bank``: exports take a ``Bank`` and return an ``Export`` (the file's bytes and
what the format cannot express, by question id): Anki, GIFT, Moodle XML, QTI 1.2 for
Canvas, CSV. Imports take a file's bytes and return an ``Imported`` (a topic file's YAML,
its questions and the problems found, by line; never an exception): GIFT, Moodle XML,
Aiken. The CLI and the teachers' bank page are thin wrappers over ``export_bank`` and
``import_bank_file``. docs/exchange.md says what each format keeps and loses.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass

from quizapp.bank.spec import Bank

from .aiken import import_aiken
from .anki import export_anki
from .common import Export, Unexpressed
from .csv_export import export_csv
from .gift import export_gift
from .gift_import import import_gift
from .incoming import Imported, Problem
from .moodle import export_moodle_xml
from .moodle_import import import_moodle_xml
from .qti_package import export_qti
from .reading import Unreadable, decode


@dataclass(frozen=True)
class Format:
    """An export format: its name on the command line and in URLs, and its file."""

    name: str
    label: str
    filename: str
    mimetype: str
    export: Callable[[Bank], Export]


FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format("anki", "Anki deck (.apkg)", "quizapp-bank.apkg", "application/apkg", export_anki),
        Format("gift", "GIFT for Moodle (.txt)", "quizapp-bank-gift.txt",
               "text/plain; charset=utf-8", export_gift),
        Format("moodle-xml", "Moodle XML (.xml)", "quizapp-bank-moodle.xml",
               "application/xml", export_moodle_xml),
        Format("qti", "QTI 1.2 for Canvas (.zip)", "quizapp-bank-qti.zip", "application/zip",
               export_qti),
        Format("csv", "Spreadsheet (.csv)", "quizapp-bank.csv", "text/csv; charset=utf-8",
               export_csv),
    )
}  # fmt: skip

IMPORT_FORMATS: dict[str, str] = {
    "gift": "GIFT (Moodle, .txt or .gift)",
    "moodle-xml": "Moodle XML (.xml)",
    "aiken": "Aiken (Moodle, .txt)",
}
"""The formats ``import_bank_file`` reads, with their labels."""


def export_bank(bank: Bank, fmt: str) -> Export:
    """Export ``bank`` in the format named ``fmt`` (a key of ``FORMATS``)."""
    return FORMATS[fmt].export(bank)


def import_bank_file(
    data: bytes,
    fmt: str,
    *,
    topic: str,
    known_sources: Collection[str] = (),
    default_sources: Sequence[str] = (),
    taken_ids: Collection[str] = (),
    origin: str = "",
) -> Imported:
    """Import the file ``data`` in format ``fmt`` (a key of ``IMPORT_FORMATS``) as a topic file.

    Never raises on the file's content: an unreadable file gives an ``Imported`` with no
    questions and the problem with its line.
    """
    options = {
        "topic": topic, "known_sources": known_sources, "default_sources": default_sources,
        "taken_ids": taken_ids, "origin": origin or IMPORT_FORMATS[fmt],
    }  # fmt: skip
    if fmt == "moodle-xml":
        return import_moodle_xml(data, **options)  # type: ignore[arg-type]
    try:
        decoded = decode(data)
    except Unreadable as exc:
        return Imported("", (), (Problem(exc.line, exc.message),))
    importer = import_gift if fmt == "gift" else import_aiken
    result = importer(decoded.text, **options)  # type: ignore[arg-type]
    if decoded.note is None:
        return result
    note = Problem(*decoded.note)
    return Imported(result.yaml, result.questions, (note, *result.problems))


__all__ = [
    "FORMATS", "IMPORT_FORMATS", "Export", "Format", "Imported", "Problem", "Unexpressed",
    "export_bank", "import_bank_file",
]  # fmt: skip

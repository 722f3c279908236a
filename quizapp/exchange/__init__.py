"""Take the bank elsewhere: export to Anki, GIFT, Moodle XML and CSV; import GIFT.

Pure like ``bank``: exports take a ``Bank`` and return an ``Export`` (the file's bytes and
what the format cannot express, by question id); ``gift_import.import_gift`` takes GIFT text
and returns a topic file's YAML and the problems found, by line. The CLI and the teachers'
download route are thin wrappers over ``export_bank``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from quizapp.bank.spec import Bank

from .anki import export_anki
from .common import Export, Unexpressed
from .csv_export import export_csv
from .gift import export_gift
from .moodle import export_moodle_xml


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
        Format("csv", "Spreadsheet (.csv)", "quizapp-bank.csv", "text/csv; charset=utf-8",
               export_csv),
    )
}  # fmt: skip


def export_bank(bank: Bank, fmt: str) -> Export:
    """Export ``bank`` in the format named ``fmt`` (a key of ``FORMATS``)."""
    return FORMATS[fmt].export(bank)


__all__ = ["FORMATS", "Export", "Format", "Unexpressed", "export_bank"]

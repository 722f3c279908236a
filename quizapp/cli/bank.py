"""``flask bank check|sync``: validate the YAML bank and copy it into the database.

Both also check each question's evidence against the article files present in
``ARTICLES_DIR`` (a locator that points outside its article is an error).
"""

from __future__ import annotations

from pathlib import Path

import click

from ..bank.sync import sync_bank
from ..bank.validate import summary
from ..database import write_intent
from ..extensions import db
from . import AppContextGroup, bank_dir, load_or_fail
from .draft import draft
from .drafteval import draft_eval
from .exchange import export_command, import_command
from .lint import lint_command, locate_command


@click.group(cls=AppContextGroup)
def bank() -> None:
    """Work with the YAML question bank."""


@bank.command("check")
@click.argument("path", required=False, type=click.Path(exists=True, path_type=Path))
def check(path: Path | None) -> None:
    """Validate PATH: a bank folder (default: the configured bank) or one topic file such as
    a draft; print every error, or a summary."""
    loaded = load_or_fail(path or bank_dir())
    click.echo(summary(loaded))


@bank.command("sync")
def sync() -> None:
    """Add, update and retire database questions to match the YAML (idempotent)."""
    directory = bank_dir()
    loaded = load_or_fail(directory)
    with write_intent():
        report = sync_bank(loaded)
        db.session.commit()
    click.echo(f"Synced {len(loaded)} questions from {directory}: {report.summary()}")


for _command in (export_command, import_command, draft, draft_eval, lint_command, locate_command):
    bank.add_command(_command)

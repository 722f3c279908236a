"""``flask bank check|sync``: validate the YAML bank and copy it into the database."""

from __future__ import annotations

from pathlib import Path

import click

from ..bank.spec import Bank
from ..bank.sync import sync_bank
from ..bank.validate import load_bank, load_file, summary
from ..database import write_intent
from ..extensions import db
from . import AppContextGroup, bank_dir
from .draft import draft
from .drafteval import draft_eval
from .exchange import export_command, import_command


@click.group(cls=AppContextGroup)
def bank() -> None:
    """Work with the YAML question bank."""


def _load_or_fail(path: Path) -> Bank:
    """The bank in folder ``path`` (or the one topic file ``path``), or exit 1 with every error."""
    result = load_file(path) if path.is_file() else load_bank(path)
    if result.errors or result.bank is None:
        for err in result.errors:
            click.echo(str(err), err=True)
        noun = "error" if len(result.errors) == 1 else "errors"
        raise click.ClickException(f"{len(result.errors)} {noun} in {path}; nothing changed.")
    return result.bank


@bank.command("check")
@click.argument("path", required=False, type=click.Path(exists=True, path_type=Path))
def check(path: Path | None) -> None:
    """Validate PATH: a bank folder (default: the configured bank) or one topic file such as
    a draft; print every error, or a summary."""
    loaded = _load_or_fail(path or bank_dir())
    click.echo(summary(loaded))


@bank.command("sync")
def sync() -> None:
    """Add, update and retire database questions to match the YAML (idempotent)."""
    directory = bank_dir()
    loaded = _load_or_fail(directory)
    with write_intent():
        report = sync_bank(loaded)
        db.session.commit()
    click.echo(f"Synced {len(loaded)} questions from {directory}: {report.summary()}")


for _command in (export_command, import_command, draft, draft_eval):
    bank.add_command(_command)

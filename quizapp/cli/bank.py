"""``flask bank check|sync``: validate the YAML bank and copy it into the database."""

from __future__ import annotations

from pathlib import Path

import click
from flask import current_app

from ..bank.sync import sync_bank
from ..bank.validate import load_bank, summary
from ..database import write_intent
from ..extensions import db


@click.group()
def bank() -> None:
    """Work with the YAML question bank."""


def _load_or_fail(directory: Path):  # type: ignore[no-untyped-def]
    result = load_bank(directory)
    if result.errors:
        for err in result.errors:
            click.echo(str(err), err=True)
        noun = "error" if len(result.errors) == 1 else "errors"
        raise click.ClickException(f"{len(result.errors)} {noun} in {directory}; nothing changed.")
    return result.bank


@bank.command("check")
@click.argument("directory", required=False, type=click.Path(file_okay=False, path_type=Path))
def check(directory: Path | None) -> None:
    """Validate DIRECTORY (default: the configured bank); print every error or a summary."""
    directory = directory or Path(current_app.config["QUESTIONS_DIR"])
    loaded = _load_or_fail(directory)
    click.echo(summary(loaded))


@bank.command("sync")
def sync() -> None:
    """Add, update and retire database questions to match the YAML (idempotent)."""
    directory = Path(current_app.config["QUESTIONS_DIR"])
    loaded = _load_or_fail(directory)
    with write_intent():
        report = sync_bank(loaded)
        db.session.commit()
    click.echo(f"Synced {len(loaded)} questions from {directory}: {report.summary()}")


from .exchange import export_command, import_command  # noqa: E402 - the group is defined above

bank.add_command(export_command)
bank.add_command(import_command)

from .draft import draft, draft_eval  # noqa: E402 - the group is defined above

bank.add_command(draft)
bank.add_command(draft_eval)

"""``flask bank export`` and ``flask bank import``: thin wrappers over ``quizapp.exchange``."""

from __future__ import annotations

from pathlib import Path

import click

from ..bank.sources import load_sources
from ..bank.spec import Bank
from ..bank.validate import SOURCES_FILE, load_bank, load_file, taken_ids
from ..exchange import FORMATS, export_bank
from ..exchange.gift_import import PLACEHOLDER_SOURCE, import_gift
from . import bank_dir


def _served_bank(directory: Path) -> Bank:
    """The bank as served (no drafts), or a ClickException listing its errors."""
    result = load_bank(directory)
    if result.errors or result.bank is None:
        for err in result.errors:
            click.echo(str(err), err=True)
        raise click.ClickException(
            f"{len(result.errors)} error(s) in {directory}; nothing exported."
        )
    return result.bank


@click.command("export")
@click.option("--format", "fmt", type=click.Choice(list(FORMATS)), required=True,
              help="anki (.apkg), gift, moodle-xml or csv.")  # fmt: skip
@click.argument("out", type=click.Path(dir_okay=False, writable=True, path_type=Path))
def export_command(fmt: str, out: Path) -> None:
    """Export the served bank (QUESTIONS_DIR, drafts left out) to OUT.

    What the format cannot express is listed on stderr, one line per question id.
    """
    bank = _served_bank(bank_dir())
    result = export_bank(bank, fmt)
    for warning in result.warnings:
        click.echo(f"not expressible in {fmt}: {warning}", err=True)
    out.write_bytes(result.content)
    skipped = len(bank) - result.questions
    note = f", {skipped} skipped" if skipped else ""
    click.echo(f"Exported {result.questions} questions to {out} ({fmt}{note}).")


def _topic_from(out: Path) -> str:
    return out.stem.replace("-", " ").replace("_", " ").strip().capitalize() or "Imported"


@click.command("import")
@click.option("--format", "fmt", type=click.Choice(["gift"]), required=True)
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    required=True,
    help="The topic file to write, e.g. questions/imported.yaml.",
)
@click.option(
    "--source",
    "sources",
    multiple=True,
    help="A source id from sources.yaml that the questions cite (repeatable).",
)
@click.option("--force", is_flag=True, help="Overwrite OUT if it exists.")  # fmt: skip
def import_command(fmt: str, file: Path, out: Path, sources: tuple[str, ...], force: bool) -> None:
    """Import the GIFT FILE into a topic file, then check it against the bank.

    Questions without known sources get the placeholder source and 'status: draft'.
    """
    directory = bank_dir()
    known, _errors = load_sources(directory / SOURCES_FILE, SOURCES_FILE)
    known = known or {}
    unknown = [s for s in sources if s not in known]
    if unknown:
        raise click.ClickException(f"unknown source(s) {', '.join(unknown)}: not in {SOURCES_FILE}")
    if out.exists() and not force:
        raise click.ClickException(f"{out} exists; pass --force to overwrite it.")
    result = import_gift(
        file.read_text(encoding="utf-8-sig"),
        topic=_topic_from(out),
        known_sources=known,
        default_sources=sources,
        taken_ids=taken_ids(directory, out),
        origin=file.name,
    )
    for problem in result.problems:
        click.echo(f"{file}:{problem.line}: {problem.message}", err=True)
    if not result.questions:
        raise click.ClickException(f"no question of {file} could be imported; nothing written.")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(result.yaml, encoding="utf-8")
    click.echo(f"Wrote {len(result.questions)} questions to {out} ({result.drafts} drafts).")
    _check_written(out, directory)


def _check_written(out: Path, directory: Path) -> None:
    """Validate the written file as ``bank check`` would; point out placeholder sources."""
    checked = load_file(out, bank_dir=directory)
    if checked.errors:
        for err in checked.errors:
            click.echo(str(err), err=True)
        raise click.ClickException(f"{out} does not pass bank check; see the errors above.")
    click.echo("It passes bank check.")
    pending = out.read_text(encoding="utf-8").count(PLACEHOLDER_SOURCE)
    if pending:
        click.echo(
            f"{pending} question(s) are drafts citing '{PLACEHOLDER_SOURCE}': they are not served"
            f" until you replace it with ids from {SOURCES_FILE} and remove 'status: draft'"
            " (or import again with --source).",
            err=True,
        )

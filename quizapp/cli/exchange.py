"""``flask bank export`` and ``flask bank import``: thin wrappers over ``quizapp.exchange``."""

from __future__ import annotations

from pathlib import Path

import click

from ..bank.sources import load_sources
from ..bank.spec import Bank
from ..bank.topics import PLACEHOLDER_SOURCE
from ..bank.validate import SOURCES_FILE, load_bank, load_file, taken_ids, topic_name_problem
from ..exchange import FORMATS, IMPORT_FORMATS, export_bank, import_bank_file
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
              help="anki (.apkg), gift, moodle-xml, qti (Canvas .zip) or csv.")  # fmt: skip
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
@click.option("--format", "fmt", type=click.Choice(list(IMPORT_FORMATS)), required=True,
              help="gift, moodle-xml or aiken.")  # fmt: skip
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
    """Import FILE (GIFT, Moodle XML or Aiken) into a topic file, then check it against the bank.

    Questions without known sources get the placeholder source and 'status: draft'. Nothing
    is written unless the file passes bank check.
    """
    directory = bank_dir()
    known, _errors = load_sources(directory / SOURCES_FILE, SOURCES_FILE)
    known = known or {}
    unknown = [s for s in sources if s not in known]
    if unknown:
        raise click.ClickException(f"unknown source(s) {', '.join(unknown)}: not in {SOURCES_FILE}")
    if out.exists() and not force:
        raise click.ClickException(f"{out} exists; pass --force to overwrite it.")
    if problem := topic_name_problem(out):
        raise click.ClickException(f"{problem}; nothing written.")
    result = import_bank_file(
        file.read_bytes(), fmt, topic=_topic_from(out), known_sources=known,
        default_sources=sources, taken_ids=taken_ids(directory, out), origin=file.name,
    )  # fmt: skip
    for problem in result.problems:
        click.echo(f"{file}:{problem.line}: {problem.message}", err=True)
    if not result.questions:
        raise click.ClickException(f"no question of {file} could be imported; nothing written.")
    _write_checked(out, result.yaml, directory)
    click.echo(f"Wrote {len(result.questions)} questions to {out} ({result.drafts} drafts).")
    click.echo("It passes bank check.")
    pending = result.yaml.count(PLACEHOLDER_SOURCE)
    if pending:
        click.echo(
            f"{pending} question(s) are drafts citing '{PLACEHOLDER_SOURCE}': they are not served"
            f" until you replace it with ids from {SOURCES_FILE} and remove 'status: draft'"
            " (or import again with --source).",
            err=True,
        )


def _write_checked(out: Path, text: str, directory: Path) -> None:
    """Write ``out`` and validate it as ``bank check`` would; on errors put back what was
    there before (nothing, or the file --force was replacing) and fail."""
    out.parent.mkdir(parents=True, exist_ok=True)
    previous = out.read_bytes() if out.exists() else None
    out.write_text(text, encoding="utf-8")
    checked = load_file(out, bank_dir=directory)
    if not checked.errors:
        return
    if previous is None:
        out.unlink()
    else:
        out.write_bytes(previous)
    for err in checked.errors:
        click.echo(str(err), err=True)
    raise click.ClickException(f"{out} would not pass bank check (see above); nothing written.")

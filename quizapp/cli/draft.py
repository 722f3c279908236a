"""``flask bank draft``: draft questions from articles for a teacher to review. A thin
wrapper over ``quizapp.drafting``; ``draft-eval`` (in ``drafteval.py``) measures the drafts."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import click

from ..bank.slugs import slugify
from ..bank.validate import SOURCES_FILE
from ..drafting.articles import collect
from ..drafting.gazetteer import Gazetteer, GazetteerError
from ..drafting.pipeline import DraftRun, draft_files
from ..drafting.render import conflict_rows, render, table
from ..drafting.sourcesfile import add_sources
from . import bank_dir


def _output_name(paths: tuple[Path, ...]) -> str:
    """A topic-file name for the drafts: the one input's name, else "drafts"."""
    stem = paths[0].stem if len(paths) == 1 else "drafts"
    return slugify(stem) or "drafts"


def run_drafts(
    paths: tuple[Path, ...], gazetteers: tuple[Path, ...], *, dedupe: bool, bank: bool = True
) -> DraftRun:
    """Collect and draft with a progress bar; file problems are reported, not fatal."""
    files, problems = collect(paths)
    try:
        gazetteer = Gazetteer.load(gazetteers)
    except GazetteerError as exc:
        raise click.ClickException(str(exc)) from exc
    with click.progressbar(files, label="Drafting", show_pos=True) as bar:
        folder = bank_dir() if bank else None
        run = draft_files(bar, bank_dir=folder, gazetteer=gazetteer, dedupe=dedupe)
    run.problems = problems + run.problems
    for problem in run.problems:
        click.echo(f"error: {problem}", err=True)
    for warning in run.warnings:
        click.echo(f"warning: {warning}", err=True)
    if not run.articles:
        raise click.ClickException("no article could be read; nothing drafted")
    return run


def _report(run: DraftRun, out: Path) -> None:
    counts = Counter(draft.type for draft in run.drafts)
    per_type = ", ".join(f"{name} {n}" for name, n in sorted(counts.items())) or "none"
    click.echo(f"Wrote {len(run.drafts)} draft questions to {out} ({per_type}).")
    articles = len(run.articles) + len(run.problems)
    click.echo(f"Articles: {len(run.articles)} of {articles} read.")
    if run.duplicates:
        click.echo(f"Skipped {len(run.duplicates)} duplicates of bank questions:")
        for dup in run.duplicates:
            click.echo(f"  {dup.draft.id} ~ {dup.bank_id} ({dup.similarity:g}% similar)")
    if run.conflicts:
        click.echo(f"Conflicts between articles ({len(run.conflicts)}):")
        header = ("fact", "value", "source", "evidence")
        for line in table(header, conflict_rows(run.conflicts)):
            click.echo("  " + line)
    else:
        click.echo("Conflicts between articles: none found.")


@click.command("draft")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Output file (default: <bank>/drafts/<name>.yaml).",
)
@click.option(
    "--gazetteer",
    "gazetteers",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Extra organisations (same format as quizapp/drafting/gazetteer.yaml); repeatable.",
)
@click.option("--keep-duplicates", is_flag=True, help="Keep drafts the bank already has.")
@click.option(
    "--add-sources/--no-add-sources",
    "add_new_sources",
    default=True,
    help="Add new articles to the bank's sources.yaml (default) or only print the entries.",
)
def draft(
    paths: tuple[Path, ...],
    out: Path | None,
    gazetteers: tuple[Path, ...],
    keep_duplicates: bool,
    add_new_sources: bool,
) -> None:
    """Draft questions from the .txt/.md articles in PATHS (files or folders) for review."""
    run = run_drafts(paths, gazetteers, dedupe=not keep_duplicates)
    directory = bank_dir()
    out = out or directory / "drafts" / f"{_output_name(paths)}.yaml"
    pending = run.new_sources
    if run.new_sources and add_new_sources:
        update = add_sources(directory / SOURCES_FILE, run.new_sources)
        for problem in update.problems:
            click.echo(f"warning: {problem}", err=True)
        if update.added:
            click.echo(f"Added sources to {directory / SOURCES_FILE}: {', '.join(update.added)}")
        pending = [entry for entry in run.new_sources if entry["id"] not in update.added]
    text = render(
        f"Drafts: {out.stem}",
        run.drafts,
        articles=run.articles,
        conflicts=run.conflicts,
        duplicates=run.duplicates,
        new_sources=pending,
    )
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text, encoding="utf-8")
    _report(run, out)

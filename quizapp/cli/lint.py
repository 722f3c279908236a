"""``flask bank lint`` (item-writing advice) and ``flask bank locate`` (evidence offsets)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import click

from ..bank.articles import article_path, locate, read_article
from ..bank.lint import lint_bank
from ..bank.spec import Bank
from . import articles_dir, bank_dir, load_or_fail


def available(bank: Bank, directory: Path) -> dict[str, bool] | None:
    """Which sources' texts are in ``directory``; None when the folder does not exist."""
    if not directory.is_dir():
        return None
    return {sid: article_path(directory, s) is not None for sid, s in bank.sources.items()}


@click.command("lint")
@click.argument("path", required=False, type=click.Path(exists=True, path_type=Path))
@click.option("--strict", is_flag=True, help="Exit with an error when there is any warning.")
def lint_command(path: Path | None, strict: bool) -> None:
    """Item-writing advice on PATH (default: the configured bank): one warning a line, each
    naming its rule, the guideline it applies and how to fix it."""
    loaded = load_or_fail(path or bank_dir())
    warnings = lint_bank(loaded, available=available(loaded, articles_dir()))
    for warning in warnings:
        click.echo(str(warning))
    if not warnings:
        click.echo(f"No lint warnings in {len(loaded)} questions.")
        return
    rules = Counter(w.rule for w in warnings)
    summary = ", ".join(f"{rule} {n}" for rule, n in sorted(rules.items()))
    noun = "warning" if len(warnings) == 1 else "warnings"
    message = f"{len(warnings)} lint {noun} ({summary})"
    if strict:
        raise click.ClickException(message + "; --strict fails on any.")
    click.echo(message)


@click.command("locate")
@click.argument("source_id")
@click.argument("phrase")
def locate_command(source_id: str, phrase: str) -> None:
    """Print the evidence locator of PHRASE in the article SOURCE_ID (for a question's
    ``evidence:``); the phrase stays in your terminal, only the offsets go in the YAML."""
    loaded = load_or_fail(bank_dir())
    source = loaded.sources.get(source_id)
    if source is None:
        raise click.ClickException(f"no source '{source_id}' in sources.yaml")
    text = read_article(articles_dir(), source)
    if text is None:
        raise click.ClickException(
            f"the article file {source.text_file} is not in {articles_dir()}"
        )
    spans = locate(text, phrase)
    if not spans:
        raise click.ClickException("the phrase is not in the article — copy it exactly")
    for start, end in spans:
        click.echo(f"{source_id} {start}-{end}")

"""``flask bank draft-eval``: how good are the drafts? Against hand-labelled facts
(``--gold``: precision, recall, conflict precision per article), or against the curated
bank (amounts and dates it recovers, drafts that pass validation)."""

from __future__ import annotations

import tempfile
from pathlib import Path

import click

from ..bank.validate import load_bank
from ..drafting.articles import SUFFIXES
from ..drafting.evaluate import check_file, evaluate
from ..drafting.gold import GoldError, fingerprint, load_gold
from ..drafting.judge import GoldReport, Judged, judge
from ..drafting.render import render, table
from ..presentation import percent
from . import bank_dir
from .draft import run_drafts


def _share(part: int, whole: int) -> str:
    return f"{part}/{whole} ({percent(part / whole if whole else None)})"


def _print_gold(report: GoldReport, show: str) -> None:
    rows = []
    for score in report.articles:
        rows.append((score.article[:40], score.split, _share(score.good, len(score.judged)),
                     _share(len(score.found), len(score.facts))))  # fmt: skip
    for line in table(("article", "split", "precision", "recall"), rows):
        click.echo(line)
    click.echo()
    for split in sorted({a.split for a in report.articles}) + [None]:
        good, drafts, found, facts = report.totals(split)
        click.echo(f"{split or 'all'}: precision {_share(good, drafts)}, "
                   f"recall {_share(found, facts)}")  # fmt: skip
    false = report.conflicts - report.true_conflicts
    precision = _share(report.true_conflicts, report.conflicts)
    click.echo(f"Conflicts reported: {report.conflicts} ({false} false); "
               f"conflict precision {precision}")  # fmt: skip
    if report.unjudged:
        click.echo(f"Unjudged drafts (counted as not good): {len(report.unjudged)}; "
                   "label them in verdicts.yaml (--show unjudged lists them)")  # fmt: skip
    chosen: list[Judged] = [
        j
        for a in report.articles
        for j in a.judged
        if show == "all" or (show == "unjudged" and j.how == "unjudged")
        or (show == "bad" and not j.good)
    ]  # fmt: skip
    for j in chosen:
        answer = j.draft.fields.get("answer", j.draft.fields.get("text", ""))
        verdict = "good" if j.good else "bad"
        reason = "/".join(j.facts) or j.why
        click.echo(f"\n- draft: {j.draft.id}\n  fingerprint: {fingerprint(j.draft)}\n"
                   f"  # {j.draft.mention.article.name}: {verdict} by {j.how} {reason}\n"
                   f"  # {j.draft.prompt}\n  # -> {answer}")  # fmt: skip


def _curated(directory: Path) -> None:
    questions = bank_dir()
    loaded = load_bank(questions)
    if loaded.bank is None:
        raise click.ClickException(f"the bank in {questions} has errors; run `flask bank check`")
    with tempfile.TemporaryDirectory() as scratch:
        drafts_dir = directory
        if not any(directory.glob("*.yaml")) and any(
            p.suffix in SUFFIXES for p in directory.rglob("*")
        ):
            run = run_drafts((directory,), (), dedupe=False)
            drafts_dir = Path(scratch)
            (drafts_dir / "articles.yaml").write_text(
                render("Drafts: articles", run.drafts), encoding="utf-8"
            )
        files = [check_file(path, questions) for path in sorted(drafts_dir.glob("*.yaml"))]
    report = evaluate(files, loaded.bank.questions.values())
    share = percent(report.valid / report.drafts if report.drafts else None)
    click.echo(
        f"Drafts: {report.drafts} in {len(files)} file(s); "
        f"{report.valid} pass validation ({share})."
    )
    click.echo("Per type: " + ", ".join(f"{t} {n}" for t, n in sorted(report.per_type.items())))
    for name, part in (("money amounts", report.amounts), ("other numbers", report.numbers),
                       ("dates", report.dates)):  # fmt: skip
        missed = f" — missed: {', '.join(part.missed)}" if part.missed else ""
        click.echo(f"Curated {name} recovered: {part}{missed}")
    for error in report.errors[:20]:
        click.echo(f"  {error}", err=True)


@click.command("draft-eval")
@click.argument("directory", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option(
    "--gold",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="A folder of hand-labelled facts (e.g. tests/data/draft-dev): draft the articles in "
    "DIRECTORY and print precision, recall and conflict precision.",
)
@click.option(
    "--show",
    type=click.Choice(["none", "unjudged", "bad", "all"]),
    default="none",
    help="With --gold: list these drafts with their verdicts, in verdicts.yaml's format.",
)
def draft_eval(directory: Path, gold: Path | None, show: str) -> None:
    """Score drafts: with --gold, the articles in DIRECTORY against labelled facts; else
    draft .yaml files (or articles drafted on the fly) against the curated bank."""
    if gold is None:
        _curated(directory)
        return
    try:
        labels = load_gold(gold)
    except GoldError as exc:
        raise click.ClickException(str(exc)) from exc
    run = run_drafts((directory,), (), dedupe=False, bank=False)
    _print_gold(judge(run.drafts, run.conflicts, labels), show)

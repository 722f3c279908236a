"""``flask stats rebuild|check|refresh``: the aggregates behind the teacher's statistics."""

from __future__ import annotations

import click
from sqlalchemy import delete

from ..database import write_intent
from ..extensions import db
from ..models import StatisticsCache
from ..statistics.questions import refresh_school
from ..statistics.scores import rebuild_scores, score_differences
from . import AppContextGroup


@click.group(cls=AppContextGroup)
def stats() -> None:
    """The per-student aggregates (item_score) and the cached question statistics."""


@stats.command("rebuild")
def rebuild() -> None:
    """Recount item_score from every answer and forget the cached statistics."""
    with write_intent():
        rows = rebuild_scores()
        db.session.execute(delete(StatisticsCache))
        db.session.commit()
    click.echo(f"item_score rebuilt from the answers: {rows} rows; cached statistics cleared.")


@stats.command("check")
def check() -> None:
    """Compare item_score with a full recount of the answers; exit 1 where they differ."""
    problems = score_differences()
    db.session.rollback()
    if problems:
        for problem in problems:
            click.echo(problem, err=True)
        raise click.ClickException(
            "item_score differs from the answers; `flask stats rebuild` recounts it."
        )
    click.echo("item_score matches a full recount of the answers.")


@stats.command("refresh")
def refresh() -> None:
    """Compute the school's question statistics now (they are otherwise updated on a visit)."""
    names = refresh_school()
    click.echo(f"Computed {', '.join(names)}.")

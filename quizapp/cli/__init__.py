"""Thin ``flask`` commands over the application's functions."""

from __future__ import annotations

from pathlib import Path

import click
from flask import current_app
from flask.cli import AppGroup, with_appcontext

from ..bank.articles import check_evidence
from ..bank.spec import Bank
from ..bank.validate import load_bank, load_file


def bank_dir() -> Path:
    """The configured question-bank folder (``QUESTIONS_DIR``)."""
    return Path(current_app.config["QUESTIONS_DIR"])


def articles_dir() -> Path:
    """The configured articles folder (``ARTICLES_DIR``)."""
    return Path(current_app.config["ARTICLES_DIR"])


def load_or_fail(path: Path) -> Bank:
    """The bank in folder ``path`` (or the one topic file ``path``), its evidence checked
    against the article files present; or exit 1 with every error."""
    result = load_file(path) if path.is_file() else load_bank(path)
    errors = list(result.errors)
    if result.bank is not None:
        errors += check_evidence(result.bank, articles_dir())
    if errors or result.bank is None:
        for err in errors:
            click.echo(str(err), err=True)
        noun = "error" if len(errors) == 1 else "errors"
        raise click.ClickException(f"{len(errors)} {noun} in {path}; nothing changed.")
    return result.bank


class AppContextGroup(AppGroup):
    """A command group whose every command runs inside the app context.

    ``AppGroup`` wraps commands declared with ``@group.command``; this also wraps the
    ones defined in other modules and attached with ``add_command``.
    """

    def add_command(self, cmd: click.Command, name: str | None = None) -> None:
        if cmd.callback is not None and not getattr(cmd.callback, "_quizapp_ctx", False):
            cmd.callback = with_appcontext(cmd.callback)
            cmd.callback._quizapp_ctx = True  # type: ignore[attr-defined]
        super().add_command(cmd, name)

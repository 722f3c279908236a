"""Thin ``flask`` commands over the application's functions."""

from __future__ import annotations

from pathlib import Path

import click
from flask import current_app
from flask.cli import AppGroup, with_appcontext


def bank_dir() -> Path:
    """The configured question-bank folder (``QUESTIONS_DIR``)."""
    return Path(current_app.config["QUESTIONS_DIR"])


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

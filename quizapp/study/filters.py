"""Template filters the study pages use; registered app-wide, so flashcards can use them too."""

from __future__ import annotations

from datetime import datetime

from markupsafe import Markup

from ..bank.markup import render_markdown
from ..bank.spec import Source
from .results import format_duration
from .results import percent as whole_percent


def markdown(text: str | None) -> Markup:
    """Bank Markdown (prompts, explanations) as safe HTML paragraphs; YAML HTML stays text."""
    return Markup(render_markdown(text or ""))  # noqa: S704 - nh3-cleaned


def markdown_inline(text: str | None) -> Markup:
    """Bank Markdown without the paragraph, for table cells and headings."""
    return Markup(render_markdown(text or "", inline=True))  # noqa: S704 - nh3-cleaned


def when(moment: datetime | None) -> str:
    """A UTC timestamp for people: ``25 Nov 2026, 14:03 UTC``."""
    return moment.strftime("%d %b %Y, %H:%M UTC").lstrip("0") if moment else "—"


def source_title(source: Source) -> str:
    """An article's title; else its description, publisher or id."""
    return source.title or source.description or source.publisher or f"Article '{source.id}'"


def percent(value: float | None) -> str:
    """A 0..1 share as a whole percentage (``"83%"``); an em dash when unknown."""
    return "—" if value is None else f"{whole_percent(value)}%"


FILTERS = {
    "markdown": markdown,
    "markdown_inline": markdown_inline,
    "duration": format_duration,
    "when": when,
    "source_title": source_title,
    "percent": percent,
}

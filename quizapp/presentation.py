"""How pages show values: percentages, bank Markdown, durations, times, verdicts, sources.

One function per idea, pure (no Flask, no database): the templates use them as filters
(``templating.init_app`` registers ``FILTERS``) and Python code that builds a page calls the
same functions. An unknown or not-yet value (nothing answered, no time) shows as ``—``.
"""

from __future__ import annotations

from datetime import datetime

from markupsafe import Markup

from .bank.markup import render_markdown
from .bank.spec import Source

__all__ = [
    "FILTERS",
    "NOTHING",
    "format_duration",
    "markdown",
    "markdown_inline",
    "percent",
    "source_title",
    "verdict",
    "when",
]

NOTHING = "—"
"""What every page shows for a value that does not exist yet (an em dash)."""


def percent(value: float | None) -> str:
    """A 0..1 score or share as a whole percentage: ``0.834`` -> ``"83%"``.

    None means there is nothing to count yet (no answer, no card, no draft) and shows as
    ``"—"``, never as ``"0%"``: a zero is a result, nothing answered is not. Rounded to the
    nearest whole percent with Python's ``round`` (a tie goes to the even number).
    """
    return NOTHING if value is None else f"{round(value * 100)}%"


def markdown(text: str | None) -> Markup:
    """Bank Markdown (prompts, explanations) as safe HTML paragraphs; typed HTML stays text."""
    return Markup(render_markdown(text or ""))  # noqa: S704 - cleaned by nh3 (bank.markup)


def markdown_inline(text: str | None) -> Markup:
    """Bank Markdown without the paragraph, for table cells, lists and headings."""
    return Markup(render_markdown(text or "", inline=True))  # noqa: S704 - cleaned by nh3


def format_duration(ms: int | None) -> str:
    """``45 s``, ``3 min 05 s``, ``1 h 02 min``; ``—`` when unknown."""
    if ms is None:
        return NOTHING
    seconds = round(ms / 1000)
    if seconds < 60:
        return f"{seconds} s"
    minutes, seconds = divmod(seconds, 60)
    if minutes < 60:
        return f"{minutes} min {seconds:02d} s"
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes:02d} min"


def when(moment: datetime | None) -> str:
    """A UTC timestamp for people: ``25 Nov 2026, 14:03 UTC``; ``—`` when unknown."""
    return moment.strftime("%d %b %Y, %H:%M UTC").lstrip("0") if moment else NOTHING


def verdict(score: float, correct: bool) -> str:
    """``right``, ``partly right`` or ``wrong``: the word the pages (and CSS classes) use."""
    if correct:
        return "right"
    return "partly right" if score > 0 else "wrong"


def source_title(source: Source) -> str:
    """An article's title; else its description, publisher or id."""
    return source.title or source.description or source.publisher or f"Article '{source.id}'"


FILTERS = {
    "markdown": markdown,
    "markdown_inline": markdown_inline,
    "duration": format_duration,
    "when": when,
    "source_title": source_title,
    "percent": percent,
}
"""The template filters, by the name templates use."""

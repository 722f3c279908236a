"""How pages show values: percentages, bank Markdown, durations, times, verdicts, sources.

One function per idea, pure (no Flask, no database): the templates use them as filters
(``templating.init_app`` registers ``FILTERS``) and Python code that builds a page calls the
same functions. An unknown or not-yet value (nothing answered, no time) shows as ``—``.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from markupsafe import Markup

from .bank.markup import render_markdown
from .bank.spec import Source

__all__ = [
    "FILTERS",
    "NOTHING",
    "ago",
    "due_in_words",
    "format_duration",
    "local_time",
    "markdown",
    "markdown_inline",
    "percent",
    "source_title",
    "verdict",
    "verdict_mark",
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


def when(moment: datetime | None, tz_name: str = "UTC") -> str:
    """A moment for people in zone ``tz_name``: ``25 Nov 2026, 15:03 CET``; ``—`` when unknown.

    Pages call it through the ``when`` filter, which passes the viewer's zone (their Settings);
    a naive ``moment`` is UTC, as quizapp stores it.
    """
    if moment is None:
        return NOTHING
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    local = moment.astimezone(ZoneInfo(tz_name))
    return f"{local.day} {local:%b %Y, %H:%M} {local:%Z}"


def local_time(moment: datetime | None, tz_name: str) -> str:
    """A UTC timestamp on the clock of zone ``tz_name``: ``Tue 3 Mar 2026, 17:00 (Europe/Paris)``.

    For times a class keeps (an assignment's open and due times); ``—`` when unknown.
    """
    if moment is None:
        return NOTHING
    local = moment.astimezone(ZoneInfo(tz_name))
    return f"{local.strftime('%a')} {local.day} {local.strftime('%b %Y, %H:%M')} ({tz_name})"


def verdict(score: float, correct: bool) -> str:
    """``right``, ``partly right`` or ``wrong``: the word the pages (and CSS classes) use."""
    if correct:
        return "right"
    return "partly right" if score > 0 else "wrong"


VERDICT_MARKS = {"right": "✓", "partly right": "◐", "wrong": "✗", "skipped": "–"}


def verdict_mark(word: str) -> str:
    """The symbol shown beside a verdict word, so right and wrong never rest on colour alone."""
    return VERDICT_MARKS.get(word, "")


def _minutes(minutes: int) -> str:
    return f"{minutes} minute{'' if minutes == 1 else 's'}"


def ago(earlier: datetime, now: datetime) -> str:
    """How long ago, in words: ``just now``, ``10 minutes ago``, ``3 hours ago``, ``2 days ago``."""
    seconds = (now - earlier).total_seconds()
    if seconds < 60:
        return "just now"
    if (minutes := round(seconds / 60)) < 60:
        return f"{_minutes(minutes)} ago"
    if (hours := round(seconds / 3600)) < 24:
        return f"{hours} hour{'' if hours == 1 else 's'} ago"
    days = round(seconds / 86400)
    return f"{days} day{'' if days == 1 else 's'} ago"


def due_in_words(due: datetime, now: datetime, tz_name: str) -> str:
    """When a card falls due, for people in zone ``tz_name``.

    Within the hour ``in 10 minutes`` (``now`` when due already); else the local clock time:
    ``today at 18:40``, ``tomorrow at 09:10``, ``on Tue 10 Mar at 09:10``.
    """
    left = due - now
    if left <= timedelta(0):
        return "now"
    if left < timedelta(minutes=59, seconds=30):
        return f"in {_minutes(max(1, round(left.total_seconds() / 60)))}"
    zone = ZoneInfo(tz_name)
    local, today = due.astimezone(zone), now.astimezone(zone).date()
    clock = local.strftime("%H:%M")
    if local.date() == today:
        return f"today at {clock}"
    if local.date() == today + timedelta(days=1):
        return f"tomorrow at {clock}"
    return f"on {local.strftime('%a')} {local.day} {local.strftime('%b')} at {clock}"


def source_title(source: Source) -> str:
    """An article's title; else its description, publisher or id."""
    return source.title or source.description or source.publisher or f"Article '{source.id}'"


FILTERS = {
    "markdown": markdown,
    "markdown_inline": markdown_inline,
    "duration": format_duration,
    "local_time": local_time,
    "source_title": source_title,
    "percent": percent,
    "verdict_mark": verdict_mark,
}
"""The template filters, by the name templates use (``when`` is added by ``templating``, which
knows the viewer's time zone)."""

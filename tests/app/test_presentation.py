"""How pages show values: one function per idea, and "—" for a value that does not exist yet."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from markupsafe import Markup

from quizapp.bank.spec import Source
from quizapp.presentation import (
    ago,
    due_in_words,
    format_duration,
    markdown,
    markdown_inline,
    percent,
    source_title,
    verdict,
    when,
)


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (None, "—"),
        (0.0, "0%"),
        (0.5, "50%"),
        (0.834, "83%"),
        (0.835, "84%"),
        (1 / 3, "33%"),
        (2 / 3, "67%"),
        (0.125, "12%"),  # a tie goes to the even number, as Python's round
        (1.0, "100%"),
    ],
)
def test_percent(value: float | None, text: str) -> None:
    assert percent(value) == text


def test_markdown_keeps_typed_html_as_text() -> None:
    html = markdown("Who? <script>alert(1)</script> *Paris*")
    assert isinstance(html, Markup)
    assert "<script>" not in html and "&lt;script&gt;" in html and "<em>Paris</em>" in html
    assert html.startswith("<p>")


def test_markdown_inline_has_no_paragraph_and_none_is_empty() -> None:
    assert markdown_inline("*Paris* <b>x</b>") == "<em>Paris</em> &lt;b&gt;x&lt;/b&gt;"
    assert markdown(None) == "" and markdown_inline(None) == ""


@pytest.mark.parametrize(
    ("ms", "text"),
    [
        (None, "—"),
        (0, "0 s"),
        (1_499, "1 s"),
        (59_000, "59 s"),
        (65_000, "1 min 05 s"),
        (3_600_000, "1 h 00 min"),
        (3_725_000, "1 h 02 min"),
    ],
)
def test_format_duration(ms: int | None, text: str) -> None:
    assert format_duration(ms) == text


@pytest.mark.parametrize(
    ("score", "correct", "word"),
    [(1.0, True, "right"), (0.5, False, "partly right"), (0.0, False, "wrong")],
)
def test_verdict(score: float, correct: bool, word: str) -> None:
    assert verdict(score, correct) == word


def test_when() -> None:
    assert when(datetime(2026, 3, 2, 9, 5, tzinfo=UTC)) == "2 Mar 2026, 09:05 UTC"
    assert when(None) == "—"
    assert when(datetime(2026, 3, 2, 9, 5, tzinfo=UTC), "Europe/Paris") == "2 Mar 2026, 10:05 CET"
    assert when(datetime(2026, 3, 2, 23, 5), "Asia/Tokyo") == "3 Mar 2026, 08:05 JST"  # naive: UTC


def source(**names: str | None) -> Source:
    fields = {"title": None, "author": None, "publisher": None} | names
    return Source(
        id="blog", date="2024-02", text_file="s.txt", file="sources.yaml", line=1, **fields
    )


def test_source_title_falls_back_to_the_publisher_then_the_id() -> None:
    assert source_title(source(title="A title", publisher="P")) == "A title"
    assert source_title(source(publisher="P")) == "P"
    assert source_title(source()) == "Article 'blog'"


NOON = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("after", "zone", "words"),
    [
        (timedelta(0), "UTC", "now"),
        (timedelta(seconds=20), "UTC", "in 1 minute"),
        (timedelta(minutes=10), "UTC", "in 10 minutes"),
        (timedelta(hours=6, minutes=40), "UTC", "today at 18:40"),
        (timedelta(hours=21, minutes=10), "UTC", "tomorrow at 09:10"),
        (timedelta(hours=12, minutes=10), "Asia/Tokyo", "tomorrow at 09:10"),  # 21:00 there now
        (timedelta(days=8), "UTC", "on Tue 10 Mar at 12:00"),
    ],
)
def test_due_in_words_in_the_students_zone(after: timedelta, zone: str, words: str) -> None:
    assert due_in_words(NOON + after, NOON, zone) == words


@pytest.mark.parametrize(
    ("before", "words"),
    [
        (timedelta(seconds=30), "just now"),
        (timedelta(minutes=1), "1 minute ago"),
        (timedelta(minutes=10), "10 minutes ago"),
        (timedelta(hours=3), "3 hours ago"),
        (timedelta(days=2), "2 days ago"),
    ],
)
def test_ago_in_words(before: timedelta, words: str) -> None:
    assert ago(NOON - before, NOON) == words

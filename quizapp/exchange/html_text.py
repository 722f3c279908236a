"""HTML written in Moodle, as our Markdown subset (prompts, explanations) or plain text.

markdownify (on BeautifulSoup) does the conversion; nothing here parses HTML with regular
expressions. Images cannot come along (the bank has no media): they are reported.
"""

from __future__ import annotations

import re
import warnings

from bs4 import BeautifulSoup, MarkupResemblesLocatorWarning
from markdownify import markdownify

TAG_OR_ENTITY = re.compile(r"<[a-zA-Z/!]|&(#[0-9]+|#x[0-9a-fA-F]+|[a-zA-Z]+);")
"""A cheap test whether text needs the HTML parser at all (the parsing is BeautifulSoup's)."""


def looks_like_html(text: str) -> bool:
    """True when ``text`` holds a tag or an entity."""
    return bool(TAG_OR_ENTITY.search(text))


def _soup(html: str) -> BeautifulSoup:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", MarkupResemblesLocatorWarning)
        return BeautifulSoup(html, "html.parser")


def images(html: str) -> list[str]:
    """The ``src`` (or ``alt``) of every image in ``html``."""
    if "<" not in html:
        return []
    return [str(img.get("src") or img.get("alt") or "image") for img in _soup(html).find_all("img")]


def to_markdown(html: str) -> str:
    """HTML as Markdown: paragraphs, emphasis, lists and links kept, the rest as text."""
    if not looks_like_html(html):
        return html.strip()
    text = markdownify(html, heading_style="ATX", bullets="-", strip=["img"])
    text = "\n".join(line.rstrip() for line in text.splitlines())
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def to_plain(html: str) -> str:
    """HTML as one line of plain text (choices, answers, matching items)."""
    if not looks_like_html(html):
        return " ".join(html.split())
    return " ".join(_soup(html).get_text(" ").split())

"""Page furniture: what an article file holds besides the article's sentences.

A copied web page starts with header lines (the address, the headline, a date on its own
line, a byline) and may carry datelines ("June 8 (Reuters) -"), navigation and comment
prompts ("Leave a Reply"). ``clean`` blanks them out with spaces, so character offsets
(the drafts' evidence) still point into the file's text, keeps the headline and the date
for naming and dating the article, decodes HTML entities, and tells a non-English text.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from quizapp.grading import parse_date

from .words import word_set

_URL = re.compile(r"^\s*(?:https?://|www\.)\S+\s*$")
_URL_DATE = re.compile(r"/((?:19|20)\d{2})/(0[1-9]|1[0-2])/(?:(0[1-9]|[12]\d|3[01])/)?")
_DATE_LINE = re.compile(
    r"^\s*(?:(?:published|updated|posted|date)\s*:?\s*(?:on\s+)?)?"
    r"(?P<date>\d{4}-\d{2}-\d{2}|[A-Z][a-z]{2,8}\.? \d{1,2},? \d{4}|\d{1,2} [A-Z][a-z]{2,8} \d{4})"
    r"(?:\s*[,|]?\s*\d{1,2}:\d{2}.*)?\s*$",
    re.IGNORECASE,
)
_BYLINE = re.compile(r"^\s*(?:by|written by|reporting by)\s+[A-Z][\w.'’-]+(?:[ ,]+(?:and\s+)?"
                     r"[A-Z][\w.'’-]+){0,7}\s*$", re.IGNORECASE)  # fmt: skip
_DATELINE = re.compile(
    r"^\s*(?:[A-Z][a-z]{2,8}\.? \d{1,2} )?\((?:Reuters|UPI|AFP|AP|Bloomberg|dpa)\)\s*[-–—]+\s*"
)
_NAVIGATION = re.compile(
    r"^\s*(?:leave a (?:reply|comment)|share(?: this(?: article)?)?|read more|related(?: articles)?"
    r"|subscribe.*|sign up.*|advertisement|comments?|follow us.*|click here.*|home|menu"
    r"|skip to content|cancel reply|you may also like)\s*:?\s*$",
    re.IGNORECASE,
)
_ENGLISH = word_set(
    "the of and to in a is that for on with as was by it its said has at from are be have "
    "which will this an were had not but their who"
)
_OTHERS = {
    "French": word_set("le la les des du et un une est pour dans que qui sur avec au aux par "
                       "ce cette pas sont ont"),
    "German": word_set("der die das und ist nicht mit den dem ein eine zu von auf für sich "
                       "auch wird wurde"),
    "Spanish": word_set("el la los las del y es en que por con para una un se al como más "
                        "pero sus"),
}  # fmt: skip
_WORDS = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class Header:
    """What the header lines say about the article: its address, headline and date."""

    url: str | None = None
    headline: str | None = None
    date: str | None = None


@dataclass(frozen=True)
class Cleaned:
    """An article's text with furniture blanked, its header, and a language other than
    English when the text reads like one (else None)."""

    text: str
    header: Header
    language: str | None


def _blank(line: str) -> str:
    return " " * len(line)


def _header(lines: list[str]) -> tuple[Header, set[int]]:
    """The header found in the first lines, and the indexes of the lines it used."""
    url = headline = date = None
    used: set[int] = set()
    content = [i for i, line in enumerate(lines[:8]) if line.strip()]
    for position, index in enumerate(content[:5]):
        line = lines[index].strip()
        if _URL.match(line) and url is None:
            url = line
            used.add(index)
        elif (found := _DATE_LINE.match(line)) and date is None:
            parsed = parse_date(found["date"].replace(".", ""))
            date = str(parsed) if parsed else None
            used.add(index)
        elif _BYLINE.match(line):
            used.add(index)
        elif headline is None and url is not None and position <= 1 and not line.endswith("."):
            headline = line
            used.add(index)
    if date is None and url and (dated := _URL_DATE.search(url)):
        date = "-".join(part for part in dated.groups() if part)
    return Header(url, headline, date), used


def language_of(text: str) -> str | None:
    """ "French", "German" or "Spanish" when ``text`` reads like that more than English."""
    words = [w.lower() for w in _WORDS.findall(text)]
    if len(words) < 20:
        return None
    english = sum(w in _ENGLISH for w in words)
    best = max(_OTHERS, key=lambda name: sum(w in _OTHERS[name] for w in words))
    other = sum(w in _OTHERS[best] for w in words)
    return best if other > english else None


def clean(text: str) -> Cleaned:
    """Blank the furniture of ``text``; decode HTML entities; find header and language."""
    if "&" in text:
        text = html.unescape(text)
    lines = text.split("\n")
    header, used = _header(lines)
    kept = []
    for index, line in enumerate(lines):
        if index in used or _NAVIGATION.match(line) or _URL.match(line):
            kept.append(_blank(line))
            continue
        dateline = _DATELINE.match(line)
        if dateline:
            line = _blank(dateline.group()) + line[dateline.end() :]
        kept.append(line)
    body = "\n".join(kept)
    return Cleaned(body, header, language_of(body))

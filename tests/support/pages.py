"""Read the forms a simulated student needs out of quizapp's HTML pages."""

from __future__ import annotations

import re
from html.parser import HTMLParser

TEXT_ANSWER = "2024"
"""What a student types into text fields: a number, a year, a word; right or wrong alike."""


class FormParser(HTMLParser):
    """Collect the fields of the first ``<form>`` whose class contains ``css_class``."""

    def __init__(self, css_class: str) -> None:
        super().__init__()
        self.css_class = css_class
        self.inside = False
        self.done = False
        self.hidden: list[tuple[str, str]] = []
        self.choices: dict[str, list[str]] = {}  # radio, checkbox, select: their values
        self.texts: list[str] = []
        self.selects: list[str] = []  # the names in ``choices`` that are selects, in page order
        self._select: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "form" and not self.done and self.css_class in a.get("class", "").split():
            self.inside = True
        if not self.inside:
            return
        name = a.get("name", "")
        if tag == "input" and name:
            kind = a.get("type", "text").lower()
            if kind == "hidden":
                self.hidden.append((name, a.get("value", "")))
            elif kind in ("radio", "checkbox"):
                self.choices.setdefault(name, []).append(a.get("value", "on"))
            elif kind not in ("submit", "button"):
                self.texts.append(name)
        elif tag == "textarea" and name:
            self.texts.append(name)
        elif tag == "select" and name:
            self._select = name
            self.choices.setdefault(name, [])
            self.selects.append(name)
        elif tag == "option" and self._select and a.get("value"):
            self.choices[self._select].append(a["value"])

    def handle_endtag(self, tag: str) -> None:
        if tag == "select":
            self._select = None
        elif tag == "form" and self.inside:
            self.inside, self.done = False, True


def parse_form(html: str, css_class: str) -> FormParser:
    """The fields of the form with ``css_class`` in ``html``."""
    parser = FormParser(css_class)
    parser.feed(html)
    return parser


def answer_fields(form: FormParser) -> list[tuple[str, str]]:
    """An answer to the question's form: a number typed, the first option of every radio or
    checkbox group, and a different option in each select (an order question refuses an item
    chosen twice)."""
    fields = []
    for name, values in form.choices.items():
        if values:
            shift = form.selects.index(name) if name in form.selects else 0
            fields.append((name, values[shift % len(values)]))
    return fields + [(name, TEXT_ANSWER) for name in form.texts]


def hidden(form: FormParser, name: str) -> str:
    """The value of hidden field ``name`` ("" when the form has none)."""
    return next((value for key, value in form.hidden if key == name), "")


def csrf_token(html: str) -> str:
    """The first CSRF token on a page ("" when there is none)."""
    match = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', html)
    return match.group(1) if match else ""

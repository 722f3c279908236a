"""Read GIFT text into neutral records, following Moodle's own reader (qformat_gift).

Questions are separated by blank lines; ``//`` lines are comments: a ``// quizapp: {json}``
line is kept as the question's metadata, and ``[id:...]`` and ``[tag:...]`` in any comment
give the idnumber and tags, as Moodle reads them. A question is ``::name::`` (optional), an
optional ``[format]``, its text and one ``{answer block}``, which Moodle reads as: empty ->
essay, ``>3 ...`` -> ordering (Moodle's ``qtype_ordering``, see ``ordering``), ``#...`` ->
numerical, any ``~`` -> multiple choice, ``=`` with ``->`` -> matching,
``T``/``TRUE``/``F``/``FALSE`` -> true/false, else short answer (``{Paris}`` too: text before
the first ``=`` is an answer). Answers and feedback may start with their own ``[format]``.
Text after the block makes a "missing word" question. Every record remembers its line
numbers for error messages; nothing here raises on any input.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field, replace
from typing import Any

from . import ordering
from .gift import META_PREFIX, unescape
from .incoming import read_meta

FORMATS = ("html", "moodle", "plain", "markdown")
WEIGHT = re.compile(r"^%(-?[0-9]+(?:\.[0-9]*)?)%")
ID_TOKEN = re.compile(r"\[id:((?:\\\]|[^\]\x00-\x1f])+)\]")
TAG_TOKEN = re.compile(r"\[tag:((?:\\\]|[^\]|\x00-\x1f])+)\]")
"""Moodle's ``[id:...]`` and ``[tag:...]`` comment tokens (``\\]`` escapes a bracket)."""


@dataclass(frozen=True)
class Answer:
    """One answer of a block: ``=`` or ``~``, its weight in percent, text, feedback.

    ``right`` is the right-hand side of a matching pair (``left -> right``).
    """

    mark: str
    weight: float | None
    text: str
    feedback: str | None
    line: int
    right: str | None = None
    format: str | None = None


@dataclass
class GiftQuestion:
    """A question as GIFT states it. ``kind``: description, essay, numerical, multichoice,
    match, truefalse, shortanswer or ordering (Moodle's names), or category or broken.

    ``text`` is the stripped question text; for a missing word, ``before`` and ``after`` are
    the texts around the answer block with their spacing kept.
    """

    line: int
    kind: str
    name: str | None = None
    format: str | None = None
    text: str = ""
    before: str = ""
    after: str = ""
    answers: list[Answer] = field(default_factory=list)
    truth: bool | None = None
    feedback: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    idnumber: str | None = None
    tags: list[str] = field(default_factory=list)
    feedback_format: str | None = None
    category: str | None = None
    problems: list[tuple[int, str]] = field(default_factory=list)
    order_options: ordering.Options | None = None


def find(text: str, token: str, start: int = 0) -> int:
    """Index of the first unescaped ``token`` at or after ``start``, or -1."""
    index = start
    while index < len(text):
        if text[index] == "\\":
            index += 2
        elif text.startswith(token, index):
            return index
        else:
            index += 1
    return -1


def rfind(text: str, token: str) -> int:
    """Index of the last unescaped ``token``, or -1."""
    return next(reversed(_all(text, token)), -1)


class _Lines:
    """Map offsets in a block's joined text back to file line numbers."""

    def __init__(self, numbered: list[tuple[int, str]]) -> None:
        self.text = "\n".join(line for _, line in numbered)
        self.numbers = [n for n, _ in numbered]
        self.starts, offset = [], 0
        for _, line in numbered:
            self.starts.append(offset)
            offset += len(line) + 1

    def line(self, offset: int) -> int:
        return self.numbers[max(0, bisect_right(self.starts, offset) - 1)]


def blocks(text: str) -> list[tuple[list[tuple[int, str]], list[str]]]:
    """The file's question blocks: (numbered non-comment lines, comment lines)."""
    found: list[tuple[list[tuple[int, str]], list[str]]] = []
    lines: list[tuple[int, str]] = []
    comments: list[str] = []
    for number, line in enumerate(text.lstrip("\ufeff").splitlines(), 1):
        if not line.strip():
            if lines:
                found.append((lines, comments))
            lines, comments = [], []
        elif line.strip().startswith("//"):
            comments.append(line.strip())
        else:
            lines.append((number, line))
    if lines:
        found.append((lines, comments))
    return found


def split_format(text: str) -> tuple[str, str | None]:
    """A leading ``[html]``, ``[moodle]``, ``[plain]`` or ``[markdown]`` taken off ``text``."""
    stripped = text.lstrip()
    if stripped.startswith("[") and (end := stripped.find("]")) > 0:
        name = stripped[1:end].lower()
        if name in FORMATS:
            return stripped[end + 1 :], name
    return text, None


def _answer(raw: str, at: int, lines: _Lines, weighted: bool) -> Answer:
    mark, body = raw[0], raw[1:].strip()
    weight = None
    if weighted and (found := WEIGHT.match(body)):
        weight, body = float(found[1]), body[found.end() :]
    feedback = None
    if (cut := find(body, "#")) >= 0:
        body, feedback = body[:cut], unescape(split_format(body[cut + 1 :])[0]).strip()
    right = None
    if (arrow := find(body, "->")) >= 0:
        body, right = body[:arrow], unescape(body[arrow + 2 :]).strip()
    body, fmt = split_format(body)
    return Answer(mark, weight, unescape(body).strip(), feedback, lines.line(at), right, fmt)


def split_answers(body: str, start: int, lines: _Lines, kind: str = "") -> list[Answer]:
    """Split an answer block at unescaped ``=`` and ``~`` into answers.

    As in Moodle, text before the first mark is an answer too (``{Paris}``: a short answer).
    Weights (``%50%``) are read after ``~``, and after ``=`` in short answers and numbers.
    """
    marks = sorted(i for token in "=~" for i in _all(body, token))
    lead_end = marks[0] if marks else len(body)
    answers = []
    if body[:lead_end].strip():
        implicit = "~" if kind == "multichoice" else "="
        answers.append(_answer(implicit + body[:lead_end], start, lines, implicit == "~"))
    for a, b in zip(marks, [*marks[1:], len(body)], strict=False):
        weighted = body[a] == "~" or kind in ("shortanswer", "numerical")
        answers.append(_answer(body[a:b], start + a, lines, weighted))
    return answers


def _all(text: str, token: str) -> list[int]:
    found, index = [], find(text, token)
    while index >= 0:
        found.append(index)
        index = find(text, token, index + 1)
    return found


def _kind(body: str) -> str:
    if not body:
        return "essay"
    if ordering.is_ordering(body):
        return "ordering"
    if body.startswith("#"):
        return "numerical"
    if find(body, "~") >= 0:
        return "multichoice"
    if find(body, "=") >= 0 and find(body, "->") >= 0:
        return "match"
    cut = find(body, "#")
    if (body if cut < 0 else body[:cut]).strip() in ("T", "TRUE", "F", "FALSE"):
        return "truefalse"
    return "shortanswer"


def _text_and_format(raw: str, *, strip: bool = True) -> tuple[str, str | None]:
    text, fmt = split_format(raw.lstrip())
    text = unescape(text)
    return (text.strip() if strip else text.lstrip()), fmt


def _moodle_tokens(comments: list[str]) -> tuple[str | None, list[str]]:
    """The ``[id:...]`` and ``[tag:...]`` values in a question's comment lines."""
    idnumber, tags = None, []
    for comment in comments:
        if comment.startswith(META_PREFIX.strip()):
            continue
        if idnumber is None and (found := ID_TOKEN.search(comment)):
            idnumber = found[1].replace("\\]", "]").strip()
        tags += [t.replace("\\]", "]").strip() for t in TAG_TOKEN.findall(comment)]
    return idnumber, [t for t in tags if t]


def parse_block(numbered: list[tuple[int, str]], comments: list[str]) -> GiftQuestion:
    """One block of lines as a question (or a category, a description, an essay)."""
    lines = _Lines(numbered)
    text, first = lines.text.strip(), numbered[0][0]
    question = GiftQuestion(first, "description")
    meta = read_meta(comment.removeprefix("// ") for comment in comments)
    if meta is None:
        question.problems.append((first, "unreadable '// quizapp:' comment ignored"))
    question.meta = meta or {}
    question.idnumber, question.tags = _moodle_tokens(comments)
    if text.startswith("$CATEGORY:"):
        question.kind, question.category = "category", text[len("$CATEGORY:") :].strip()
        return question
    offset = lines.text.find(text)
    if text.startswith("::") and (end := find(text, "::", 2)) >= 0:
        question.name = unescape(text[2:end]).strip()
        offset, text = offset + end + 2, text[end + 2 :]
    start = find(text, "{")
    close = find(text, "}", start + 1) if start >= 0 else find(text, "}")
    if start < 0 and close < 0:
        question.text, question.format = _text_and_format(text)
        return question
    if start < 0 or close < 0:
        question.kind = "broken"
        missing = "'}'" if start >= 0 else "'{'"
        at = lines.line(offset + max(start, close))
        question.problems.append((at, f"an answer block needs '{{' and '}}': {missing} is missing"))
        return question
    question.text, question.format = _text_and_format(text[:start])
    question.before = _text_and_format(text[:start], strip=False)[0]
    question.after = unescape(text[close + 1 :])
    body, body_at = text[start + 1 : close], offset + start + 1
    if (cut := rfind(body, "####")) >= 0:
        feedback, question.feedback_format = split_format(body[cut + 4 :])
        question.feedback = unescape(feedback).strip()
        body = body[:cut]
    question.kind = _kind(body.strip())
    _read_answers(question, body, body_at, lines)
    return question


def _read_answers(question: GiftQuestion, body: str, at: int, lines: _Lines) -> None:
    if question.kind == "truefalse":
        head, _, feedback = body.strip().partition("#")
        question.truth = head.strip() in ("T", "TRUE")
        if feedback.strip():
            question.problems.append((lines.line(at), "true/false answer feedback dropped"))
    elif question.kind == "numerical":
        hash_at = body.index("#")
        body, at = body[hash_at + 1 :], at + hash_at + 1
        if (wrong := find(body, "~")) >= 0:
            question.problems.append((lines.line(at + wrong), "wrong-answer feedback dropped"))
            body = body[:wrong]
        question.answers = split_answers(body, at, lines, "numerical")
    elif question.kind in ("multichoice", "match", "shortanswer"):
        question.answers = split_answers(body, at, lines, question.kind)
    elif question.kind == "ordering":
        options, items = ordering.read_block(body)
        for offset, text in items:
            item, fmt = split_format(text)
            answer = Answer("=", None, unescape(item).strip(), None, lines.line(at + offset))
            question.answers.append(replace(answer, format=fmt))
        question.order_options = ordering.fit(options, len(question.answers))


def _safe_block(numbered: list[tuple[int, str]], comments: list[str]) -> GiftQuestion:
    """``parse_block``, with any failure reported on the block's line instead of raised."""
    try:
        return parse_block(numbered, comments)
    except Exception as exc:  # noqa: BLE001 - an import reports, it never crashes
        broken = GiftQuestion(numbered[0][0], "broken")
        broken.problems.append((numbered[0][0], f"this question could not be read ({exc})"))
        return broken


def parse_gift(text: str) -> list[GiftQuestion]:
    """Every block of a GIFT file, in order (categories included)."""
    return [_safe_block(numbered, comments) for numbered, comments in blocks(text)]

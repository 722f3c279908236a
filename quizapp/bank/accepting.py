"""Add an answer to a question's ``accept`` list (or its ``partly`` scores) in a topic file's
text, and take it out again: the edit a teacher's regrade makes (docs/statistics.md).

Pure text edits that keep the file as the teacher wrote it (comments, order, quoting): only
the one line of the list changes, or one line is added after the question's ``answer:``.
A flow list (``accept: [a, b]``), a block list (``accept:`` then ``- a`` lines) and a flow
mapping (``partly: {"LLaMA 2": 0.5}``) are understood; anything else raises
:class:`NotEditable`, and nothing is written. The result is checked by the bank's validator
before it is saved (``editor.operations.save_file``).
"""

from __future__ import annotations

import json
import re

__all__ = ["NotEditable", "add_accepted", "remove_accepted"]


class NotEditable(ValueError):
    """The file's text around the question is not in a form this module edits."""


_ID = re.compile(r"^(?P<indent>\s*)(?:-\s+)?id:\s*(?P<id>[a-z0-9][a-z0-9-]*)\s*(?:#.*)?$")


def _block(lines: list[str], question_id: str) -> tuple[int, int, str]:
    """The question's lines [start, end) and the indentation of its keys."""
    start = None
    for i, line in enumerate(lines):
        found = _ID.match(line)
        if found and found["id"] == question_id:
            start = i
            head = line[: line.index("id:")]
            indent = " " * len(head)
            break
    if start is None:
        raise NotEditable(f"question '{question_id}' is not in this file")
    end = start + 1
    while end < len(lines):
        line = lines[end]
        stripped = line.lstrip()
        if stripped and not stripped.startswith("#") and len(line) - len(stripped) < len(indent):
            break
        if stripped.startswith("- ") and len(line) - len(stripped) <= len(indent) - 2:
            break
        end += 1
    return start, end, indent


def _key_line(lines: list[str], start: int, end: int, indent: str, key: str) -> int | None:
    pattern = re.compile(rf"^{re.escape(indent)}{key}:(\s|$)")
    return next((i for i in range(start + 1, end) if pattern.match(lines[i])), None)


def _quoted(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def add_accepted(text: str, question_id: str, answer: str, score: float | None = None) -> str:
    """``text`` with ``answer`` added to the question's ``accept`` list, or with ``score``
    (between 0 and 1) to its ``partly`` mapping."""
    key = "accept" if score is None else "partly"
    item = _quoted(answer) if score is None else f"{_quoted(answer)}: {score:g}"
    lines = text.splitlines(keepends=True)
    start, end, indent = _block(lines, question_id)
    at = _key_line(lines, start, end, indent, key)
    if at is None:
        answer_at = _key_line(lines, start, end, indent, "answer")
        if (
            answer_at is None
            or answer_at + 1 < end
            and lines[answer_at + 1].startswith(indent + " ")
        ):
            raise NotEditable(f"question '{question_id}' has no one-line 'answer:' to add to")
        brackets = "[{}]" if score is None else "{{{}}}"
        lines.insert(answer_at + 1, f"{indent}{key}: {brackets.format(item)}\n")
        return "".join(lines)
    line, gap, comment = lines[at].rstrip("\n").partition(" #")
    close = "]" if score is None else "}"
    value = line.split(":", 1)[1].strip()
    if value.endswith(close) and "#" not in value:
        inside = value[1:-1].strip()
        spaces = line[len(line.rstrip()) :]
        line = line.rstrip()
        lines[at] = line[:-1].rstrip() + (", " if inside else "") + item + close
        lines[at] += spaces + (gap + comment if gap else "") + "\n"
        return "".join(lines)
    if value == "" and score is None:
        last = at
        while last + 1 < end and lines[last + 1].lstrip().startswith("- "):
            last += 1
        if last == at:
            raise NotEditable(f"question '{question_id}': 'accept:' has no items")
        dash = lines[last][: len(lines[last]) - len(lines[last].lstrip())]
        lines.insert(last + 1, f"{dash}- {item}\n")
        return "".join(lines)
    raise NotEditable(f"question '{question_id}': its '{key}:' is not a one-line list")


def remove_accepted(text: str, question_id: str, answer: str, score: float | None = None) -> str:
    """``text`` without the item :func:`add_accepted` added (the inverse edit, for undo: later
    edits to the file are kept). Unchanged when the item is no longer there."""
    key = "accept" if score is None else "partly"
    item = _quoted(answer) if score is None else f"{_quoted(answer)}: {score:g}"
    lines = text.splitlines(keepends=True)
    try:
        start, end, indent = _block(lines, question_id)
    except NotEditable:
        return text
    at = _key_line(lines, start, end, indent, key)
    if at is None:
        return text
    line = lines[at]
    for written in (f", {item}", item):
        if written in line:
            edited = line.replace(written, "", 1)
            if re.search(r":\s*(\[\s*\]|\{\s*\})\s*$", edited):
                del lines[at]  # the list this regrade created, now empty
            else:
                lines[at] = edited.replace("[, ", "[").replace("{, ", "{")
            return "".join(lines)
    for i in range(at + 1, end):
        if lines[i].strip() == f"- {item}":
            del lines[i]
            return "".join(lines)
    return text

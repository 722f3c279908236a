"""Aiken, Moodle's plain-text multiple choice, into a bank topic file.

As Moodle's qformat_aiken reads it: a question's text (one line or more), then its options,
each a line starting with a capital letter, ``.`` or ``)`` and a space (``A. Paris``), then
``ANSWER: A``. Blank lines are ignored. Every question becomes a ``choice``; the explanation
and sources are left as TODOs (Aiken has no feedback), so the questions arrive as drafts
unless the CLI's ``--source`` names the articles. Problems are reported by line.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field

from .incoming import Imported, Incoming, Problem, build_topic

OPTION = re.compile(r"^([A-Z])[.)][ \t]+(.*\S)")
ANSWER = re.compile(r"^ANSWER:\s*(\S*)")


@dataclass
class _Pending:
    line: int
    text: list[str] = field(default_factory=list)
    options: dict[str, str] = field(default_factory=dict)


def _finish(pending: _Pending, letter: str, line: int) -> tuple[Incoming | None, Problem | None]:
    if len(pending.options) < 2:
        return None, Problem(pending.line, "a question needs at least two options (A. ..., B. ...)")
    if letter not in pending.options:
        letters = ", ".join(pending.options)
        return None, Problem(line, f"ANSWER: '{letter}' is not one of the options {letters}")
    choices = list(pending.options.values())
    if len(set(choices)) < len(choices):
        return None, Problem(pending.line, "two options have the same text")
    question = {
        "type": "choice", "prompt": "\n".join(pending.text), "choices": choices,
        "answer": pending.options[letter],
    }  # fmt: skip
    return Incoming(pending.line, question), None


def parse_aiken(text: str) -> tuple[list[Incoming], list[Problem]]:
    """Every Aiken question of ``text`` and the problems found, by line."""
    items: list[Incoming] = []
    problems: list[Problem] = []
    pending: _Pending | None = None
    for number, raw in enumerate(text.lstrip("\ufeff").splitlines(), 1):
        line = raw.strip()
        if not line:
            continue
        option, answer = OPTION.match(line), ANSWER.match(line)
        if answer:
            if pending is None:
                problems.append(Problem(number, "ANSWER: without a question before it"))
                continue
            item, problem = _finish(pending, answer[1].upper(), number)
            items += [item] if item else []
            problems += [problem] if problem else []
            pending = None
        elif pending is not None and option:
            if option[1] in pending.options:
                problems.append(Problem(number, f"option {option[1]} is given twice"))
            pending.options[option[1]] = option[2]
        elif pending is not None and pending.options:
            problems.append(Problem(number, "text after the options: 'ANSWER: X' is missing"))
            pending = _Pending(number, [line])
        elif pending is not None:
            pending.text.append(line)
        else:
            pending = _Pending(number, [line])
    if pending is not None:
        problems.append(Problem(pending.line, "the last question has no 'ANSWER: X' line"))
    return items, problems


def import_aiken(
    text: str,
    *,
    topic: str,
    known_sources: Collection[str] = (),
    default_sources: Sequence[str] = (),
    taken_ids: Collection[str] = (),
    origin: str = "Aiken",
) -> Imported:
    """Convert Aiken ``text`` to a topic file titled ``topic``."""
    items, problems = parse_aiken(text)
    return build_topic(
        items, problems, title=topic, known_sources=known_sources,
        default_sources=default_sources, taken_ids=taken_ids, origin=origin, fmt="Aiken",
    )  # fmt: skip

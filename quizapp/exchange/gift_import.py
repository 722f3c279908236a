"""GIFT into a bank topic file: every GIFT question our types can hold, the rest reported.

Ids come from the question names (``::name::``) slugified, else from the prompt, made unique
with ``-2``, ``-3``... in file order, so importing the same file again gives the same ids.
Sources come from a ``// quizapp:`` comment (our own export) when the bank knows them, else
from ``default_sources`` (the CLI's ``--source``), else the placeholder ``todo-set-source``:
such questions, and those without general feedback, are written as drafts with a TODO
comment. Each question is checked with the bank's own validator before it is written.
"""

from __future__ import annotations

import hashlib
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Any

from quizapp.bank.slugs import slugify
from quizapp.bank.topics import PLACEHOLDER_SOURCE, Ids, validate_question
from quizapp.bank.yamlload import YamlError, parse_yaml

from .gift_convert import convert
from .gift_parse import GiftQuestion, parse_gift
from .yaml_out import topic_yaml

TODO_EXPLANATION = "TODO: explain the answer."
DIFFICULTIES = ("easy", "medium", "hard")
SKIPPED_KINDS = {
    "description": "a description (no answer block) is not a question: skipped",
    "essay": "essay questions cannot be graded automatically here: skipped",
    "broken": "skipped",
}


@dataclass(frozen=True)
class Problem:
    """Something in the GIFT file that could not be imported as written."""

    line: int
    message: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}"


@dataclass(frozen=True)
class Imported:
    """The topic file's text, its questions, and what could not be imported."""

    yaml: str
    questions: tuple[dict[str, Any], ...]
    problems: tuple[Problem, ...]

    @property
    def drafts(self) -> int:
        """How many imported questions still need the teacher (sources or explanation)."""
        return sum(1 for q in self.questions if q.get("status") == "draft")


def question_id(name: str | None, prompt: str) -> str:
    """An id from the GIFT name, else from the prompt, else from a hash of the prompt."""
    for text in (name or "", prompt):
        slug = slugify(text, 60)
        if len(slug) >= 2:
            return slug
    return "q-" + hashlib.sha256(prompt.encode()).hexdigest()[:8]


def _unique(base: str, taken: set[str]) -> str:
    candidate, n = base, 2
    while candidate in taken:
        suffix = f"-{n}"
        candidate, n = base[: 80 - len(suffix)] + suffix, n + 1
    taken.add(candidate)
    return candidate


def category_title(path: str) -> str:
    """The last part of a ``$CATEGORY:`` path (``$course$/top/People`` -> ``People``)."""
    parts = [p.replace("\0", "/") for p in path.replace("//", "\0").split("/")]
    parts = [p.strip() for p in parts if p.strip() and not p.strip().startswith("$")]
    return parts[-1] if parts and parts[-1] != "top" else ""


class _Importer:
    """Turn parsed GIFT questions into bank questions, one at a time."""

    def __init__(
        self, known: Collection[str], defaults: Sequence[str], taken: Collection[str]
    ) -> None:
        self.known, self.defaults, self.taken = set(known), list(defaults), set(taken)
        self.problems: list[Problem] = []

    def note(self, line: int, message: str) -> None:
        self.problems.append(Problem(line, message))

    def common(self, gq: GiftQuestion, question: dict[str, Any]) -> list[str]:
        """Add id, explanation, sources, tags and status; the TODO comments."""
        todo = []
        base = question_id(gq.name, question["prompt"])
        out: dict[str, Any] = {"id": _unique(base, self.taken), **question}
        out["explanation"] = gq.feedback or TODO_EXPLANATION
        if not gq.feedback:
            todo.append("TODO: write the explanation (GIFT general feedback was empty)")
        cited = [s for s in gq.meta.get("sources", []) if isinstance(s, str)]
        if cited and all(s in self.known for s in cited):
            out["sources"] = cited
        elif self.defaults:
            out["sources"] = self.defaults
        else:
            out["sources"] = [PLACEHOLDER_SOURCE]
            todo.append("TODO: set sources (ids from sources.yaml), then remove 'status: draft'")
        tags = gq.meta.get("tags")
        if isinstance(tags, list) and tags and all(isinstance(t, str) for t in tags):
            out["tags"] = tags
        if isinstance(gq.meta.get("hint"), str):
            out["hint"] = gq.meta["hint"]
        if gq.meta.get("difficulty") in DIFFICULTIES:
            out["difficulty"] = gq.meta["difficulty"]
        if todo:
            out["status"] = "draft"
        question.clear()
        question.update(out)
        return todo

    def validate(self, question: dict[str, Any], line: int) -> bool:
        """Check the question with the bank's validator (sources aside); report failures."""
        try:
            raw = parse_yaml(topic_yaml("check", [(question, [])]), "import")["questions"][0]
        except (YamlError, KeyError, IndexError):
            self.note(line, "could not be written as YAML: skipped")
            return False
        _, errors = validate_question(
            raw, raw.pos, file="import", topic="import", sources=None, ids=Ids()
        )
        for error in errors:
            self.note(line, f"{error.message}: skipped")
        return not errors


def import_gift(
    text: str,
    *,
    topic: str,
    known_sources: Collection[str] = (),
    default_sources: Sequence[str] = (),
    taken_ids: Collection[str] = (),
    origin: str = "GIFT",
) -> Imported:
    """Convert GIFT ``text`` to a topic file titled by its first category, else ``topic``."""
    importer = _Importer(known_sources, default_sources, taken_ids)
    title = ""
    entries: list[tuple[dict[str, Any], list[str]]] = []
    for gq in parse_gift(text):
        importer.problems += [Problem(line, message) for line, message in gq.problems]
        if gq.kind == "category":
            found = category_title(gq.category or "")
            if found and title and found != title:
                importer.note(gq.line, f"category '{found}' also goes into topic '{title}'")
            title = title or found
            continue
        if gq.kind in SKIPPED_KINDS:
            importer.note(gq.line, SKIPPED_KINDS[gq.kind])
            continue
        question, notes = convert(gq)
        importer.problems += [Problem(line, message) for line, message in notes]
        if question is None:
            continue
        todo = importer.common(gq, question)
        if importer.validate(question, gq.line):
            entries.append((question, [*todo, *(f"GIFT line {n}: {m}" for n, m in notes)]))
        else:
            importer.taken.discard(question["id"])
    header = [
        f"Imported from {origin} by 'flask bank import': review before serving.",
        "Drafts are validated but not served; follow each TODO, then remove 'status: draft'.",
    ]
    problems = tuple(sorted(importer.problems, key=lambda p: p.line))
    body = topic_yaml(title or topic, entries, header)
    return Imported(body, tuple(q for q, _ in entries), problems)

"""What every import shares: questions from another format made into a bank topic file.

A format's reader turns its file into ``Incoming`` records (our question's type fields, plus
the name, idnumber, feedback, tags and metadata the file had) and ``Problem`` lines; then
``build_topic`` gives each question a stable id, its explanation and sources, and checks it
with the bank's own validator. Ids come from the Moodle idnumber, else the name, else the
prompt, slugified and made unique with ``-2``, ``-3``... in file order, so importing the
same file again gives the same ids. Sources come from our own export's metadata, else from
the explanation's "Source:" paragraph when the bank knows those articles, else from
``default_sources`` (the CLI's ``--source``), else the placeholder ``todo-set-source``: such
questions, and those without feedback, are written as drafts with a TODO comment.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from quizapp.bank.slugs import slugify
from quizapp.bank.spec import Source
from quizapp.bank.topics import PLACEHOLDER_SOURCE, Ids, validate_question
from quizapp.bank.yamlload import YamlError, parse_yaml

from .common import source_label
from .yaml_out import topic_yaml

TODO_EXPLANATION = "TODO: explain the answer."
DIFFICULTIES = ("easy", "medium", "hard")
SOURCE_PREFIX = "Source: "
META_PREFIX = "quizapp:"
"""Our exports' metadata comment: ``// quizapp: {json}`` (GIFT), ``<!-- quizapp: {json} -->``."""


@dataclass(frozen=True)
class Problem:
    """Something in the file that could not be imported as written, by line."""

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


@dataclass
class Incoming:
    """One question read from a file: ``question`` holds ``type``, ``prompt`` and the type's
    fields; the rest is what the file said about it. ``notes`` are (line, message) losses."""

    line: int
    question: dict[str, Any]
    name: str | None = None
    idnumber: str | None = None
    feedback: str = ""
    tags: list[str] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)
    notes: list[tuple[int, str]] = field(default_factory=list)


def read_meta(comments: Iterable[str]) -> dict[str, Any] | None:
    """The metadata of the first ``quizapp: {json}`` comment (texts without the comment
    marks): {} when there is none or it holds no mapping, None when its JSON is unreadable."""
    for comment in comments:
        if comment.startswith(META_PREFIX):
            try:
                meta = json.loads(comment[len(META_PREFIX) :])
            except ValueError:
                return None
            return meta if isinstance(meta, dict) else {}
    return {}


def category_title(path: str) -> str:
    """The last part of a ``$CATEGORY:`` path (``$course$/top/People`` -> ``People``)."""
    parts = [p.replace("\0", "/") for p in path.replace("//", "\0").split("/")]
    parts = [p.strip() for p in parts if p.strip() and not p.strip().startswith("$")]
    return parts[-1] if parts and parts[-1] != "top" else ""


def next_title(title: str, path: str, line: int, problems: list[Problem]) -> str:
    """The topic's title once the category ``path`` is read: the first category names it; a
    later, different one is reported, since its questions go into the same topic."""
    found = category_title(path)
    if found and title and found != title:
        problems.append(Problem(line, f"category '{found}' also goes into topic '{title}'"))
    return title or found


def question_id(name: str | None, prompt: str) -> str:
    """An id from the name, else from the prompt, else from a hash of the prompt."""
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


def split_sources(feedback: str) -> tuple[str, list[str]]:
    """The explanation without a last "Source: a; b" paragraph, and that paragraph's labels."""
    body, cut, last = feedback.rpartition("\n\n")
    if not cut or not last.startswith(SOURCE_PREFIX):
        return feedback, []
    labels = [label.strip() for label in last[len(SOURCE_PREFIX) :].split(";")]
    return body.rstrip(), [label for label in labels if label]


class _Builder:
    """Turn incoming questions into bank questions, one at a time."""

    def __init__(
        self, known: Collection[str], defaults: Sequence[str], taken: Collection[str]
    ) -> None:
        self.known, self.defaults, self.taken = set(known), list(defaults), set(taken)
        self.by_label: dict[str, str] = {}
        if isinstance(known, Mapping):
            self.by_label = {
                source_label(s): sid for sid, s in known.items() if isinstance(s, Source)
            }
        self.problems: list[Problem] = []

    def _sources(self, item: Incoming, labels: list[str]) -> list[str] | None:
        cited = [s for s in item.meta.get("sources", []) if isinstance(s, str)]
        if cited and all(s in self.known for s in cited):
            return cited
        from_labels = [self.by_label.get(label) for label in labels]
        if labels and all(from_labels):
            return [s for s in from_labels if s]
        return self.defaults or None

    def build(self, item: Incoming) -> tuple[dict[str, Any], list[str]]:
        """The question with id, explanation, sources, tags and status; its TODO comments."""
        question, todo = item.question, []
        base = question_id(item.idnumber or item.name, question["prompt"])
        out: dict[str, Any] = {"id": _unique(base, self.taken), **question}
        explanation, labels = split_sources(item.feedback.strip())
        out["explanation"] = explanation or TODO_EXPLANATION
        if not explanation:
            todo.append("TODO: write the explanation (the file gave no general feedback)")
        sources = self._sources(item, labels)
        if sources is None:
            sources = [PLACEHOLDER_SOURCE]
            todo.append("TODO: set sources (ids from sources.yaml), then remove 'status: draft'")
        out["sources"] = sources
        tags, difficulty = _tags(item)
        if tags:
            out["tags"] = tags
        if isinstance(item.meta.get("hint"), str):
            out["hint"] = item.meta["hint"]
        if difficulty:
            out["difficulty"] = difficulty
        if todo:
            out["status"] = "draft"
        return out, todo

    def validate(self, question: dict[str, Any], line: int) -> bool:
        """Check the question with the bank's validator (sources aside); report failures."""
        try:
            raw = parse_yaml(topic_yaml("check", [(question, [])]), "import")["questions"][0]
        except (YamlError, KeyError, IndexError, TypeError):
            self.problems.append(Problem(line, "could not be written as YAML: skipped"))
            return False
        _, errors = validate_question(
            raw, raw.pos, file="import", topic="import", sources=None, ids=Ids()
        )
        self.problems += [Problem(line, f"{error.message}: skipped") for error in errors]
        return not errors


def _tags(item: Incoming) -> tuple[list[str], str | None]:
    """Tags (our metadata's, else the file's) and the difficulty a ``difficulty-x`` tag gives."""
    meta_tags = item.meta.get("tags")
    tags = list(meta_tags) if isinstance(meta_tags, list) and meta_tags else list(item.tags)
    tags = [t for t in tags if isinstance(t, str) and t.strip()]
    difficulty = item.meta.get("difficulty")
    for tag in list(tags):
        level = tag.removeprefix("difficulty-")
        if level != tag and level in DIFFICULTIES:
            tags.remove(tag)
            difficulty = difficulty or level
    return list(dict.fromkeys(tags)), difficulty if difficulty in DIFFICULTIES else None


def build_topic(
    items: Sequence[Incoming],
    problems: Sequence[Problem],
    *,
    title: str,
    known_sources: Collection[str] = (),
    default_sources: Sequence[str] = (),
    taken_ids: Collection[str] = (),
    origin: str,
    fmt: str,
) -> Imported:
    """A topic file titled ``title`` from ``items``: every question that passes the validator."""
    builder = _Builder(known_sources, default_sources, taken_ids)
    builder.problems += problems
    entries: list[tuple[dict[str, Any], list[str]]] = []
    for item in items:
        builder.problems += [Problem(line, message) for line, message in item.notes]
        question, todo = builder.build(item)
        if builder.validate(question, item.line):
            notes = [f"{fmt} line {n}: {m}" for n, m in item.notes]
            entries.append((question, [*todo, *notes]))
        else:
            builder.taken.discard(question["id"])
    ordered = tuple(sorted(builder.problems, key=lambda p: p.line))
    kept = {(line, message) for item in items for line, message in item.notes}
    left_out = [f"  line {p.line}: {p.message}" for p in ordered if (p.line, p.message) not in kept]
    header = [
        f"Imported from {origin} by quizapp: review before serving.",
        "Drafts are validated but not served; follow each TODO, then remove 'status: draft'.",
        *(["Not imported (by line in the original file):", *left_out] if left_out else []),
    ]
    return Imported(topic_yaml(title, entries, header), tuple(q for q, _ in entries), ordered)

"""The bank's values: sources, questions, topics, the bank itself, and positioned errors.

Everything here is a frozen dataclass built by ``bank.validate``; nothing reads files.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

VERSION_LENGTH = 12
"""Hex digits of sha256 kept as a question's version."""


@dataclass(frozen=True)
class BankError:
    """One problem in the bank: where it is and what to do about it.

    ``message`` says what is wrong and, after an em dash, how to fix it. ``line`` and
    ``column`` are 1-based, None when the problem is the whole file.
    """

    file: str
    line: int | None
    column: int | None
    question_id: str | None
    message: str

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        about = f"question '{self.question_id}': " if self.question_id else ""
        return f"{where}: {about}{self.message}"


@dataclass(frozen=True)
class Source:
    """An article the questions come from, as listed in ``sources.yaml``."""

    id: str
    title: str | None
    author: str | None
    publisher: str | None
    date: str
    text_file: str
    """The article's text file name in the articles folder (``file:`` in sources.yaml)."""
    file: str
    """The YAML file the source is listed in; ``line`` its line there."""
    line: int
    description: str | None = None
    """How to name an article that has no title (e.g. "unsigned explainer on the deal")."""
    url: str | None = None
    """Where the article was published, when known."""


@dataclass(frozen=True)
class Evidence:
    """Where an article supports a question: a source id and character offsets ``[start, end)``
    into the article's text file (Unicode characters of the UTF-8 text, newlines as written).
    A locator, never a copy: the words stay in the article file."""

    source: str
    start: int
    end: int

    def __str__(self) -> str:
        return f"{self.source} {self.start}-{self.end}"


def content_version(content: Mapping[str, Any]) -> str:
    """Short sha256 of the canonical JSON of a question's content (keys sorted, compact)."""
    canonical = json.dumps(dict(content), sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:VERSION_LENGTH]


@dataclass(frozen=True)
class QuestionSpec:
    """A validated question.

    ``fields`` holds the type's own fields, already parsed (see each ``qtypes`` module).
    ``content`` is the question as written (JSON-able, without ``id`` and ``status``);
    ``version`` is ``content_version(content)``, so moving a question changes nothing.
    ``topic`` is the topic key (the file stem); ``line`` is where the question starts.
    ``evidence`` is left out of ``content`` and ``version``: pointing at the passage that
    supports a question does not change the question students answer.
    """

    id: str
    type: str
    topic: str
    prompt: str
    explanation: str
    sources: tuple[str, ...]
    tags: tuple[str, ...]
    hint: str | None
    difficulty: str | None
    status: str
    fields: Mapping[str, Any] = field(hash=False, repr=False)
    file: str
    line: int
    version: str
    content: Mapping[str, Any] = field(
        default_factory=lambda: MappingProxyType({}), hash=False, repr=False, compare=False
    )
    evidence: tuple[Evidence, ...] = ()
    """Where the cited articles support the answer (``evidence:`` in the YAML), if given."""

    @property
    def is_draft(self) -> bool:
        """Drafts are validated but only served when a bank is loaded with drafts."""
        return self.status == "draft"


@dataclass(frozen=True)
class Topic:
    """One topic file: its key (file stem), its title and its questions in file order."""

    key: str
    title: str
    file: str
    questions: tuple[QuestionSpec, ...]


@dataclass(frozen=True, eq=False)
class Bank:
    """A whole validated bank: topics in file-name order, sources, and questions by id."""

    topics: Mapping[str, Topic]
    sources: Mapping[str, Source]
    files: tuple[str, ...] = ()
    drafts: tuple[str, ...] = ()
    """Ids of draft questions left out of this bank."""
    questions: Mapping[str, QuestionSpec] = field(init=False)

    def __post_init__(self) -> None:
        by_id = {q.id: q for topic in self.topics.values() for q in topic.questions}
        object.__setattr__(self, "questions", MappingProxyType(by_id))

    def get(self, question_id: str) -> QuestionSpec | None:
        """The question with this id, or None."""
        return self.questions.get(question_id)

    def __len__(self) -> int:
        return len(self.questions)

    def __contains__(self, question_id: object) -> bool:
        return question_id in self.questions

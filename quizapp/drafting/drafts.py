"""A drafted question, its stable id, and comparable keys for any question's answers.

``answer_keys`` reads a question as written in YAML (a draft, or a bank question's
``content``), so duplicates and recovered answers are found the same way for both.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from quizapp.bank.slugs import slugify
from quizapp.grading import fold, parse_amount, parse_date

from .mentions import Mention

_BLANK = re.compile(r"\{\{(.*?)\}\}", re.DOTALL)
ID_LENGTH = 80


@dataclass(frozen=True)
class Draft:
    """A question for a teacher to review, with the mention it was drafted from.

    ``fields`` are the type's own YAML fields in output order; ``notes`` are printed as
    comments above the question (evidence first).
    """

    id: str
    type: str
    prompt: str
    fields: Mapping[str, Any]
    explanation: str
    sources: tuple[str, ...]
    tags: tuple[str, ...]
    mention: Mention
    notes: tuple[str, ...] = field(default=())

    def as_yaml(self) -> dict[str, Any]:
        """The question as the bank's YAML format writes it, always with ``status: draft``."""
        return {
            "id": self.id,
            "type": self.type,
            "prompt": self.prompt,
            **self.fields,
            "explanation": self.explanation,
            "sources": list(self.sources),
            "tags": list(self.tags),
            "status": "draft",
        }

    @property
    def evidence(self) -> str:
        """Source file and character offsets of the sentence the draft comes from."""
        return self.mention.evidence


def draft_id(qtype: str, key: str, source_id: str) -> str:
    """A stable id: the type, a readable slug of the answer and a hash of type+answer+source."""
    digest = hashlib.sha256(f"{qtype}\x00{key}\x00{source_id}".encode()).hexdigest()[:8]
    slug = slugify(fold(key.split(":")[-1]))
    room = ID_LENGTH - len(qtype) - len(digest) - 2
    slug = slug[: min(room, 40)].strip("-")
    return "-".join(part for part in (qtype, slug, digest) if part)


def value_keys(written: object) -> set[str]:
    """Comparable keys of one answer text: its folded text, amount value and date."""
    if isinstance(written, bool) or written is None:
        return set()
    text = str(written)
    keys = {f"text:{fold(text)}"} if fold(text) else set()
    amount = parse_amount(text)
    if amount is not None:
        keys.add(f"amount:{amount.value.normalize():f}")
    date = parse_date(text)
    if date is not None and not date.note:
        keys.add(f"date:{date}")
    return keys


def _answers(qtype: str, data: Mapping[str, Any]) -> list[object]:
    """The answer texts of a question as written, by type."""
    if qtype in ("numeric", "date", "short", "choice"):
        accepted = (data.get("accept") or []) if qtype in ("date", "short") else []
        return [data.get("answer"), *accepted]
    if qtype == "multi":
        return list(data.get("answers") or [])
    if qtype == "cloze":
        blanks = _BLANK.findall(str(data.get("text", "")))
        return [answer for blank in blanks for answer in blank.split("|")]
    return []


def answer_keys(qtype: str, data: Mapping[str, Any]) -> set[str]:
    """Comparable keys of every accepted answer of a question written as YAML data."""
    keys: set[str] = set()
    for answer in _answers(qtype, data):
        keys |= value_keys(answer)
    return keys


def question_text(data: Mapping[str, Any]) -> str:
    """What a question asks, for similarity: the prompt plus a cloze text without answers."""
    cloze = _BLANK.sub(" ", str(data.get("text", "")))
    return fold(f"{data.get('prompt', '')} {cloze}")

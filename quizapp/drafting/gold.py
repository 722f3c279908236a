"""Hand-labelled facts of articles, hand verdicts on drafts, and the true conflicts: the
ground truth ``bank draft-eval --gold`` measures drafts against.

A gold folder holds one YAML file per article (``article:``, ``split:``, ``facts:``), a
``verdicts.yaml`` (``verdicts:`` — a reader's judgement of single drafts, each tied to the
draft's id and a fingerprint of its content, so a verdict lapses when the draft changes)
and a ``conflicts.yaml`` (``conflicts:`` — the conflicts between articles that are real).
The files hold facts in the labeller's words, never article text.
"""

from __future__ import annotations

import datetime
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from quizapp.grading import fold

from .drafts import Draft, value_keys

VERDICTS_FILE = "verdicts.yaml"
CONFLICTS_FILE = "conflicts.yaml"
VERDICTS = ("good", "bad")


class GoldError(ValueError):
    """A gold file that cannot be used; the message names the file and the problem."""


@dataclass(frozen=True)
class GoldFact:
    """One fact of one article: the values a right draft accepts, and what it must name."""

    id: str
    article: str
    split: str
    answers: tuple[str, ...]
    about: tuple[str, ...]
    cues: tuple[str, ...]
    several: bool = False

    @property
    def keys(self) -> set[str]:
        """Comparable keys of every accepted value (``drafts.value_keys``)."""
        return {key for answer in self.answers for key in value_keys(answer)}


@dataclass(frozen=True)
class Verdict:
    """A reader's judgement of one draft; ``fact`` credits a fact the matcher did not see."""

    draft_id: str
    fingerprint: str
    good: bool
    why: str
    fact: str | None = None


@dataclass(frozen=True)
class GoldConflict:
    """A real disagreement: articles that give different values for ``about``."""

    articles: frozenset[str]
    about: str


@dataclass
class Gold:
    """Everything in a gold folder."""

    facts: list[GoldFact]
    splits: dict[str, str]
    verdicts: dict[tuple[str, str], Verdict]
    conflicts: list[GoldConflict]


def fingerprint(draft: Draft) -> str:
    """A short hash of what a draft asks and accepts (not its explanation or notes)."""
    content = {"type": draft.type, "prompt": draft.prompt, **draft.fields}
    data = json.dumps(content, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(data.encode()).hexdigest()[:10]


def _texts(value: Any, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    items = value if isinstance(value, list) else [value]
    if not all(isinstance(item, str | int | datetime.date) for item in items):
        raise GoldError(f"{where}: expected text or a list of text")
    return tuple(str(item) for item in items)


def _load(path: Path) -> dict[str, Any]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise GoldError(f"{path}: cannot read ({exc})") from None
    if not isinstance(data, dict):
        raise GoldError(f"{path}: expected a mapping")
    return data


def _facts(path: Path, data: dict[str, Any]) -> tuple[str, str, list[GoldFact]]:
    article, split = data.get("article"), data.get("split", "tune")
    if not isinstance(article, str) or not isinstance(data.get("facts"), list):
        raise GoldError(f"{path}: needs 'article:' and a 'facts:' list")
    facts = []
    for number, item in enumerate(data["facts"], 1):
        where = f"{path}: fact {number}"
        if not isinstance(item, dict) or not isinstance(item.get("id"), str):
            raise GoldError(f"{where}: needs an 'id'")
        answers = _texts(item.get("answer"), f"{where} answer")
        about, cues = _texts(item.get("about"), where), _texts(item.get("cues"), where)
        if not answers or not about:
            raise GoldError(f"{where} ({item['id']}): needs 'answer' and 'about'")
        several = bool(item.get("several", False))
        facts.append(GoldFact(item["id"], article, split, answers, about, cues, several))
    return article, str(split), facts


def _verdicts(path: Path) -> dict[tuple[str, str], Verdict]:
    if not path.exists():
        return {}
    verdicts = {}
    for number, item in enumerate(_load(path).get("verdicts") or [], 1):
        if not isinstance(item, dict) or item.get("verdict") not in VERDICTS:
            raise GoldError(f"{path}: verdict {number} needs 'verdict: good' or 'verdict: bad'")
        key = (str(item.get("draft")), str(item.get("fingerprint")))
        fact = str(item["fact"]) if item.get("fact") else None
        verdicts[key] = Verdict(*key, item["verdict"] == "good", str(item.get("why", "")), fact)
    return verdicts


def _conflicts(path: Path) -> list[GoldConflict]:
    if not path.exists():
        return []
    found = []
    for item in _load(path).get("conflicts") or []:
        if not isinstance(item, dict) or not isinstance(item.get("about"), str):
            raise GoldError(f"{path}: each conflict needs 'articles' and 'about'")
        articles = frozenset(_texts(item.get("articles"), str(path)))
        found.append(GoldConflict(articles, fold(item["about"])))
    return found


def load_gold(folder: Path) -> Gold:
    """Read a gold folder: every ``*.yaml`` except the verdicts and conflicts files."""
    facts: list[GoldFact] = []
    splits: dict[str, str] = {}
    for path in sorted(folder.glob("*.yaml")):
        if path.name in (VERDICTS_FILE, CONFLICTS_FILE):
            continue
        article, split, found = _facts(path, _load(path))
        splits[article] = split
        facts += found
    if not facts:
        raise GoldError(f"{folder}: no fact files (*.yaml with 'article:' and 'facts:')")
    verdicts = _verdicts(folder / VERDICTS_FILE)
    return Gold(facts, splits, verdicts, _conflicts(folder / CONFLICTS_FILE))

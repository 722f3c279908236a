"""Facts: an amount or a date tied to what it measures (a founding, an investment, a launch).

A fact is a mention plus a predicate found near it ("Founded in 2023") and, when one can be
told, the organisation it is about. Facts with the same predicate and subject but different
values in different articles are conflicts, which teachers must see rather than have one
value silently picked.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Set
from dataclasses import dataclass

from quizapp.grading import fold, parse_date

from .mentions import Mention
from .names import ADJECTIVES, COMPANY_WORDS
from .words import word_set

PREDICATE_WINDOW = 80
"""Characters between a value and the word that says what it is."""
PREDICATES: tuple[tuple[str, re.Pattern[str], frozenset[str]], ...] = tuple(
    (name, re.compile(pattern, re.IGNORECASE), frozenset(kinds))
    for name, pattern, kinds in (
        ("founding", r"\bfound(?:ed|ing)\b|\bestablished\b|\bset up\b|\bincorporated\b"
         r"|\binception\b", ("date",)),
        ("funding", r"\bseed\b|\brais(?:ed|es|ing)\b|\bfunding\b|\bseries [a-e]\b", ("amount",)),
        ("investment", r"\binvest(?:s|ed|ing|ment|ments)?\b", ("amount", "date")),
        ("valuation", r"\bvalu(?:ed|ation)\b", ("amount",)),
        ("acquisition", r"\bacqui(?:re|red|res|ring|sition)\b", ("amount", "date")),
        ("revenue", r"\brevenues?\b|\bturnover\b", ("amount",)),
        ("fine", r"\bfined\b|\bfines?\b|\bpenalt(?:y|ies)\b", ("amount", "date")),
        ("launch", r"\blaunch(?:ed|es|ing)?\b|\bunveil(?:ed|s)?\b|\breleased\b"
         r"|\bintroduced\b", ("date",)),
        ("announcement", r"\bannounc(?:ed|es|ement)\b", ("date",)),
    )
)  # fmt: skip
_CAPITALISED = re.compile(r"[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*")
_NOT_SUBJECTS = re.compile(r"\b(?:from|at|and|with|like|including|than|as|of|by|on|in)\s+$")
_COMPANY_WORDS = frozenset(fold(word) for word in COMPANY_WORDS)
_SKIP = word_set(
    "The A An This That It Its In On At By For From With However Founded Last Key "
    "January February March April May June July August September October November December "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday"
)


@dataclass(frozen=True)
class Fact:
    """A value with what it measures: ``predicate`` and, when known, its ``subject``."""

    predicate: str
    subject: str | None
    mention: Mention
    keyword: str

    @property
    def subject_key(self) -> str:
        """The subject folded, without company words: "Mistral AI" and "Mistral" agree."""
        words = fold(self.subject or "").split()
        while len(words) > 1 and words[-1] in _COMPANY_WORDS:
            words.pop()
        return " ".join(words)

    @property
    def label(self) -> str:
        """What the fact is about, for reports: "founding (Mistral AI)"."""
        return f"{self.predicate} ({self.subject})" if self.subject else self.predicate


@dataclass(frozen=True)
class Conflict:
    """Articles that give the same fact different values; ``facts`` sorted by value."""

    label: str
    facts: tuple[Fact, ...]


def _subject(text: str, kw_start: int, predicate: str, people: Set[str]) -> str | None:
    """The organisation a predicate is about: "by X" for investments, else the nearest name
    that is not a person and not governed by "from", "at", "and"..."""
    if predicate == "investment" and (by := re.search(r"\binvest\w* by ([A-Z][\w-]+)", text)):
        return by.group(1)
    before, after = [], []
    for match in _CAPITALISED.finditer(text):
        words = match.group().split()
        start = match.start()
        while words and (words[0] in _SKIP or words[0] in ADJECTIVES):
            start = match.start() + match.group().index(words[1]) if len(words) > 1 else start
            words.pop(0)
        name = " ".join(words)
        if not words or name in people or _NOT_SUBJECTS.search(text[max(0, start - 12) : start]):
            continue
        (before if start < kw_start else after).append((start, name))
    if before:
        return before[-1][1]
    return after[0][1] if after else None


def fact_of(mention: Mention, people: Set[str] = frozenset()) -> Fact | None:
    """The fact an amount or date mention states, when a predicate is close enough.

    ``people`` are names known to be people, which are never a fact's subject.
    """
    if mention.kind not in ("amount", "date"):
        return None
    text = mention.sentence.text
    start, end = mention.local
    best: tuple[int, int, str, re.Match[str]] | None = None
    for order, (name, pattern, kinds) in enumerate(PREDICATES):
        if mention.kind not in kinds:
            continue
        for match in pattern.finditer(text):
            if match.start() > 0 and match.group()[0].isupper():
                continue  # part of a name: "European Investment Bank"
            gap = start - match.end() if match.end() <= start else match.start() - end
            if 0 <= gap <= PREDICATE_WINDOW and (best is None or (gap, order) < best[:2]):
                best = (gap, order, name, match)
    if best is None:
        return None
    _, _, name, match = best
    return Fact(name, _subject(text, match.start(), name, people), mention, match.group())


def _compatible(a: Mention, b: Mention) -> bool:
    """Same value, or dates where one is a less precise form of the other (2023, 2023-03)."""
    if a.key == b.key:
        return True
    if a.kind == "date":
        x, y = parse_date(a.key), parse_date(b.key)
        return bool(x and y) and (a.key.startswith(b.key) or b.key.startswith(a.key))
    return False


def find_conflicts(facts: list[Fact]) -> list[Conflict]:
    """Facts whose values disagree across articles, grouped by predicate and subject.

    A fact without a subject joins the group of its predicate when that group has exactly
    one subject, so "Founded in 2022, Mistral..." and "Mistral AI, founded in 2023" meet.
    """
    groups: dict[tuple[str, str, str], list[Fact]] = defaultdict(list)
    for fact in facts:
        groups[(fact.predicate, fact.mention.kind, fact.subject_key)].append(fact)
    for predicate, kind, subject in list(groups):
        if subject:
            continue
        others = [k for k in groups if k[:2] == (predicate, kind) and k[2]]
        if len(others) == 1:
            groups[others[0]] += groups.pop((predicate, kind, subject))
    conflicts = []
    for members in groups.values():
        clash = any(
            a.mention.article.source_id != b.mention.article.source_id
            and not _compatible(a.mention, b.mention)
            for a in members
            for b in members
        )
        if clash:
            unique = {(f.mention.article.source_id, f.mention.key): f for f in members}
            ordered = sorted(unique.values(), key=lambda f: (f.mention.key, f.mention.start))
            label = next((f.label for f in ordered if f.subject), ordered[0].label)
            conflicts.append(Conflict(label, tuple(ordered)))
    return sorted(conflicts, key=lambda c: c.label)

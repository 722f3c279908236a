"""Facts: an amount or a date tied to what it measures (a founding, an investment, a launch).

A fact is a mention plus a predicate found near it ("Founded in 2023") and, when one can be
told, the organisation it is about. Facts with the same predicate and subject but different
values in different articles are conflicts, which teachers must see rather than have one
value silently picked.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence, Set
from dataclasses import dataclass

from quizapp.grading import fold, parse_date
from quizapp.grading.dates import MONTH_NAMES

from .mentions import Mention
from .names import ADJECTIVES, COMPANY_WORDS
from .relations import relation_of
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
    )
)  # fmt: skip
_CAPITALISED = re.compile(r"(?:[a-z](?=[A-Z]))?[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*")
_NOT_SUBJECTS = re.compile(r"\b(?:from|at|and|with|like|including|than|as|of|by|on|in)\s+$")
_COMPANY_WORDS = frozenset(fold(word) for word in COMPANY_WORDS)
_SKIP = word_set(
    "The A An This That It Its In On At By For From With However Founded Last Key Since AI "
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
    target: str | None = None
    when: str | None = None
    """A time that tells this value from others of the same kind ("in May 2024")."""

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
        about = " in ".join(part for part in (self.subject, self.target) if part)
        return f"{self.predicate} ({about})" if about else self.predicate


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


_LAST_YEAR = re.compile(r"\blast year\b|\bin the previous year\b", re.IGNORECASE)
_EARLIER = re.compile(r"\b(?:early|earlier) this year\b", re.IGNORECASE)


def when_of(mention: Mention, dates: Sequence[Mention]) -> str | None:
    """When a value holds, as the sentence says it: another date of the sentence ("in May
    2024"), or "last year" / "earlier this year" made absolute from the article's year."""
    for date in dates:
        if date.sentence == mention.sentence and len(date.key) >= 7:
            return f"{'on' if len(date.key) == 10 else 'in'} {shown_date(date.key)}"
    year = mention.article.date[:4] if mention.article.date else None
    text = mention.sentence.text
    if _LAST_YEAR.search(text):
        return f"in {int(year) - 1}" if year else "in the year before the article"
    if _EARLIER.search(text):
        return f"earlier in {year}" if year else "earlier in the article's year"
    return None


def shown_date(key: str) -> str:
    """ "2024-05" -> "May 2024", "2024-10-04" -> "4 October 2024"."""
    date = parse_date(key)
    if date is None or not date.month:
        return key
    month = MONTH_NAMES[date.month]
    return f"{date.day} {month} {date.year}" if date.day else f"{month} {date.year}"


def amount_fact(
    mention: Mention, orgs: Sequence[Mention], main: str | None, dates: Sequence[Mention]
) -> Fact | None:
    """The fact an amount states, bound by ``relations.relation_of``; None when unbound."""
    found = relation_of(mention, orgs, main)
    if found is None:
        return None
    relation, subject, target, keyword = found
    return Fact(relation, subject, mention, keyword, target, when_of(mention, dates))


def fact_of(mention: Mention, people: Set[str] = frozenset()) -> Fact | None:
    """The fact a date mention states, when a predicate is close enough.

    ``people`` are names known to be people, which are never a fact's subject.
    """
    if mention.kind != "date":
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
    """Facts whose values disagree across articles: the same predicate, subject and target
    (an investment by Microsoft *in OpenAI*), said of no other time, with different values.
    A fact without a named subject, or a value sought rather than reached, never clashes."""
    groups: dict[tuple[str, ...], list[Fact]] = defaultdict(list)
    for fact in facts:
        if not fact.subject or fact.when or fact.predicate.endswith("sought"):
            continue  # only a value said of a named subject, at no other time, can clash
        target = fold(fact.target or "")
        groups[(fact.predicate, fact.mention.kind, fact.subject_key, target)].append(fact)
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

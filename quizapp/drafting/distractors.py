"""Wrong answers for choice drafts: values of the same kind and magnitude, from the same
article first, then the gazetteer or values made from the answer itself, so a draft never
depends on which other articles are in the run."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from decimal import Decimal

from quizapp.grading import fold
from quizapp.grading.money import currency_symbol

from .facts import shown_date as shown_key
from .gazetteer import Gazetteer
from .mentions import Mention
from .numbers import amount_words

MAX_DISTRACTORS = 3


def _symbol(currency: str | None) -> str:
    return currency_symbol(currency) if currency else ""


def shown(mention: Mention) -> str:
    """A value as a reader writes it: "€15 million", "26 February 2024", "Arthur Mensch"."""
    if mention.kind == "amount":
        return _symbol(mention.detail) + mention.answer
    if mention.kind == "date":
        return shown_key(mention.key)
    if mention.kind == "number":
        unit = mention.detail or ""
        return (
            mention.answer
            if unit == "%" and "%" in mention.answer
            else (f"{mention.answer}%" if unit == "%" else f"{mention.answer} {unit}")
        )
    return mention.answer


def _by_hash(seed: str) -> Callable[[str], str]:
    """A sort key ordering values by a hash of ``seed`` and the value: stable, unbiased."""
    return lambda value: hashlib.sha256(f"{seed}\x00{value}".encode()).hexdigest()


_SCALES = ("0.5", "2", "3", "0.25", "4")


def generated(mention: Mention) -> dict[str, str]:
    """Values of the same kind and magnitude made from the answer itself: an amount halved,
    doubled, tripled...; a date a year or two away. Independent of any other article."""
    made: dict[str, str] = {}
    if mention.kind == "amount":
        value = Decimal(mention.key.split(":")[1])
        for scale in _SCALES:
            other = (value * Decimal(scale)).normalize()
            answer = amount_words(other)
            made[f"{mention.detail}:{other:f}"] = _symbol(mention.detail) + answer
    elif mention.kind == "date":
        year = int(mention.key[:4])
        for delta in (-1, 1, -2, 2):
            key = f"{year + delta}{mention.key[4:]}"
            made[key] = shown_key(key)
    return made


def distractors(
    mention: Mention, mentions: list[Mention], gazetteer: Gazetteer, seed: str, exclude: set[str]
) -> list[str]:
    """Up to ``MAX_DISTRACTORS`` values of the same kind: from the same article first, then
    the gazetteer (organisations) or values made from the answer (amounts, dates). Never a
    value the same sentence gives, and never one from another article, so a draft does not
    depend on what else is in the run."""
    family = mention.group.split(":")[0] if mention.kind == "amount" else mention.group
    in_sentence = {m.key for m in mentions if m.sentence == mention.sentence}
    blocked = exclude | in_sentence | {mention.key}
    others: dict[str, str] = {}
    for other in mentions:
        kind = other.group.split(":")[0] if mention.kind == "amount" else other.group
        same_currency = mention.kind != "amount" or other.detail == mention.detail
        mine = other.article == mention.article and other.key not in blocked
        if kind == family and mine and same_currency:
            others.setdefault(other.key, shown(other))
    if mention.kind == "org" and len(others) < MAX_DISTRACTORS:
        for entry in gazetteer.entries.values():
            key = entry.name.casefold()
            if entry.kind == mention.detail and key not in blocked and key not in others:
                others[key] = entry.name
    if mention.kind in ("amount", "date") and len(others) < MAX_DISTRACTORS:
        for key, answer in generated(mention).items():
            if key not in blocked and answer not in others.values():
                others.setdefault(key, answer)
    order = _by_hash(seed)
    own = {m.key for m in mentions if m.article == mention.article}
    near = [k for k in others if k in own]
    chosen = sorted(near, key=order) + sorted(set(others) - set(near), key=order)
    choices = [others[k] for k in chosen[:MAX_DISTRACTORS]]
    return choices if len(choices) >= 2 else []


def names_to_offer(
    mention: Mention,
    mentions: list[Mention],
    gazetteer: Gazetteer,
    exclude: set[str],
    seed: str,
    outside: bool = False,
) -> list[str]:
    """Companies to offer beside a name: the article's own organisations first, then the
    gazetteer's companies the article never names; only those with ``outside`` (for
    "which of these invested in X?", where any company the article names may be another
    investor)."""
    in_article = [m for m in mentions if m.article == mention.article and m.kind == "org"]
    named = {fold(m.answer) for m in in_article} | {fold(m.surface) for m in in_article}
    blocked = {fold(e) for e in exclude}
    own = [m.answer for m in in_article if m.detail == "company" and fold(m.answer) not in blocked]
    own = [] if outside else own
    rest = [e.name for e in gazetteer.entries.values()
            if e.kind == "company" and fold(e.name) not in named | blocked]  # fmt: skip
    order = _by_hash(seed)
    picked = list(dict.fromkeys(sorted(own, key=order) + sorted(rest, key=order)))
    return picked[:MAX_DISTRACTORS]

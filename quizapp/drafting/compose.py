"""Turn mentions into draft questions: two question types per kind of mention.

amounts -> ``numeric`` and ``choice``; dates -> ``date`` and ``cloze``; people -> ``short``
("who ...?") and ``choice``; regulators, institutions, laws -> ``cloze`` and ``choice``.
Choice distractors are values of the same kind taken from the other articles (for
organisations, then from the gazetteer), never another article's value for the same fact.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from quizapp.grading import parse_date
from quizapp.grading.dates import MONTH_NAMES

from .drafts import Draft, draft_id
from .facts import Conflict, Fact
from .gazetteer import Gazetteer
from .mentions import Mention
from .prompts import GAP, fact_prompt, gap_clause, gap_prompt, kind_word, label_for, who_prompt

MAX_DISTRACTORS = 3
_SYMBOLS = {"EUR": "€", "USD": "$", "GBP": "£"}
_DRAFTED_KINDS = ("regulator", "institution", "law")


@dataclass
class Context:
    """What every builder needs: all mentions, the facts and conflicts, the gazetteer."""

    mentions: list[Mention]
    facts: dict[Mention, Fact]
    conflicts: list[Conflict]
    gazetteer: Gazetteer
    conflict_of: dict[Mention, Conflict] = field(init=False)

    def __post_init__(self) -> None:
        self.conflict_of = {f.mention: c for c in self.conflicts for f in c.facts}


def shown(mention: Mention) -> str:
    """A value as a reader writes it: "€15 million", "26 February 2024", "Arthur Mensch"."""
    if mention.kind == "amount":
        return _SYMBOLS.get(mention.detail or "", "") + mention.answer
    if mention.kind == "date":
        date = parse_date(mention.key)
        if date and date.month:
            month = MONTH_NAMES[date.month]
            return f"{date.day} {month} {date.year}" if date.day else f"{month} {date.year}"
    return mention.answer


def _label(mention: Mention) -> str:
    return label_for(mention, shown(mention))


def _explanation(mention: Mention, ctx: Context) -> str:
    parts = [
        f"{mention.article.label[0].upper()}{mention.article.label[1:]} gives {shown(mention)}.",
        f"Drafted from {mention.article.source_id} ({mention.evidence}).",
    ]
    if mention.note:
        parts.append(f"Note: the {mention.note}.")
    conflict = ctx.conflict_of.get(mention)
    if conflict:
        claims = "; ".join(
            f"{shown(f.mention)} in {f.mention.article.source_id}" for f in conflict.facts
        )
        parts.append(f"The articles disagree on the {conflict.label}: {claims}.")
    parts.append("Check it against the article before publishing.")
    return " ".join(parts)


def _draft(qtype: str, mention: Mention, prompt: str, fields: dict, ctx: Context) -> Draft:
    fact = ctx.facts.get(mention)
    tags = [mention.kind] + ([fact.predicate] if fact else [])
    if mention in ctx.conflict_of:
        tags.append("disagreement")
    notes = [f"evidence: {mention.evidence} (sentence {mention.sentence.index + 1})"]
    return Draft(
        id=draft_id(qtype, f"{mention.kind}:{mention.key}", mention.article.source_id),
        type=qtype,
        prompt=prompt,
        fields=fields,
        explanation=_explanation(mention, ctx),
        sources=(mention.article.source_id,),
        tags=tuple(tags),
        mention=mention,
        notes=tuple(notes),
    )


def _same_fact_keys(mention: Mention, ctx: Context) -> set[str]:
    """Values other articles give for this mention's fact: never offered as distractors."""
    fact = ctx.facts.get(mention)
    if fact is None:
        return set()
    return {f.mention.key for f in ctx.facts.values() if f.predicate == fact.predicate}


def _distractors(mention: Mention, ctx: Context, seed: str, exclude: set[str]) -> list[str]:
    """Up to ``MAX_DISTRACTORS`` values of the same group, other articles first."""
    family = mention.group.split(":")[0] if mention.kind == "amount" else mention.group
    in_sentence = {m.key for m in ctx.mentions if m.sentence == mention.sentence}
    blocked = exclude | in_sentence | _same_fact_keys(mention, ctx) | {mention.key}
    others: dict[str, str] = {}
    for other in ctx.mentions:
        same_family = (
            other.group.split(":")[0] == family
            if mention.kind == "amount"
            else (other.group == family)
        )
        if same_family and other.article != mention.article and other.key not in blocked:
            others.setdefault(other.key, shown(other))
    if mention.kind == "org" and len(others) < MAX_DISTRACTORS:
        for entry in ctx.gazetteer.entries.values():
            key = entry.name.casefold()
            if entry.kind == mention.detail and key not in blocked and key not in others:
                others[key] = entry.name

    def order(key: str) -> str:
        return hashlib.sha256(f"{seed}\x00{key}".encode()).hexdigest()

    chosen = sorted(others, key=order)[:MAX_DISTRACTORS]
    choices = [others[k] for k in chosen]
    return choices if len(choices) >= 2 else []


def _choice(mention: Mention, prompt: str | None, ctx: Context, exclude: set[str]) -> Draft | None:
    if prompt is None:
        return None
    seed = draft_id("choice", f"{mention.kind}:{mention.key}", mention.article.source_id)
    wrong = _distractors(mention, ctx, seed, exclude)
    if not wrong:
        return None
    answer = shown(mention)
    choices = sorted([answer, *wrong], key=lambda c: hashlib.sha256(f"{seed}{c}".encode()).digest())
    return _draft("choice", mention, prompt, {"choices": choices, "answer": answer}, ctx)


def _cloze(mention: Mention, ctx: Context) -> Draft | None:
    answers = [shown(mention), mention.surface]
    if mention.kind == "date" and mention.note:  # the year is not in the text: show it as written
        answers.reverse()
    elif mention.kind == "date":
        answers.append(mention.key)
    if mention.kind == "org":
        entry = ctx.gazetteer.entries.get(mention.answer)
        answers += [a for a in (entry.aliases if entry else ()) if a.isupper()]
    answers = list(dict.fromkeys(a.strip() for a in answers))
    if any(ch in "".join(answers) + mention.sentence.text for ch in "{}|"):
        return None
    clause = gap_clause(mention)
    if clause is None:
        return None
    text = clause.replace(GAP, "{{" + "|".join(answers) + "}}", 1)
    prompt = f"Fill in the gap in this statement from {_label(mention)}."
    return _draft("cloze", mention, prompt, {"text": text}, ctx)


def _amount(mention: Mention, ctx: Context) -> Iterable[Draft | None]:
    fact = ctx.facts.get(mention)
    label = _label(mention)
    prompt = (fact and fact_prompt(fact, label)) or gap_prompt(mention, label, "amount")
    if prompt:
        fields = {"answer": mention.answer, "unit": mention.detail}
        yield _draft("numeric", mention, prompt, fields, ctx)
    yield _choice(mention, prompt, ctx, set())


def _date(mention: Mention, ctx: Context) -> Iterable[Draft | None]:
    fact = ctx.facts.get(mention)
    label = _label(mention)
    prompt = (fact and fact_prompt(fact, label)) or gap_prompt(mention, label, kind_word(mention))
    if prompt:
        yield _draft("date", mention, prompt, {"answer": mention.key}, ctx)
    yield _cloze(mention, ctx)


def _person(mention: Mention, ctx: Context, same_role: list[Mention]) -> Iterable[Draft | None]:
    prompt = who_prompt(mention, _label(mention))
    if prompt is None:
        return
    others = [m.answer for m in same_role if m.key != mention.key]
    surname = mention.answer.split()[-1]
    accept = ([surname] if len(surname) >= 4 else []) + others
    fields = {"answer": mention.answer, **({"accept": accept} if accept else {})}
    yield _draft("short", mention, prompt, fields, ctx)
    yield _choice(mention, prompt, ctx, {m.key for m in same_role})


def _org(mention: Mention, ctx: Context) -> Iterable[Draft | None]:
    if mention.detail not in _DRAFTED_KINDS:
        return
    yield _cloze(mention, ctx)
    prompt = gap_prompt(mention, _label(mention), kind_word(mention))
    yield _choice(mention, prompt, ctx, set())


def representatives(mentions: list[Mention], facts: dict[Mention, Fact]) -> list[Mention]:
    """One mention per article, kind and value: the first with a fact or affiliation."""
    best: dict[tuple[str, str, str], Mention] = {}
    for mention in mentions:
        slot = (mention.article.source_id, mention.kind, mention.key)
        current = best.get(slot)
        richer = mention in facts or mention.affiliation is not None
        if current is None or (richer and not (current in facts or current.affiliation)):
            best[slot] = mention
    return sorted(best.values(), key=lambda m: (m.article.source_id, m.start))


def compose(ctx: Context) -> list[Draft]:
    """All drafts for the context's mentions, each id once, in article and text order."""
    chosen = representatives(ctx.mentions, ctx.facts)
    builders: dict[str, Callable[[Mention], Iterable[Draft | None]]] = {
        "amount": lambda m: _amount(m, ctx),
        "date": lambda m: _date(m, ctx),
        "org": lambda m: _org(m, ctx),
        "person": lambda m: _person(m, ctx, _same_role(m, chosen)),
    }
    drafts: dict[str, Draft] = {}
    for mention in chosen:
        for draft in builders[mention.kind](mention):
            if draft is not None:
                drafts.setdefault(draft.id, draft)
    return list(drafts.values())


def _same_role(mention: Mention, chosen: list[Mention]) -> list[Mention]:
    """People of the same article asked about with the same who-question."""
    prompt = who_prompt(mention, "")
    return [
        m
        for m in chosen
        if m.kind == "person" and m.article == mention.article and who_prompt(m, "") == prompt
    ]

"""Turn mentions into draft questions, a few question types per kind of mention.

amounts -> ``numeric`` and ``choice``; dates -> ``date`` and ``cloze``; counts and
percentages -> ``numeric`` (a range as ``cloze``); people -> ``short`` ("who ...?") and
``choice``; regulators, institutions, laws -> ``cloze`` and ``choice``; a bound fact also
-> ``truefalse``; links between names (``relational``) -> ``short``, ``choice`` and
``truefalse``. Distractors come from the same article, then the gazetteer or values made
from the answer (``distractors``), never from another article.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace

from .builders import Context, choice_draft, cloze_draft, label_of, make_draft, named
from .drafts import Draft, draft_id, question_text
from .facts import Fact
from .mentions import Mention
from .prompts import fact_prompt, gap_prompt, kind_word, who_prompt
from .quotes import quote_drafts
from .relational import (
    Statement,
    fact_truefalse,
    investor_drafts,
    link_drafts,
    link_truefalse,
    truefalse_drafts,
)

_DRAFTED_KINDS = ("regulator", "institution", "law")


def _gap_prompt(mention: Mention, ctx: Context, what: str) -> str | None:
    return gap_prompt(mention, label_of(mention), what) if named(mention) else None


def _amount(mention: Mention, ctx: Context) -> Iterable[Draft | None]:
    fact = ctx.facts.get(mention)
    if fact and _has_total(fact, ctx):
        yield from investor_drafts(fact, ctx)
        return
    label = label_of(mention)
    prompt = (fact and fact_prompt(fact, label)) or _gap_prompt(mention, ctx, "amount")
    if prompt:
        fields = {"answer": mention.answer, "unit": mention.detail}
        yield make_draft("numeric", mention, prompt, fields, ctx)
    yield choice_draft(mention, prompt, ctx, set())
    if fact and fact.predicate == "investment" and fact.target and fact.subject:
        yield from investor_drafts(fact, ctx)


def _has_total(fact: Fact, ctx: Context) -> bool:
    """An investment the same article also gives in total ("doubled to $8 billion"): asking
    "how much did X invest?" would have two answers."""
    return fact.predicate == "investment" and any(
        other.predicate == "total investment"
        and other.subject == fact.subject
        and other.mention.article == fact.mention.article
        for other in ctx.facts.values()
    )


def _date(mention: Mention, ctx: Context) -> Iterable[Draft | None]:
    fact = ctx.facts.get(mention)
    label = label_of(mention)
    prompt = (fact and fact_prompt(fact, label)) or _gap_prompt(mention, ctx, kind_word(mention))
    if prompt:
        yield make_draft("date", mention, prompt, {"answer": mention.key}, ctx)
    if named(mention):
        yield cloze_draft(mention, ctx)


def _number(mention: Mention, ctx: Context) -> Iterable[Draft | None]:
    """A count or a percentage, asked as the gap of a clause that names something; a range
    ("70-80%") as a cloze, since a numeric answer holds one value."""
    if not named(mention):
        return
    if "-" in mention.answer:
        yield cloze_draft(mention, ctx)
        return
    prompt = _gap_prompt(mention, ctx, kind_word(mention))
    if prompt:
        yield make_draft(
            "numeric", mention, prompt, {"answer": mention.answer, "unit": mention.detail}, ctx
        )


def _person(mention: Mention, ctx: Context, same_role: list[Mention]) -> Iterable[Draft | None]:
    prompt = who_prompt(mention, label_of(mention))
    if prompt is None or _shared_role(mention):
        return
    others = [m.answer for m in same_role if m.key != mention.key]
    surname = mention.answer.split()[-1]
    accept = ([surname] if len(surname) >= 4 else []) + others
    fields = {"answer": mention.answer, **({"accept": accept} if accept else {})}
    yield make_draft("short", mention, prompt, fields, ctx)
    yield choice_draft(mention, prompt, ctx, {m.key for m in same_role})


def _shared_role(mention: Mention) -> bool:
    """A founder role the article gives more than once: "a co-founder of X" may be another."""
    role = (mention.detail or "").lower()
    return "founder" in role and mention.article.text.lower().count("founder") > 1


def _org(mention: Mention, ctx: Context) -> Iterable[Draft | None]:
    if mention.detail not in _DRAFTED_KINDS:
        return
    yield cloze_draft(mention, ctx)
    prompt = gap_prompt(mention, label_of(mention), kind_word(mention))
    yield choice_draft(mention, prompt, ctx, set())


def _richness(mention: Mention, facts: dict[Mention, Fact]) -> int:
    fact = facts.get(mention)
    if fact is not None and fact.subject:
        return 0
    return 1 if fact is not None or mention.affiliation else 2


def candidates(mentions: list[Mention], facts: dict[Mention, Fact]) -> list[list[Mention]]:
    """The mentions of each article, kind and value, richest first (a fact with a subject,
    then any fact or affiliation), in article and text order of their first mention."""
    slots: dict[tuple[str, str, str], list[Mention]] = {}
    for mention in mentions:
        slots.setdefault((mention.article.source_id, mention.kind, mention.key), []).append(mention)
    groups = [
        sorted(group, key=lambda m: (_richness(m, facts), m.start)) for group in slots.values()
    ]
    return sorted(groups, key=lambda g: (g[0].article.source_id, min(m.start for m in g)))


def _rekeyed(draft: Draft, fact: Fact) -> Draft:
    """A draft of a value the article gives again for another fact: an id of its own."""
    extra = f"{draft.mention.kind}:{draft.mention.key}:{fact.label}:{fact.when or ''}"
    return replace(draft, id=draft_id(draft.type, extra, draft.mention.article.source_id))


def _drafts_of(group: list[Mention], build: Callable[[Mention], Iterable[Draft | None]],
               facts: dict[Mention, Fact]) -> Iterable[Draft]:  # fmt: skip
    """Drafts for one value: of its first mention that gives any, and for an amount also of
    each other mention bound to another fact ("$2 billion" raised, "$2 billion" invested)."""
    asked: set[tuple[str, str | None, str | None, str | None]] = set()
    for mention in group:
        fact = facts.get(mention)
        label = (fact.predicate, fact.subject, fact.target, fact.when) if fact else None
        if asked and (mention.kind != "amount" or fact is None or label in asked):
            continue
        made = [d for d in build(mention) if d is not None]
        if made and fact is not None and asked:
            made = [_rekeyed(d, fact) for d in made]
        if made:
            asked.add(label or ("", None, None, None))
            yield from made


def compose(ctx: Context) -> list[Draft]:
    """All drafts for the context's mentions, each id once, in article and text order."""
    groups = candidates(ctx.mentions, ctx.facts)
    chosen = [group[0] for group in groups]
    builders: dict[str, Callable[[Mention], Iterable[Draft | None]]] = {
        "amount": lambda m: _amount(m, ctx),
        "date": lambda m: _date(m, ctx),
        "number": lambda m: _number(m, ctx),
        "org": lambda m: _org(m, ctx),
        "person": lambda m: _person(m, ctx, _same_role(m, chosen)),
    }
    drafts: dict[str, Draft] = {}
    for group in groups:
        for draft in _drafts_of(group, builders[group[0].kind], ctx.facts):
            drafts.setdefault(draft.id, draft)
    for link, mention in ctx.links:
        for draft in link_drafts(link, mention, ctx):
            drafts.setdefault(draft.id, draft)
    for draft in truefalse_drafts(_statements(drafts.values(), ctx), ctx):
        drafts.setdefault(draft.id, draft)
    for draft in quote_drafts(ctx):
        drafts.setdefault(draft.id, draft)
    ordered = sorted(drafts.values(), key=lambda d: (d.sources[0], d.mention.start))
    return one_answer_each(ordered)


def _statements(drafts: Iterable[Draft], ctx: Context) -> list[Statement]:
    """A statement for each fact a draft asks with a fact prompt, and for each link."""
    found: dict[str, Statement] = {}
    for draft in drafts:
        fact = ctx.facts.get(draft.mention)
        if fact and draft.type in ("numeric", "date") and fact_prompt(fact, ""):
            statement = fact_truefalse(fact, ctx)
            if statement is not None:
                found.setdefault(statement.key, statement)
    for link, mention in ctx.links:
        statement = link_truefalse(link, mention, ctx)
        if statement is not None:
            found.setdefault(statement.key, statement)
    return sorted(found.values(), key=lambda s: (s.mention.article.source_id, s.mention.start))


def one_answer_each(drafts: list[Draft]) -> list[Draft]:
    """Leave out drafts whose question the same article asks with another answer: neither
    can be right alone ("At how much was Anthropic valued?": $60 billion, $18 billion)."""
    answers: dict[tuple[str, str], set[str]] = {}
    for draft in drafts:
        asked = (draft.sources[0], question_text(draft.as_yaml()))
        answers.setdefault(asked, set()).add(draft.mention.key)
    return [d for d in drafts if len(answers[(d.sources[0], question_text(d.as_yaml()))]) == 1]


def _same_role(mention: Mention, chosen: list[Mention]) -> list[Mention]:
    """People of the same article asked about with the same who-question."""
    prompt = who_prompt(mention, "")
    return [
        m
        for m in chosen
        if m.kind == "person" and m.article == mention.article and who_prompt(m, "") == prompt
    ]

"""Drafts from relations: a link between names ("who led Cohere's round?"), the investor of
a sum ("which company invested $1.5 billion in G42?"), and true/false statements built from
bound facts and links (``statements``), about half of them altered."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from decimal import Decimal

from .builders import Context, label_of, make_draft, shuffled, where
from .distractors import generated, names_to_offer, shown
from .drafts import Draft, draft_id
from .facts import Fact, when_of
from .links import Link
from .mentions import Mention
from .prompts import label_for
from .statements import STATED_LINKS, fact_statement, link_statement


def investor_drafts(fact: Fact, ctx: Context) -> Iterable[Draft]:
    """ "Which company invested $1.5 billion in G42?": the investor, as a choice."""
    mention = fact.mention
    when = f" {fact.when}" if fact.when else ""
    prompt = (f"According to {label_for(mention, fact.subject or '')}, which company invested "
              f"{shown(mention)} in {fact.target}{when}?")  # fmt: skip
    seed = draft_id("choice", f"investor:{mention.key}", mention.article.source_id)
    exclude = {fact.subject or "", fact.target or ""}
    wrong = names_to_offer(mention, ctx.mentions, ctx.gazetteer, exclude, seed)
    if len(wrong) < 2 or not fact.subject:
        return
    fields = {"choices": shuffled(seed, [fact.subject, *wrong]), "answer": fact.subject}
    yield replace(make_draft("choice", mention, prompt, fields, ctx), id=seed)


def _when(link: Link, mention: Mention, ctx: Context) -> str | None:
    dates = [m for m in ctx.by_sentence.get(where(mention), ()) if m.kind == "date"]
    return when_of(mention, dates) if link.relation == "led" else None


def link_drafts(link: Link, mention: Mention, ctx: Context) -> Iterable[Draft]:
    """A short answer (one right name) and a choice among companies (company answers)."""
    when = _when(link, mention, ctx)
    question = f"{link.question} {when}" if when else link.question
    prompt = f"According to {label_for(mention, link.answer)}, {question}?"
    prompt = prompt[0].upper() + prompt[1:] if prompt[0].islower() else prompt
    if not link.others:
        yield make_draft("short", mention, prompt, {"answer": link.answer}, ctx)
    if link.kind != "org":
        return
    seed = draft_id("choice", f"link:{mention.key}", mention.article.source_id)
    wrong = _other_companies(link, mention, ctx, seed)
    if len(wrong) >= 2:
        fields = {"choices": shuffled(seed, [link.answer, *wrong]), "answer": link.answer}
        yield make_draft("choice", mention, prompt, fields, ctx)


def _other_companies(link: Link, mention: Mention, ctx: Context, seed: str) -> list[str]:
    exclude = {link.answer, link.subject, *link.others}
    outside = link.relation == "investor"
    return names_to_offer(mention, ctx.mentions, ctx.gazetteer, exclude, seed, outside)


@dataclass(frozen=True)
class Statement:
    """A statement about ``mention``'s relation, true, and altered when it can be."""

    mention: Mention
    key: str
    true: str
    altered: str | None


def truefalse_drafts(statements: Iterable[Statement], ctx: Context) -> list[Draft]:
    """True/false drafts of an article's statements: half of them altered (those that can
    be, picked by a hash of their id), the rest true."""
    by_article: dict[str, list[tuple[str, Statement]]] = {}
    for statement in statements:
        source = statement.mention.article.source_id
        seed = draft_id("truefalse", f"statement:{statement.key}", source)
        by_article.setdefault(source, []).append((seed, statement))
    drafts = []
    for found in by_article.values():
        alterable = shuffled("", [seed for seed, s in found if s.altered])
        altered = set(alterable[: len(found) // 2])
        for seed, statement in found:
            keep = seed not in altered
            text = statement.true if keep else statement.altered
            prompt = f"According to {label_of(statement.mention)}, true or false: {text}"
            draft = make_draft("truefalse", statement.mention, prompt, {"answer": keep}, ctx)
            if not keep:
                draft = replace(
                    draft, explanation=f"{draft.explanation} This statement is altered."
                )
            drafts.append(replace(draft, id=seed))
    return drafts


def fact_truefalse(fact: Fact, ctx: Context) -> Statement | None:
    """ "Cohere raised $270 million." or, altered, "Cohere raised $540 million.": a value
    made from the answer that the article gives for nothing of the same kind."""
    mention = fact.mention
    true = fact_statement(fact, shown(mention))
    if true is None:
        return None
    given = {m.key for m in ctx.mentions if m.article == mention.article}
    made = [v for k, v in generated(mention).items() if k not in given and _sensible(k, mention)]
    seed = draft_id("truefalse", mention.key, mention.article.source_id)
    made = shuffled(seed, made)
    altered = fact_statement(fact, made[0]) if made else None
    return Statement(mention, f"{mention.kind}:{mention.key}:{fact.label}", true, altered)


def _sensible(key: str, mention: Mention) -> bool:
    """A made-up year is not after the article's; a made-up sum is a whole amount."""
    if mention.kind == "date":
        year = (mention.article.date or "9999")[:4]
        return key[:4] <= year
    value = Decimal(key.split(":")[1])
    return value == value.to_integral_value()


def link_truefalse(link: Link, mention: Mention, ctx: Context) -> Statement | None:
    """ "Inovia Capital led Cohere's funding round." or, altered, another company in its
    place: one the article names in another role."""
    if link.relation not in STATED_LINKS or link.kind != "org":
        return None
    when = _when(link, mention, ctx)
    true = link_statement(link, link.answer, when)
    if true is None:
        return None
    seed = draft_id("truefalse", f"statement:link:{mention.key}", mention.article.source_id)
    wrong = _other_companies(link, mention, ctx, seed)
    # "investors including A and B" is no full list: another company may have invested too
    alterable = link.relation != "investor"
    altered = link_statement(link, wrong[0], when) if wrong and alterable else None
    return Statement(mention, f"link:{mention.key}:{link.relation}:{link.subject}", true, altered)

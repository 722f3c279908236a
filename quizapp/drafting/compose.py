"""Turn mentions into draft questions: two question types per kind of mention.

amounts -> ``numeric`` and ``choice``; dates -> ``date`` and ``cloze``; people -> ``short``
("who ...?") and ``choice``; regulators, institutions, laws -> ``cloze`` and ``choice``.
Choice distractors are values of the same kind taken from the other articles (for
organisations, then from the gazetteer), never another article's value for the same fact.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace

from quizapp.grading import fold

from .distractors import distractors, names_to_offer, shown
from .drafts import Draft, draft_id, question_text
from .facts import Conflict, Fact, when_of
from .gazetteer import Gazetteer
from .links import Link
from .mentions import Mention
from .prompts import (
    GAP,
    fact_prompt,
    gap_clause,
    gap_prompt,
    kind_word,
    label_for,
    names_something,
    who_prompt,
)

_DRAFTED_KINDS = ("regulator", "institution", "law")


@dataclass
class Context:
    """What every builder needs: all mentions, the facts and conflicts, the gazetteer."""

    mentions: list[Mention]
    facts: dict[Mention, Fact]
    conflicts: list[Conflict]
    gazetteer: Gazetteer
    links: list[tuple[Link, Mention]] = field(default_factory=list)
    conflict_of: dict[Mention, Conflict] = field(init=False)
    by_sentence: dict[tuple[str, int], list[Mention]] = field(init=False)

    def __post_init__(self) -> None:
        self.conflict_of = {f.mention: c for c in self.conflicts for f in c.facts}
        self.by_sentence = {}
        for mention in self.mentions:
            self.by_sentence.setdefault(_where(mention), []).append(mention)


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


def _choice(mention: Mention, prompt: str | None, ctx: Context, exclude: set[str]) -> Draft | None:
    if prompt is None:
        return None
    seed = draft_id("choice", f"{mention.kind}:{mention.key}", mention.article.source_id)
    wrong = distractors(mention, ctx.mentions, ctx.gazetteer, seed, exclude)
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
    elif mention.kind == "number" and "-" in mention.answer:
        answers += [mention.answer.replace("-", "–"), mention.answer.replace("-", " to ")]
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
    label = _label(mention)
    if any(fold(answer) in fold(label) for answer in answers if len(answer) > 2):
        label = f"the article {mention.article.source_id}"  # the headline gives it away
    prompt = f"Fill in the gap in this statement from {label}."
    return _draft("cloze", mention, prompt, {"text": text}, ctx)


def _named(mention: Mention, ctx: Context) -> bool:
    """Whether the mention's gap clause names something besides it (``names_something``)."""
    return names_something(gap_clause(mention) or "")


def _where(mention: Mention) -> tuple[str, int]:
    return mention.article.source_id, mention.sentence.index


def _gap_prompt(mention: Mention, ctx: Context, what: str) -> str | None:
    return gap_prompt(mention, _label(mention), what) if _named(mention, ctx) else None


def _amount(mention: Mention, ctx: Context) -> Iterable[Draft | None]:
    fact = ctx.facts.get(mention)
    if fact and _has_total(fact, ctx):
        yield from _investor(fact, ctx)
        return
    label = _label(mention)
    prompt = (fact and fact_prompt(fact, label)) or _gap_prompt(mention, ctx, "amount")
    if prompt:
        fields = {"answer": mention.answer, "unit": mention.detail}
        yield _draft("numeric", mention, prompt, fields, ctx)
    yield _choice(mention, prompt, ctx, set())
    if fact and fact.predicate == "investment" and fact.target and fact.subject:
        yield from _investor(fact, ctx)


def _has_total(fact: Fact, ctx: Context) -> bool:
    """An investment the same article also gives in total ("doubled to $8 billion"): asking
    "how much did X invest?" would have two answers."""
    return fact.predicate == "investment" and any(
        other.predicate == "total investment"
        and other.subject == fact.subject
        and other.mention.article == fact.mention.article
        for other in ctx.facts.values()
    )


def _investor(fact: Fact, ctx: Context) -> Iterable[Draft | None]:
    """ "Which company invested $1.5 billion in G42?": the investor, as a choice."""
    mention = fact.mention
    when = f" {fact.when}" if fact.when else ""
    label = label_for(mention, fact.subject)
    prompt = (f"According to {label}, which company invested {shown(mention)} in "
              f"{fact.target}{when}?")  # fmt: skip
    seed = draft_id("choice", f"investor:{mention.key}", mention.article.source_id)
    wrong = names_to_offer(mention, ctx.mentions, ctx.gazetteer, {fact.subject, fact.target}, seed)
    if len(wrong) < 2:
        return
    choices = sorted(
        [fact.subject, *wrong], key=lambda c: hashlib.sha256(f"{seed}{c}".encode()).digest()
    )
    draft = _draft("choice", mention, prompt, {"choices": choices, "answer": fact.subject}, ctx)
    yield replace(draft, id=seed)


def _date(mention: Mention, ctx: Context) -> Iterable[Draft | None]:
    fact = ctx.facts.get(mention)
    label = _label(mention)
    prompt = (fact and fact_prompt(fact, label)) or _gap_prompt(mention, ctx, kind_word(mention))
    if prompt:
        yield _draft("date", mention, prompt, {"answer": mention.key}, ctx)
    if _named(mention, ctx):
        yield _cloze(mention, ctx)


def _number(mention: Mention, ctx: Context) -> Iterable[Draft | None]:
    """A count or a percentage, asked as the gap of a clause that names something; a range
    ("70-80%") as a cloze, since a numeric answer holds one value."""
    if not _named(mention, ctx):
        return
    if "-" in mention.answer:
        yield _cloze(mention, ctx)
        return
    prompt = _gap_prompt(mention, ctx, kind_word(mention))
    if prompt:
        yield _draft(
            "numeric", mention, prompt, {"answer": mention.answer, "unit": mention.detail}, ctx
        )


def _person(mention: Mention, ctx: Context, same_role: list[Mention]) -> Iterable[Draft | None]:
    prompt = who_prompt(mention, _label(mention))
    if prompt is None or _shared_role(mention):
        return
    others = [m.answer for m in same_role if m.key != mention.key]
    surname = mention.answer.split()[-1]
    accept = ([surname] if len(surname) >= 4 else []) + others
    fields = {"answer": mention.answer, **({"accept": accept} if accept else {})}
    yield _draft("short", mention, prompt, fields, ctx)
    yield _choice(mention, prompt, ctx, {m.key for m in same_role})


def _shared_role(mention: Mention) -> bool:
    """A founder role the article gives more than once: "a co-founder of X" may be another."""
    role = (mention.detail or "").lower()
    return "founder" in role and mention.article.text.lower().count("founder") > 1


def _org(mention: Mention, ctx: Context) -> Iterable[Draft | None]:
    if mention.detail not in _DRAFTED_KINDS:
        return
    yield _cloze(mention, ctx)
    prompt = gap_prompt(mention, _label(mention), kind_word(mention))
    yield _choice(mention, prompt, ctx, set())


def _link(link: Link, mention: Mention, ctx: Context) -> Iterable[Draft | None]:
    label = label_for(mention, link.answer)
    when = when_of(
        mention, [m for m in ctx.by_sentence.get(_where(mention), ()) if m.kind == "date"]
    )
    question = f"{link.question} {when}" if when and link.relation == "led" else link.question
    prompt = f"According to {label}, {question}?"
    prompt = prompt[0].upper() + prompt[1:] if prompt[0].islower() else prompt
    if not link.others:
        yield _draft("short", mention, prompt, {"answer": link.answer}, ctx)
    if link.kind != "org":
        return
    seed = draft_id("choice", f"link:{mention.key}", mention.article.source_id)
    exclude = {link.answer, link.subject, *link.others}
    outside = link.relation == "investor"
    wrong = names_to_offer(mention, ctx.mentions, ctx.gazetteer, exclude, seed, outside)
    if len(wrong) >= 2:
        choices = sorted(
            [link.answer, *wrong], key=lambda c: hashlib.sha256(f"{seed}{c}".encode()).digest()
        )
        yield _draft("choice", mention, prompt, {"choices": choices, "answer": link.answer}, ctx)


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
        for draft in _link(link, mention, ctx):
            if draft is not None:
                drafts.setdefault(draft.id, draft)
    ordered = sorted(drafts.values(), key=lambda d: (d.sources[0], d.mention.start))
    return one_answer_each(ordered)


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

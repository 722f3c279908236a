"""The parts every draft is built from: the context, a draft with its explanation, and the
choice and cloze forms of a mention's value."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from quizapp.grading import fold

from .distractors import distractors, shown
from .drafts import Draft, draft_id
from .facts import Conflict, Fact
from .gazetteer import Gazetteer
from .links import Link
from .mentions import Mention
from .prompts import GAP, gap_clause, label_for, names_something


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
            self.by_sentence.setdefault(where(mention), []).append(mention)


def label_of(mention: Mention) -> str:
    """How the prompt names the article, for a draft whose answer is this mention."""
    return label_for(mention, shown(mention))


def explanation(mention: Mention, ctx: Context) -> str:
    """What the article gives, where the draft comes from, any conflict, and a reminder."""
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


def make_draft(qtype: str, mention: Mention, prompt: str, fields: dict, ctx: Context) -> Draft:
    """A draft of ``mention``: its id, tags, explanation and evidence note."""
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
        explanation=explanation(mention, ctx),
        sources=(mention.article.source_id,),
        tags=tuple(tags),
        mention=mention,
        notes=tuple(notes),
    )


def choice_draft(
    mention: Mention, prompt: str | None, ctx: Context, exclude: set[str]
) -> Draft | None:
    """A choice of the mention's value among distractors of its kind (``distractors``)."""
    if prompt is None:
        return None
    seed = draft_id("choice", f"{mention.kind}:{mention.key}", mention.article.source_id)
    wrong = distractors(mention, ctx.mentions, ctx.gazetteer, seed, exclude)
    if not wrong:
        return None
    answer = shown(mention)
    choices = shuffled(seed, [answer, *wrong])
    return make_draft("choice", mention, prompt, {"choices": choices, "answer": answer}, ctx)


def shuffled(seed: str, values: list[str]) -> list[str]:
    """``values`` in an order that looks random but depends only on ``seed`` and themselves."""
    return sorted(values, key=lambda v: hashlib.sha256(f"{seed}{v}".encode()).digest())


def cloze_draft(mention: Mention, ctx: Context) -> Draft | None:
    """The mention's clause with its value as the gap, accepting the ways it is written."""
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
    label = label_of(mention)
    if any(fold(answer) in fold(label) for answer in answers if len(answer) > 2):
        label = f"the article {mention.article.source_id}"  # the headline gives it away
    prompt = f"Fill in the gap in this statement from {label}."
    return make_draft("cloze", mention, prompt, {"text": text}, ctx)


def named(mention: Mention) -> bool:
    """Whether the mention's gap clause names something besides it (``names_something``)."""
    return names_something(gap_clause(mention) or "")


def where(mention: Mention) -> tuple[str, int]:
    """The article and sentence of a mention."""
    return mention.article.source_id, mention.sentence.index

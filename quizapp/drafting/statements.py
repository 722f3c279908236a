"""True/false statements built from real relations: a bound fact ("Cohere raised $270
million") or a link between names ("Inovia Capital led Cohere's funding round").

Each relation gives one statement, true or altered (half of an article's statements are
altered: ``relational.truefalse_drafts``); an altered statement swaps the value for one of
the same kind that the article never gives for anything (a sum made from the answer, a year
either side, a company the article names in another role), so "false" is false by the
article. A list of investors is never altered: "investors including A and B" does not say
C did not invest.
"""

from __future__ import annotations

from .facts import Fact
from .links import Link, possessive

_FACTS = {
    ("amount", "raise"): "{s} raised {v}{when}.",
    ("amount", "raise sought"): "{s} is seeking to raise {v}{when}.",
    ("amount", "valuation"): "{s} was valued at {v}{when}.",
    ("amount", "valuation sought"): "{s} was seeking funding at a valuation of {v}{when}.",
    ("amount", "investment"): "{s} invested {v}{into}{when}.",
    ("amount", "total investment"): "{s} has invested {v}{into} in all{when}.",
    ("amount", "revenue"): "{s} reported revenue of {v}{when}.",
    ("date", "founding"): "{s} was founded in {v}.",
}
STATED_LINKS = ("led", "investor", "partner")
"""Link relations a statement is made from: their answer is a company, and another company
of the article (or the gazetteer) is a wrong one."""


def fact_statement(fact: Fact, value: str) -> str | None:
    """ "Cohere raised $270 million on 8 June 2023." with ``value`` in the value's place."""
    template = _FACTS.get((fact.mention.kind, fact.predicate))
    if template is None or not fact.subject:
        return None
    when = f" {fact.when}" if fact.when else ""
    into = f" in {fact.target}" if fact.target and fact.target != fact.subject else ""
    return template.format(s=fact.subject, v=value, when=when, into=into)


def link_statement(link: Link, answer: str, when: str | None = None) -> str | None:
    """ "Inovia Capital led Cohere's funding round." with ``answer`` as the named company."""
    at = f" {when}" if when else ""
    if link.relation == "led":
        verb = "is leading" if link.question.startswith("who is leading") else "led"
        return f"{answer} {verb} {possessive(link.subject)} funding round{at}."
    if link.relation == "investor":
        return f"{answer} invested in {link.subject}."
    if link.relation == "partner":
        return f"{link.subject} partnered with {answer}."
    return None

"""Relations between names in one sentence: who led a round, where a company is based,
who invested, what a product is called, who partnered with whom.

Each ``Link`` is a question about an organisation (its ``subject``) whose answer is a name
written in the sentence; ``others`` are further right answers (several investors), so a
draft asks for one of them only as a choice.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .mentions import Mention

_NAME = r"(?:[a-z](?=[A-Z]))?[A-Z][\w&.-]*[\w](?: (?:[A-Z][\w&.-]*[\w]|of|and|de))*"
_ONE = r"(?:[a-z](?=[A-Z]))?[A-Z][\w&-]*\w(?: [A-Z][\w&-]*\w)*"
_LED = re.compile(rf"\bled by (?:[a-z-]+ ){{0,3}}(?:(?:{_ONE})['’]s )?(?P<x>{_ONE})"
                  rf"(?: and (?P<y>{_ONE}))?")  # fmt: skip
_LEADING = re.compile(rf"(?P<x>{_ONE}) (?:is|was) leading the (?:funding )?round\b")
_BASED = re.compile(r"(?P<x>[A-Z][a-z]+(?: [A-Z][a-z]+)?)-based (?P<rest>(?:[\w-]+ ){0,3})")
_INVESTORS = re.compile(
    rf"\b[Ii]nvestors,? (?:including|such as|like|included|include) (?P<list>{_ONE}"
    rf"(?:, {_ONE})*(?:,? and {_ONE})+)"
)
_CALLED = re.compile(
    rf"\b(?P<what>chatbot|model|foundation model|assistant|AI system|product|operating system"
    rf"|division|unit)(?:,)? (?:called|named|known as) (?P<x>{_ONE})"
)
_ITS = re.compile(rf"\bits (?P<x>{_ONE}) (?P<what>chatbot|model|digital assistant|assistant)\b")
_PARTNER = re.compile(rf"(?P<a>{_ONE}) (?:has |had )?partner(?:ed|s) with (?P<b>{_ONE})")
_ROUND = re.compile(r"\b(?:round|funding|fundraiser|fundraising|financing|investment)\b")
_FORMERLY = re.compile(rf"(?P<a>{_ONE}), (?:the |a |an )?[\w -]{{0,40}}formerly "
                       rf"(?:known as|called) (?P<x>{_ONE})")  # fmt: skip
_HIRED = re.compile(rf"(?:has been|was|were|is being) hired by (?P<org>{_ONE}) "
                    rf"to (?P<job>lead|head|run) (?P<what>[^,.;]{{3,50}})")  # fmt: skip
_DESCRIPTOR = re.compile(r"^(?:[A-Z][a-z]+['’]s )")


def possessive(name: str) -> str:
    """ "Cohere's", "Korvana Robotics'"."""
    return f"{name}'" if name.endswith("s") else f"{name}'s"


@dataclass(frozen=True)
class Link:
    """A question ("Who led Cohere's funding round?") and the name that answers it."""

    relation: str
    subject: str
    answer: str
    start: int
    end: int
    question: str
    others: tuple[str, ...] = ()
    kind: str = "org"


def _span(match: re.Match[str], group: str) -> tuple[int, int, str]:
    name = match.group(group)
    start = match.start(group)
    trimmed = _DESCRIPTOR.sub("", name)
    return start + len(name) - len(trimmed), match.end(group), trimmed


def _subject_before(orgs: Sequence[Mention], at: int, main: str | None) -> str | None:
    """The sentence's subject: its first organisation before ``at``, else ``main``."""
    before = [o for o in orgs if o.local[1] <= at]
    return before[0].answer if before else main


def find_links(
    sentence_orgs: Sequence[Mention],
    text: str,
    main: str | None,
    sentence_people: Sequence[Mention] = (),
) -> list[Link]:
    """The links one sentence states; ``main`` stands for "the company", "the startup"."""
    links: list[Link] = []
    for match in _LED.finditer(text):
        start, end, name = _span(match, "x")
        if not _ROUND.search(text[max(0, match.start() - 40) : match.start()]) or len(name) < 4:
            continue
        nearest = [o for o in sentence_orgs if o.local[1] <= match.start()]
        subject = nearest[-1].answer if nearest else main  # "X's round was led by", "X, ... led by"
        others = (match["y"],) if match["y"] else ()
        if subject and name != subject:
            question = f"who led {possessive(subject)} funding round"
            links.append(Link("led", subject, name, start, end, question, others))
    for match in _LEADING.finditer(text):
        start, end, name = _span(match, "x")
        if main and name != main:
            links.append(
                Link("led", main, name, start, end, f"who is leading {main}'s funding round")
            )
    for match in _BASED.finditer(text):
        rest = match["rest"]
        named = [o for o in sentence_orgs if o.local[0] == match.start("rest")]
        subject = named[0].answer if named else None
        if (
            subject is None
            and re.match(r"(?:[a-z-]+ )*$", rest)
            and text[: match.start()].endswith("the ")
        ):
            subject = main
        if subject is None:
            for org in sentence_orgs:
                if match.end() < org.local[0] <= match.end() + len(rest) + 1:
                    subject = org.answer
        if subject:
            start, end = match.span("x")
            question = f"in which city is {subject} based"
            links.append(Link("based", subject, match["x"], start, end, question, kind="place"))
    for match in _INVESTORS.finditer(text):
        names = re.split(r",? and |, ", match["list"])
        subject = _subject_before(sentence_orgs, match.start(), main)
        if subject and subject not in names:
            start = match.start("list")
            question = f"which of these invested in {subject}"
            links.append(Link("investor", subject, names[0], start, start + len(names[0]),
                              question, tuple(names[1:])))  # fmt: skip
    for pattern in (_CALLED, _ITS):
        for match in pattern.finditer(text):
            subject = _subject_before(sentence_orgs, match.start(), main)
            what = match["what"]
            if subject and match["x"] != subject:
                start, end = match.span("x")
                question = f"what is the name of {possessive(subject)} {what}"
                links.append(Link("called", subject, match["x"], start, end, question, kind="name"))
    for match in _FORMERLY.finditer(text):
        start, end = match.span("x")
        question = f"what was {match['a']} formerly called"
        links.append(Link("formerly", match["a"], match["x"], start, end, question, kind="name"))
    for match in _HIRED.finditer(text):
        people = [o for o in sentence_people if o.local[1] <= match.start()]
        if people:
            person = people[0]
            what = re.sub(r"^(?:\w+['’]s|its|the) ", "", match["what"].strip())
            question = f"who was hired by {match['org']} to {match['job']} its {what}"
            links.append(Link("hired", match["org"], person.answer, *person.local, question,
                              kind="person"))  # fmt: skip
    for match in _PARTNER.finditer(text):
        start, end = match.span("b")
        inside = [o for o in sentence_orgs if match.start("a") <= o.local[0] < match.end("a")]
        partner = inside[-1].answer if inside else match["a"]  # "As Microsoft": Microsoft
        question = f"which company did {partner} partner with"
        links.append(Link("partner", partner, match["b"], start, end, question))
    return links

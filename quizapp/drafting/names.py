"""People and organisations in running text, without any language model.

Organisations come from the gazetteer, plus capitalised names ending in a company word
("Mistral AI", "Halvorsen Capital"). People are runs of two to four capitalised words
(with particles such as "van" or "de") that sit near a role or an affiliation ("founder",
"president", "member of the European Parliament", "formerly at").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from .gazetteer import Gazetteer
from .words import word_set

_UPPER = "A-ZÀ-ÖØ-Þ"
_LOWER = "a-zß-öø-ÿ"
_WORD = rf"[{_UPPER}][{_LOWER}]+(?:[-'][{_UPPER}]?[{_LOWER}]+)?"
_PARTICLES = r"(?:van|von|de|der|den|da|di|du|del|della|le|la|ten|ter|bin|al)"
_RUN = re.compile(rf"{_WORD}(?: +(?:{_PARTICLES} +)*{_WORD})*")
COMPANY_WORDS = sorted(
    word_set(
        "AI Inc Ltd Lab Labs Capital Ventures Partners Group Bank Technologies Robotics Systems "
        "GmbH SAS Holdings Fund Foundation Institute Energy Motors Therapeutics Research"
    )
)
"""Last words that make a capitalised name an organisation ("Halvorsen Capital")."""
_ORG_RUN = re.compile(
    rf"(?:(?:{_WORD}|[{_UPPER}]{{2,}}) +)+(?:Inc\.|{'|'.join(COMPANY_WORDS)})(?!\w)"
)
ROLE = re.compile(
    r"\b(?:co-?founders?|founders?|founding (?:partner|member)|(?:vice[- ])?president"
    r"|chief (?:executive|technology|financial|operating|scientific|science) officer"
    r"|chief executive|CEO|CTO|CFO|COO|vice[- ]chair(?:man|woman)?|chair(?:man|woman|person)?"
    r"|managing director|chief scientist|chief"
    r"|director|head of [a-z ]+?(?= at| of|,|$)|minister|commissioner|secretary"
    r"|member of the European Parliament|MEP|(?:European )?Parliament member|senator"
    r"|spokes(?:person|man|woman)|analyst|professor|researchers?|scientist|economist"
    r"|general partner|partner|investor|lawyer|journalist|chief scientist"
    r"|formerly (?:at|of|with)|previously (?:at|of|with)|former|tenure at|worked at"
    r"|worked for|joined from|alumn(?:us|a|i) of|expertise from)\b",
    re.IGNORECASE,
)
_NOT_NAMES = word_set(
    "The A An As This That These Those However Moreover Unlike While When Where What Which Who "
    "Why How Key Its It In On Of For From With By At As If And Or But Nor Yet So Not No Yes "
    "Our Their His Her Today Yesterday Tomorrow Last Next First Second Third Mr Mrs Ms Dr "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April "
    "May June July August September October November December Home News Technology "
    "Chief Executive Officer President Founder Director Minister Member Parliament Partner "
    "Commissioner Senator Professor Chair Chairman Head Vice Managing General Former "
    "Deputy Ruler Scientist Officer Board Directors"
)
ADJECTIVES = word_set(
    "French European American British German Chinese Italian Spanish Dutch Swiss Irish "
    "Japanese Korean Indian Canadian Nordic Western Global Current New Generative Open "
    "Artificial Big Responsible Conversational Modern Future Emerging Leading Strategic"
)
"""Capitalised words that describe rather than name ("French AI", "Big Tech")."""
_ORG_NAME = rf"(?:[a-z](?=[{_UPPER}]))?[{_UPPER}][\w&-]*(?: [{_UPPER}][\w&-]*)*"
_NAME_BEFORE = re.compile(rf"({_ORG_NAME})(?:['’]s)? $")
_KNOWN_BEFORE = re.compile(rf"({_ORG_NAME})(?:['’]s)? (?:[a-z]+ ){{1,2}}$")
_POSSESSOR = re.compile(rf"({_ORG_NAME})['’]s [^,.;]{{0,30}}$")
_THE_COMPANYS = re.compile(r"\bthe (?:company|firm|startup|group)['’]s $")
_NAME_AFTER = re.compile(
    rf"(?: and [A-Z][a-z]+(?: [A-Z][a-z]+)?)? (?:of|at|with|from|for) (?:the )?({_ORG_NAME})"
)
_NOT_PERSON = word_set(
    "Conference Office Media Ventures Capital Partners Commission Authority Council Agency "
    "Ministry Department University Institute Bank Group Intelligence Valley Act Street Journal"
)
_PLACES = frozenset(
    ("Abu Dhabi", "San Francisco", "New York", "Silicon Valley", "Hong Kong", "Los Angeles",
     "Saudi Arabia", "South Korea", "United States", "United Kingdom", "United Arab Emirates",
     "Middle East", "Central Asia", "South Africa", "New Delhi", "Tel Aviv", "Las Vegas")
)  # fmt: skip
"""Two-word places a role cue nearby could make look like a person."""
PERSON_WINDOW = 90
"""Characters between a name and its role cue, on either side."""


@dataclass(frozen=True)
class Org:
    """An organisation found at ``start:end``: its canonical name, kind and surface text."""

    name: str
    kind: str
    start: int
    end: int
    surface: str


@dataclass(frozen=True)
class Person:
    """A person found at ``start:end``, with the role cue that made it a person and the
    organisation that role belongs to, when the text says ("Microsoft President")."""

    name: str
    start: int
    end: int
    role: str
    affiliation: str | None = None


_NAME = rf"(?:[a-z](?=[{_UPPER}]))?[{_UPPER}][\w&-]*[a-zA-Z0-9](?: [{_UPPER}][\w&-]*)*"
_ORG_CUES = (
    re.compile(rf"\b(?:startup|start-up|company|firm|maker|conglomerate|lab|developer|rival|giant)"
               rf" ({_NAME})"),
    re.compile(rf"\b({_NAME})(?:['’]s)? (?:has |had |have )?(?:raised|raises|wraps up|closed)\b"),
    re.compile(rf"\b({_NAME})-backed\b"),
    re.compile(rf"\b({_NAME}), (?:an?|the) [\w -]*(?:company|startup|start-up|firm|maker)\b"),
)  # fmt: skip
"""Places where a capitalised name can only be an organisation ("AI startup Cohere")."""


def article_orgs(text: str, gazetteer: Gazetteer) -> frozenset[str]:
    """Names an article shows to be organisations somewhere, to be known everywhere in it."""
    found = set()
    known = gazetteer.words()
    for pattern in _ORG_CUES:
        for match in pattern.finditer(text):
            words = match.group(1).split()
            while words and (_not_an_org_word(words[0]) or re.search(r"['’]s$", words[0])):
                words.pop(0)
            name = " ".join(words)
            if words and name not in known and len(name) > 1 and not _ROLE_WORD.match(name):
                found.add(name)
    found |= {org.name for org in find_orgs(text, gazetteer) if org.kind == "company"}
    return frozenset(found)


_ROLE_WORD = re.compile(r"^(?:AI|CEO|US|UK|EU|The|Big Tech)$")


def find_orgs(text: str, gazetteer: Gazetteer, extra: frozenset[str] = frozenset()) -> list[Org]:
    """Organisations in ``text``: gazetteer names, the article's own names (``extra``,
    from ``article_orgs``), then company-like names."""
    orgs = [
        Org(f.entry.name, f.entry.kind, f.start, f.end, f.surface) for f in gazetteer.find(text)
    ]
    taken = [(o.start, o.end) for o in orgs]
    surfaces = {name: name for name in extra}
    for name in extra:  # "Korvana" for "Korvana Robotics", "Mistral" for "Mistral AI"
        words = name.split()
        if len(words) > 1 and words[-1] in COMPANY_WORDS and words[0] not in _NOT_NAMES:
            surfaces.setdefault(" ".join(words[:-1]), name)
    for surface in sorted(surfaces, key=len, reverse=True):
        for match in re.finditer(rf"(?<![\w-]){re.escape(surface)}(?![\w])", text):
            if not any(a < match.end() and match.start() < b for a, b in taken):
                orgs.append(Org(surfaces[surface], "company", match.start(), match.end(), surface))
                taken.append(match.span())
    known = gazetteer.words()
    for match in _ORG_RUN.finditer(text):
        start, end = match.span()
        words = match.group().split()
        while len(words) > 1 and (
            words[0] in known or _not_an_org_word(words[0]) or re.search(r"['’]s$", words[0])
        ):
            start = text.index(words[1], start + len(words[0]))
            words.pop(0)
        if len(words) < 2 or any(a < end and start < b for a, b in taken):
            continue
        name = " ".join(words)
        orgs.append(Org(name, "company", start, end, text[start:end]))
    return sorted(orgs, key=lambda o: o.start)


def _not_an_org_word(word: str) -> bool:
    """Words that start a capitalised run without naming anything ("French AI", "Unveiling")."""
    return word in _NOT_NAMES or word in ADJECTIVES or word.endswith(("ing", "-based"))


def _trim_run(text: str, start: int, words: list[str], skip: frozenset[str]) -> tuple[int, str]:
    """Drop leading words that are not part of a name ("Microsoft President Brad Smith")."""
    while words and (words[0] in skip or words[0] in _NOT_NAMES):
        start = text.index(words[1], start + len(words[0])) if len(words) > 1 else start
        words = words[1:]
    while words and words[-1] in skip | _NOT_NAMES:
        words = words[:-1]
    return start, " ".join(words)


def _nearest_role(text: str, start: int, end: int) -> re.Match[str] | None:
    """The role cue closest to ``text[start:end]`` within ``PERSON_WINDOW`` characters."""
    lo, hi = max(0, start - PERSON_WINDOW), min(len(text), end + PERSON_WINDOW)
    best: tuple[int, re.Match[str]] | None = None
    for match in ROLE.finditer(text, lo, hi):
        if start <= match.start() < end:
            continue
        distance = start - match.end() if match.end() <= start else match.start() - end
        if best is None or distance < best[0]:
            best = (distance, match)
    return best[1] if best else None


def find_people(text: str, orgs: list[Org], gazetteer: Gazetteer) -> Iterator[Person]:
    """People named in ``text`` near a role or an affiliation."""
    skip = gazetteer.words() | {w for o in orgs for w in o.name.split()}
    org_spans = [(o.start, o.end) for o in orgs]
    for match in _RUN.finditer(text):
        start, name = _trim_run(text, match.start(), match.group().split(), skip)
        words = name.split()
        capitals = [w for w in words if w[0].isupper()]
        if not 2 <= len(capitals) <= 5 or any(w in skip or w in ADJECTIVES for w in words):
            continue
        if name in _PLACES or any(w in _NOT_PERSON or w.endswith("-based") for w in words):
            continue
        end = start + len(name)
        if any(a < end and start < b for a, b in org_spans):
            continue
        role = _nearest_role(text, start, end)
        if role is not None:
            affiliation = _affiliation(text, role, orgs) or _only_company(text, role, start, orgs)
            yield Person(name, start, end, role.group(), affiliation)


_TOP_ROLE = re.compile(r"(?:chief executive|CEO|chief|president|chair(?:man|woman)?)\s+$",
                       re.IGNORECASE)  # fmt: skip


def _only_company(text: str, role: re.Match[str], start: int, orgs: list[Org]) -> str | None:
    """The company a bare title right before a name belongs to ("chief executive Tim Cook
    said", "when CEO Sam Altman was removed"): the one company its sentence names, if only one."""
    if not _TOP_ROLE.search(text[role.start() : start]) or role.end() > start:
        return None
    companies = {org.name for org in orgs if org.kind == "company"}
    return companies.pop() if len(companies) == 1 else None


def _affiliation(text: str, role: re.Match[str], orgs: list[Org]) -> str | None:
    """The organisation a role cue belongs to: "Microsoft President", "analyst at Kessler"."""
    before = _NAME_BEFORE.search(text, 0, role.start())
    if before:
        words = before.group(1).split()
        while words and words[0] in _NOT_NAMES:
            words.pop(0)
        if words:
            return " ".join(words)
    by_start = {org.start: org.name for org in orgs}
    for pattern in (
        _KNOWN_BEFORE,
        _POSSESSOR,
    ):  # "EU competition commissioner", "X's co-founder and chief"
        found = pattern.search(text, 0, role.start())
        if (
            found
            and found.start(1) in by_start
            and " and " not in f" {found.group()} "[:-1]
            or (found and pattern is _POSSESSOR and found.start(1) in by_start)
        ):
            return by_start[found.start(1)]
    if _THE_COMPANYS.search(text, 0, role.start()) and orgs:
        return orgs[0].name  # "the company's chief": the sentence's subject
    start = role.end()
    last = role.group().split()[-1].lower()
    if last in ("at", "of", "with", "from", "for"):
        start -= len(last) + 1
    after = _NAME_AFTER.match(text, start)
    if after:
        for org in orgs:
            if org.start == after.start(1):
                return org.name
        return after.group(1)
    return None

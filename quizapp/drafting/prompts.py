"""The wording of drafted questions: who-questions from roles, fact questions, gap prompts.

Prompts name the article ("According to Sachi Sapam's article, ...") and never repeat an
article sentence: they are built from templates, or from a trimmed clause with a gap.
"""

from __future__ import annotations

import re

from quizapp.grading import fold

from .facts import Fact
from .mentions import Mention
from .sentences import MAX_CLAUSE_WORDS, MIN_CLAUSE_WORDS, trim_around
from .words import word_set

GAP = "____"
_CALENDAR = word_set(
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May "
    "June July August September October November December I The A An"
)
_AFFILIATION_CUES = re.compile(
    r"^(?:formerly|previously|former|tenure|worked|joined|alumn|expertise)", re.IGNORECASE
)
_UNIQUE_ROLES = re.compile(
    r"^(?:(?:vice[- ])?president|chief|ceo|cto|cfo|coo|chair|managing director|head of"
    r"|minister|secretary|commissioner)",
    re.IGNORECASE,
)
_COMMON_FIRST = word_set(
    "president vice chief founder co-founder cofounder member chair chairman chairwoman "
    "chairperson director managing head minister commissioner secretary spokesperson "
    "analyst professor researcher scientist partner investor general founding"
)
_STAFF_ROLES = re.compile(
    r"^(?:analyst|researcher|scientist|economist|professor|engineer|lawyer|journalist)"
)
_PARLIAMENT_MEMBER = re.compile(r"^(?:European )?Parliament member$|^MEP$", re.IGNORECASE)
_PASSIVE = re.compile(r"\b(?:was|were|is|are|been|be)\s+$")
_OBJECT_END = re.compile(r"\s(?:on|in|at|with|to|for|by|from|after|before|and)\s|[,.;:(]")
_BRACKET = re.compile(r"\s*\([\"“‘']?[A-Z][\w.&-]{1,14}[\"”’']?\)")
_KIND_WORDS = {
    "regulator": "regulator",
    "institution": "institution",
    "law": "law",
    "company": "company",
    "media": "news organisation",
}


def label_for(mention: Mention, answer: str) -> str:
    """How the prompt names the article, without giving the answer away in a headline."""
    label = mention.article.label
    folded = fold(label)
    if fold(answer) in folded or fold(mention.surface) in folded:
        return f"the article {mention.article.source_id}"
    return label


def role_phrase(role: str) -> str:
    """A role cue as prose: "President" -> "president", "Parliament member" -> "member of..."."""
    if _PARLIAMENT_MEMBER.match(role):
        return "member of the European Parliament"
    words = [w if w.isupper() else w.lower() for w in role.split()]
    if len(words) == 1 and words[0].endswith("s") and words[0].lower() != "analysis":
        words[0] = words[0][:-1]  # "founders", "researchers"
    return " ".join(words)


def who_prompt(mention: Mention, label: str) -> str | None:
    """ "According to X, who is the president of Microsoft?"; None when the role says too little."""
    role = mention.detail or ""
    org = mention.affiliation
    if _AFFILIATION_CUES.match(role):
        return f"According to {label}, who previously worked at {org}?" if org else None
    phrase = role_phrase(role)
    article = "the" if _UNIQUE_ROLES.match(phrase) else "an" if phrase[0] in "aeiou" else "a"
    if org and " of " not in phrase:
        preposition = "at" if _STAFF_ROLES.match(phrase) else "of"
        return f"According to {label}, who is {article} {phrase} {preposition} {org}?"
    if phrase == "member of the European Parliament":
        return f"According to {label}, who is described as {article} {phrase}?"
    return None  # "who is described as the chief executive?": of what? more than one answer


def gap_span(mention: Mention) -> tuple[int, int]:
    """The mention's span in its sentence, with a bracketed acronym after it: "FTC (FTC)"."""
    start, end = mention.local
    bracket = _BRACKET.match(mention.sentence.text, end)
    return (start, bracket.end()) if bracket and mention.kind == "org" else (start, end)


def names_something(clause: str) -> bool:
    """Whether a gap clause names something besides its gap (an organisation, a person, a
    product: a capitalised word past the clause's first): a gap with nobody in it ("…as
    small as ____…") has no one answer."""
    words = [w.strip("“”\"'‘’(…,.") for w in clause.replace(GAP, " ").split()[1:]]
    return any(w[:1].isupper() and w not in _CALENDAR for w in words)


def gap_clause(mention: Mention, blank: str = GAP) -> str | None:
    """The mention's sentence trimmed to a clause, with the mention replaced by ``blank``;
    a clause that names nobody is widened (to at most ``MAX_CLAUSE_WORDS`` words, shifted
    off the centre if need be) until it names someone ("…stakes as small as ____,
    according to the filing with the SEC")."""
    text, (start, end) = mention.sentence.text, gap_span(mention)
    clause = trim_around(text, start, end, GAP)
    for wider in (MIN_CLAUSE_WORDS + 4, MAX_CLAUSE_WORDS):
        if clause is None or names_something(clause):
            break
        clause = trim_around(text, start, end, GAP, wider, names_something)
    return clause.replace(GAP, blank) if clause is not None else None


def gap_prompt(mention: Mention, label: str, what: str) -> str | None:
    """ "According to X, which amount fills the gap: "… ____ …"?"."""
    clause = gap_clause(mention)
    if clause is None:
        return None
    return f'According to {label}, which {what} fills the gap: "{clause}"?'


def _object(text: str, end: int) -> str:
    """The few words after a verb, up to a preposition or punctuation: "its own LLM"."""
    rest = text[end:]
    stop = _OBJECT_END.search(rest)
    words = (rest[: stop.start()] if stop else rest).replace("“", "").replace("”", "").split()
    return " ".join(words) if 0 < len(words) <= 6 else ""


def fact_prompt(fact: Fact, label: str) -> str | None:
    """A question asking for a fact's value, or None when its subject is unknown."""
    subject = fact.subject
    if subject is None:
        return None
    text = fact.mention.sentence.text
    keyword_at = text.find(fact.keyword)
    passive = bool(_PASSIVE.search(text[:keyword_at]))
    year_only = fact.mention.kind == "date" and len(fact.mention.key) == 4
    when = "in what year" if year_only else "when"
    lead = f"According to {label}, "
    match fact.predicate:
        case "founding":
            return lead + f"{when} was {subject} founded?"
        case "launch":
            if passive:
                return lead + f"{when} was {subject} launched?"
            thing = _object(text, keyword_at + len(fact.keyword))
            return lead + f"{when} did {subject} launch {thing or 'it'}?"
        case _ if fact.mention.kind == "amount":
            return amount_prompt(fact, lead)
        case "acquisition" if fact.mention.kind == "amount":
            return lead + f"how much was paid in the acquisition involving {subject}?"
        case "fine" if fact.mention.kind == "amount":
            return lead + f"how large is the fine involving {subject}?"
    return None


def amount_prompt(fact: Fact, lead: str) -> str | None:
    """The question for an amount bound to a relation (``relations.relation_of``)."""
    subject, target = fact.subject, fact.target
    when = f" {fact.when}" if fact.when else ""
    into = f" in {target}" if target and fold(target) != fold(subject or "") else ""
    match fact.predicate:
        case "raise":
            seed = "seed " if "seed" in fact.mention.sentence.text.lower() else ""
            return lead + f"how much {seed}funding did {subject} raise{when}?"
        case "raise sought":
            return lead + f"how much new funding is {subject} seeking to raise{when}?"
        case "valuation":
            return lead + f"at how much was {subject} valued{when}?"
        case "valuation sought":
            return lead + f"at what valuation was {subject} seeking funding{when}?"
        case "investment":
            return lead + f"how much did {subject} invest{into}{when}?"
        case "total investment":
            return lead + f"how much has {subject} invested{into} in all{when}?"
        case "revenue":
            return lead + f"how much revenue did {subject} report{when}?"
    return None


def kind_word(mention: Mention) -> str:
    """What a gap holds, for gap prompts: "amount", "year", "date", "regulator", "person"."""
    if mention.kind == "amount":
        return "amount"
    if mention.kind == "number":
        return "percentage" if mention.detail == "%" else "number"
    if mention.kind == "date":
        return "year" if len(mention.key) == 4 else "date"
    if mention.kind == "person":
        return "person"
    return _KIND_WORDS.get(mention.detail or "", "organisation")

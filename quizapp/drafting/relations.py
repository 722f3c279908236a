"""What a sum of money measures, bound to the organisation it belongs to, within its clause.

"OpenAI has raised $6.6 billion" is a raise by OpenAI; "Thrive Capital, which put in $1.25
billion" an investment by Thrive Capital in the article's company; "valuing the startup at
$157 billion" a valuation of the article's company; "seeking new funding at a $40 billion
valuation" a valuation *sought*, and "the size of a round Google joined" is not Google's
investment. An amount no pattern binds is left without a relation (and not asked as one).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from .mentions import Mention
from .names import ADJECTIVES

_SOFT = r"(?:about |around |roughly |nearly |almost |some |more than |over |up to |at least )?"
_RAISE = re.compile(
    r"\b(?:rais(?:ed|es|e|ing)|wraps? up|wrapped up|clos(?:ed|es|e)|secur(?:ed|es|e)"
    r"|land(?:ed|s)|bagged)\s+(?:an additional |a further |a total of |another |a |its )?"
    + _SOFT
    + r"$"
)
_RAISE_AFTER = re.compile(r"^\s*(?:in (?:new )?(?:funding|capital)|funding round|round)\b")
_VALUE = re.compile(r"\bvalu(?:es|ing|ed|e)\b(?P<what>[^.;$€£]{0,40}?)\bat " + _SOFT + r"$")
_VALUATION_AFTER = re.compile(r"^\s*(?:post-money |pre-money )?valuation\b")
_VALUATION_OF = re.compile(r"\bvaluation (?:of|at) " + _SOFT + "$")
_SOUGHT = re.compile(r"\b(?:seek(?:s|ing)?|sought|target(?:s|ed|ing)?|aim(?:s|ing)?|hop(?:es|ing)"
                     r"|could|would|in talks)\b")  # fmt: skip
_INVEST = re.compile(
    r"\b(?:put in|put|invest(?:ed|s|ing)?|(?:would |will |to )?pay|paid|committed|pledged)\s+"
    + _SOFT
    + r"$"
)
_INVEST_NOUN = re.compile(r"^\s*(?:investment|stake|funding)?\s*(?:in (?P<in>[^,.;]{2,40}?) )?"
                          r"(?:from|by) (?P<from>[A-Z][\w&-]*(?: [A-Z][\w&-]*)*)")  # fmt: skip
_INVESTMENT_OF = re.compile(r"\binvestment of " + _SOFT + r"$")
_TOTAL = re.compile(
    r"\b(?:doubled|tripled|raised|increased|brought)\b[^.;]{0,40}\bto " + _SOFT + "$"
)
_REVENUE = re.compile(r"\brevenues?\b[^.;$]{0,25}$")
_THE_COMPANY = re.compile(
    r"\b(?:the|its) (?:company|startup|start-up|business|firm|group)\b|\bit\b"
)
_INTO = re.compile(r"^\s*(?:into|in|for [a-z ]*stake in) (?:the )?([A-Z][\w&-]*(?: [A-Z]\w*)*)")
_WINDOW = 90


def main_org(mentions: Sequence[Mention]) -> str | None:
    """The organisation an article is about: its most often named company."""
    counts = Counter(m.answer for m in mentions if m.kind == "org" and m.detail == "company")
    return counts.most_common(1)[0][0] if counts else None


def _org_before(orgs: Sequence[Mention], at: int) -> Mention | None:
    """The last organisation named before sentence offset ``at``."""
    before = [o for o in orgs if o.local[1] <= at]
    return before[-1] if before else None


def _org_at(orgs: Sequence[Mention], start: int, end: int) -> Mention | None:
    inside = [o for o in orgs if start <= o.local[0] and o.local[1] <= end]
    return inside[0] if inside else None


def relation_of(
    amount: Mention, orgs: Sequence[Mention], main: str | None
) -> tuple[str, str, str | None, str] | None:
    """(relation, subject, target, keyword) for an amount, or None when none binds.

    Relations: "raise", "raise sought", "valuation", "valuation sought", "investment",
    "total investment", "revenue". ``orgs`` are the organisations of the amount's sentence;
    ``main`` is the organisation "the company" or "it" stands for, when the text allows.
    """
    text = amount.sentence.text
    start, end = amount.local
    left = text[max(0, start - _WINDOW) : start]
    offset = max(0, start - _WINDOW)
    right = text[end : end + 60]
    sought = bool(_SOUGHT.search(text[max(0, start - 60) : start]))

    def subject_before(at: int) -> str | None:
        org = _org_before(orgs, offset + at)
        if org is not None and not _THE_COMPANY.search(text[org.local[1] : offset + at]):
            return org.answer
        return main if _THE_COMPANY.search(text[:start]) else None

    if (found := _TOTAL.search(left)) and "invest" in left:
        investor = subject_before(found.start())
        target = main if investor != main else None
        return ("total investment", investor, target, "invest") if investor else None
    if (of := _VALUATION_OF.search(left)) and not _VALUE.search(left):
        owner = re.search(r"(\S+)['’]s $", left[: of.start()])
        named = [o.answer for o in orgs if owner and o.surface == owner.group(1)]
        return ("valuation", named[0], None, "valu") if named else None
    if (found := _VALUE.search(left)) or _VALUATION_AFTER.match(right):
        named = _org_at(orgs, offset + found.start(), offset + found.end()) if found else None
        subject = named.answer if named else subject_before(found.start() if found else len(left))
        relation = "valuation sought" if sought else "valuation"
        return (relation, subject, None, "valu") if subject else None
    if (found := _RAISE.search(left)) or (
        _RAISE_AFTER.match(right) and re.search(r"\b(?:rais|clos)\w*\b[^.;]*$", left)
    ):
        subject = subject_before(found.start() if found else len(left))
        relation = "raise sought" if sought or "to raise" in left else "raise"
        return (relation, subject, None, "rais") if subject else None
    noun = _INVEST_NOUN.match(right)
    if noun and (
        _INVESTMENT_OF.search(left) or re.match(r"^\s*(?:investment|stake|funding)", right)
    ):
        target = (noun["in"] or "").strip() or subject_before(len(left))
        return "investment", noun["from"], target, "invest"
    if found := _INVEST.search(left):
        investor = subject_before(found.start())
        into = _INTO.match(right)
        target = into.group(1) if into else (main if investor != main else None)
        if into and into.group(1).split()[0] in ADJECTIVES:  # "in French AI startup Mistral"
            named = [o for o in orgs if end < o.local[0] <= end + 60]
            target = named[0].answer if named else None
        return ("investment", investor, target, "invest") if investor else None
    if _REVENUE.search(left):
        subject = subject_before(len(left))
        return ("revenue", subject, None, "revenue") if subject else None
    return None

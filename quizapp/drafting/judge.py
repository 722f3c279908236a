"""Judge drafts against hand-labelled facts: precision, recall and conflict precision.

A draft is good when its answer is right, it has one defensible answer and it is not
trivial. The rules, in order: a reader's verdict on this exact draft wins; a draft whose
answer appears in its own question is trivial; two drafts of one article with the same
question and different answers are both wrong; a draft that accepts a labelled fact's value
and names the fact's subject and one of its cue words asks that fact (good, unless the fact
has several right answers and the draft is not a choice, or asks for one of them, no sum
naming which, and offers another as a wrong choice); any other draft is unjudged and
counts as not good until a reader labels it in ``verdicts.yaml``.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from quizapp.grading import fold

from .drafts import Draft, answer_keys, question_text, value_keys
from .facts import Conflict
from .gold import Gold, GoldFact, fingerprint
from .numbers import find_amounts, find_dates

CHOICE_TYPES = ("choice", "truefalse", "multi")


@dataclass(frozen=True)
class Judged:
    """One draft's verdict: ``how`` is "verdict", "fact", "rule" or "unjudged"."""

    draft: Draft
    good: bool
    how: str
    why: str
    facts: tuple[str, ...] = ()


@dataclass
class ArticleScore:
    """The drafts of one article and the labelled facts they find."""

    article: str
    split: str
    judged: list[Judged] = field(default_factory=list)
    facts: list[GoldFact] = field(default_factory=list)

    @property
    def good(self) -> int:
        """How many drafts are good."""
        return sum(1 for j in self.judged if j.good)

    @property
    def found(self) -> set[str]:
        """Ids of the labelled facts at least one good draft asks."""
        labelled = {f.id for f in self.facts}
        return {f for j in self.judged if j.good for f in j.facts if f in labelled}


@dataclass
class GoldReport:
    """Per-article scores and the conflicts reported, with how many are real."""

    articles: list[ArticleScore]
    conflicts: int = 0
    true_conflicts: int = 0

    def totals(self, split: str | None = None) -> tuple[int, int, int, int]:
        """(good drafts, drafts, facts found, facts) over one split or all articles."""
        chosen = [a for a in self.articles if split is None or a.split == split]
        return (
            sum(a.good for a in chosen),
            sum(len(a.judged) for a in chosen),
            sum(len(a.found) for a in chosen),
            sum(len(a.facts) for a in chosen),
        )

    @property
    def unjudged(self) -> list[Judged]:
        """Drafts no rule, fact or verdict decides: a reader should label them."""
        return [j for a in self.articles for j in a.judged if j.how == "unjudged"]


def _has(text: str, words: Iterable[str]) -> bool:
    """Whether folded ``text`` holds one of ``words`` (folded) starting at a word boundary."""
    return any(re.search(rf"(?<!\w){re.escape(fold(w))}", text) for w in words if fold(w))


def _matches(keys: set[str], text: str, fact: GoldFact) -> bool:
    return bool(keys & fact.keys) and _has(text, fact.about) and _has(text, fact.cues)


def _trivial(keys: set[str], text: str) -> bool:
    """The answer is written in the question itself."""
    answers = {k.split(":", 1)[1] for k in keys if k.startswith("text:")}
    return any(len(a) > 2 and re.search(rf"(?<!\w){re.escape(a)}(?!\w)", text) for a in answers)


def _wrong_choices(draft: Draft) -> set[str]:
    """Keys of a choice draft's choices other than its answer."""
    if draft.type != "choice":
        return set()
    answer = value_keys(draft.fields.get("answer"))
    choices = [value_keys(c) for c in draft.fields.get("choices") or ()]
    return {key for keys in choices if not keys & answer for key in keys}


def _asked(draft: Draft) -> str:
    """What a draft asks, folded, without the article's file-made id (its words are no
    context a reader has); a headline naming the article stays, as a reader sees it."""
    text = question_text(draft.as_yaml())
    return text.replace(fold(draft.mention.article.source_id), " ")


def _judge(draft: Draft, facts: Sequence[GoldFact], clash: bool, gold: Gold) -> Judged:
    verdict = gold.verdicts.get((draft.id, fingerprint(draft)))
    if verdict is not None:
        credited = (verdict.fact,) if verdict.fact and verdict.good else ()
        return Judged(draft, verdict.good, "verdict", verdict.why, credited)
    text = _asked(draft)
    if draft.type == "truefalse":
        return _judge_statement(draft, facts, text)
    keys = answer_keys(draft.type, draft.as_yaml())
    if _trivial(keys, text):
        return Judged(draft, False, "rule", "the answer is in the question")
    if clash:
        return Judged(draft, False, "rule", "the same question has another answer")
    matched = [f for f in facts if _matches(keys, text, f)]
    if matched and all(f.several for f in matched) and draft.type not in CHOICE_TYPES:
        return Judged(draft, False, "rule", f"{matched[0].id} has several right answers")
    pinned = any(True for _ in find_amounts(draft.prompt))  # "which invested $500 million"
    if matched and all(f.several for f in matched) and not pinned:
        offered = _wrong_choices(draft)
        if any(offered & f.keys for f in matched):
            return Judged(draft, False, "rule", "a wrong choice is another right answer")
    if matched:
        return Judged(draft, True, "fact", "", tuple(f.id for f in matched))
    return Judged(draft, False, "unjudged", "no labelled fact matches; label it")


def _holds(text: str, fact: GoldFact) -> bool:
    """Whether a statement (folded) gives one of the fact's values, as text, sum or date."""
    written = {f"text:{fold(a)}" for a in fact.answers}
    found = {k for a in fact.answers for k in value_keys(a)} - written
    values = {k for m in [*find_amounts(text), *find_dates(text)] for k in value_keys(m.surface)}
    return _has(text, fact.answers) and bool(written) or bool(found & values)


def _judge_statement(draft: Draft, facts: Sequence[GoldFact], text: str) -> Judged:
    """A true statement is good when it names a labelled fact (subject and cue) with one of
    its values; an altered one when it names a one-answer fact with none of its values and
    its explanation gives the fact's value. Anything else waits for a reader."""
    named = [f for f in facts if _has(text, f.about) and _has(text, f.cues)]
    if draft.fields.get("answer") is True:
        holding = tuple(f.id for f in named if _holds(text, f))
        if holding:
            return Judged(draft, True, "fact", "", holding)
    else:
        told = fold(draft.explanation)
        altered = tuple(
            f.id for f in named
            if not f.several and not _holds(text, f) and _holds(told, f)
        )  # fmt: skip
        if altered:
            return Judged(draft, True, "fact", "", altered)
    return Judged(draft, False, "unjudged", "no labelled fact decides this statement; label it")


def _clashes(drafts: Sequence[Draft]) -> set[str]:
    """Ids of drafts whose question another draft of the article asks with another answer."""
    by_question: dict[tuple[str, str], list[Draft]] = defaultdict(list)
    for draft in drafts:
        by_question[(draft.mention.article.name, _asked(draft))].append(draft)
    clashing = set()
    for same in by_question.values():
        keys = [answer_keys(d.type, d.as_yaml()) or {repr(d.fields)} for d in same]
        for draft, mine in zip(same, keys, strict=True):
            if any(not mine & theirs for theirs in keys):
                clashing.add(draft.id)
    return clashing


def _true_conflict(conflict: Conflict, gold: Gold) -> bool:
    articles = {f.mention.article.name for f in conflict.facts}
    label = fold(conflict.label)
    return any(c.articles <= articles and c.about in label for c in gold.conflicts)


def judge(drafts: Sequence[Draft], conflicts: Sequence[Conflict], gold: Gold) -> GoldReport:
    """Score ``drafts`` of the gold's articles; drafts of other articles are left out."""
    scores = {name: ArticleScore(name, split) for name, split in sorted(gold.splits.items())}
    for fact in gold.facts:
        scores[fact.article].facts.append(fact)
    clashes = _clashes(drafts)
    for draft in drafts:
        score = scores.get(draft.mention.article.name)
        if score is not None:
            score.judged.append(_judge(draft, score.facts, draft.id in clashes, gold))
    true = sum(1 for c in conflicts if _true_conflict(c, gold))
    return GoldReport(list(scores.values()), len(conflicts), true)

"""Lint rules over the whole bank: key balance, length patterns, overlap between questions,
and articles named in prompts. Each yields ``(question or None, rule, message, fix)``."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from itertools import combinations

from ...qtypes import get_type
from ..spec import Bank, QuestionSpec, Source
from .items import options
from .words import content_words, mentions

BankFinding = tuple[QuestionSpec | None, str, str, str]

TRUE_SHARE = (0.4, 0.6)
"""The share of true statements among the true/false questions that is balanced enough."""
LONGEST_SHARE = 0.35
"""At most this share of choice questions may have the longest (or shortest) right answer."""
MIN_TRUEFALSE = 4
DUPLICATE = 0.6
"""Questions sharing this share of their content words (Jaccard) test one fact."""
MIN_GIVEAWAY = 4
"""Typed answers shorter than this (``AI``, ``3``) are too common to count as given away."""
CLAIM_TAGS = ("claim", "disagreement")
"""Tags that say a question is about what an article says, or where articles disagree."""


def true_false_balance(questions: list[QuestionSpec]) -> Iterator[BankFinding]:
    """Close to half the true/false statements true (a constant key can be learned)."""
    keys = [q.fields["answer"] for q in questions if q.type == "truefalse"]
    if len(keys) < MIN_TRUEFALSE:
        return
    share = sum(keys) / len(keys)
    low, high = TRUE_SHARE
    if not low <= share <= high:
        yield (
            None,
            "true-false-balance",
            f"{sum(keys)} of {len(keys)} true/false statements are true ({share:.0%});"
            f" keep it between {low:.0%} and {high:.0%}",
            "rewrite some statements so that the other answer is right",
        )


def _extreme(spec: QuestionSpec) -> str | None:
    """'longest' or 'shortest' when a choice question's right answer is strictly that."""
    right, wrong = options(spec) or ([], [])
    if spec.type != "choice" or not wrong:
        return None
    size, others = len(right[0]), [len(w) for w in wrong]
    if size > max(others):
        return "longest"
    if size < min(others):
        return "shortest"
    return None


def answer_length_share(questions: list[QuestionSpec]) -> Iterator[BankFinding]:
    """The right answer is not the longest (or shortest) option much more often than chance."""
    choice = [q for q in questions if q.type == "choice"]
    if not choice:
        return
    for which in ("longest", "shortest"):
        hits = [q for q in choice if _extreme(q) == which]
        share = len(hits) / len(choice)
        if share > LONGEST_SHARE:
            yield (
                None,
                "answer-length-share",
                f"the right answer is the {which} option in {len(hits)} of {len(choice)} choice"
                f" questions ({share:.0%}); keep it at most {LONGEST_SHARE:.0%}",
                f"make a distractor the {which} option in some of: "
                + ", ".join(q.id for q in hits[:8])
                + (" ..." if len(hits) > 8 else ""),
            )


def _fact_words(spec: QuestionSpec) -> set[str]:
    return content_words(spec.prompt + " " + get_type(spec.type).answer_text(spec))


def near_duplicates(questions: list[QuestionSpec]) -> Iterator[BankFinding]:
    """Two questions whose prompt and answer share most of their words (HDR 4)."""
    words = {q.id: _fact_words(q) for q in questions}
    for first, second in combinations(questions, 2):
        a, b = words[first.id], words[second.id]
        if a and b and len(a & b) / len(a | b) >= DUPLICATE:
            yield (
                second,
                "near-duplicate",
                f"tests the same fact as '{first.id}' ({first.file}:{first.line})",
                "merge the two, or make each ask about a different fact",
            )


def _typed_answers(spec: QuestionSpec) -> list[str]:
    """The answers a student must recall and type (short, numeric, date, cloze blanks)."""
    if spec.type == "short":
        return [spec.fields["answer"], *spec.fields.get("accept", ())]
    if spec.type in ("numeric", "date"):
        return [str(spec.content.get("answer", ""))]
    if spec.type == "cloze":
        return [alternatives[0] for alternatives in spec.fields["blanks"]]
    return []


def _shown_text(spec: QuestionSpec) -> str:
    """What a student reads before answering: the prompt, a cloze's text around its blanks,
    and the choices, items or pairs on offer."""
    fields = spec.fields
    shown = [spec.prompt]
    if spec.type == "cloze":
        shown += [s for s in fields["segments"] if isinstance(s, str)]
    shown += list(fields.get("choices", ())) + list(fields.get("items", ()))
    for pair in fields.get("pairs", ()):
        shown += list(pair.items()) if isinstance(pair, dict) else list(pair)
    return " \n".join(str(s) for s in shown)


def gives_away(questions: list[QuestionSpec]) -> Iterator[BankFinding]:
    """A question that shows the answer another question asks students to recall."""
    for asked in questions:
        answers = [a for a in _typed_answers(asked) if len(a) >= MIN_GIVEAWAY]
        for other in questions:
            if other.id == asked.id:
                continue
            shown = _shown_text(other)
            given = next((a for a in answers if mentions(shown, a)), None)
            if given:
                yield (
                    other,
                    "gives-away",
                    f"it shows '{given}', the answer to '{asked.id}'",
                    f"word this question without it, or ask '{asked.id}' about something else",
                )


def source_names(source: Source) -> list[str]:
    """How a prompt may name an article: its author (full and family name), title, label."""
    names = []
    if source.author:
        names += [source.author, source.author.split()[-1]]
    if source.title:
        names.append(source.title)
    if source.description:
        names.append(source.description.split(":")[0].strip().strip("'\""))
    return [n for n in names if len(n) >= 4]


def named_sources(
    questions: list[QuestionSpec],
    sources: Mapping[str, Source],
    available: Mapping[str, bool] | None,
) -> Iterator[BankFinding]:
    """A prompt that names an article: only for a claim or a disagreement, and one the
    student can open (cited by the question, its text in the articles folder)."""
    for spec in questions:
        shown = spec.prompt + (" " + spec.fields["text"] if spec.type == "cloze" else "")
        named = [s for s in sources.values() if any(mentions(shown, n) for n in source_names(s))]
        for source in named:
            problem = None
            if source.id not in spec.sources:
                problem = ("does not cite it", "cite it in 'sources', or leave its name out")
            elif available is not None and not available.get(source.id, False):
                problem = (
                    "its text is not in the articles folder, so students cannot open it",
                    "add the article file, or ask about the fact without naming the article",
                )
            elif not set(CLAIM_TAGS) & set(spec.tags):
                problem = (
                    "the question is not tagged 'claim' or 'disagreement'",
                    "ask about the fact without naming the article; if the question really is"
                    " about what this article says, tag it 'claim' (or 'disagreement')",
                )
            if problem:
                yield (
                    spec,
                    "source-named",
                    f"the prompt names the article '{source.id}', but {problem[0]}",
                    problem[1],
                )


def bank_findings(bank: Bank, available: Mapping[str, bool] | None) -> Iterator[BankFinding]:
    """Every bank-wide finding, in rule order."""
    questions = list(bank.questions.values())
    yield from true_false_balance(questions)
    yield from answer_length_share(questions)
    yield from near_duplicates(questions)
    yield from gives_away(questions)
    yield from named_sources(questions, bank.sources, available)

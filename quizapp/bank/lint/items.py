"""Per-question lint rules: each takes a question and returns ``(rule, message, fix)`` findings.

Rules read the question as written; none judges whether it is true (people check that
against the articles).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from statistics import mean

from ...grading import parse_amount, parse_date
from ..spec import QuestionSpec
from .words import content_words, unemphasised_negative

Finding = tuple[str, str, str]
"""(rule id, what is wrong, how to fix it)."""

CONSPICUOUS = 1.5
"""A right answer this many times longer (or shorter) than the distractors on average gives
itself away."""
MIN_CHARS = 12
"""Options shorter than this are names or numbers: their lengths are not a clue."""
ABOVE = re.compile(r"\b(all|none|both|neither) of (the above|these|them)\b|^(both|neither)\b", re.I)
OPENING_WORDS = 3
"""Every option starting with this many shared words: those words belong in the stem."""


def options(spec: QuestionSpec) -> tuple[list[str], list[str]] | None:
    """(right options, wrong options) of a choice or multi question, else None."""
    if spec.type == "choice":
        right = spec.fields["answer"]
        return [right], [c for c in spec.fields["choices"] if c != right]
    if spec.type == "multi":
        rights = set(spec.fields["answers"])
        choices = spec.fields["choices"]
        return [c for c in choices if c in rights], [c for c in choices if c not in rights]
    return None


def answer_length(spec: QuestionSpec) -> Iterator[Finding]:
    """The right answer conspicuously longer or shorter than the distractors (HDR 24)."""
    split = options(spec)
    if split is None or not split[1]:
        return
    right, wrong = mean(len(o) for o in split[0]), mean(len(o) for o in split[1])
    if max(right, wrong) < MIN_CHARS:
        return
    if right >= CONSPICUOUS * wrong:
        yield (
            "answer-length",
            f"the right answer is much longer than the distractors ({right:.0f} vs"
            f" {wrong:.0f} characters on average)",
            "shorten it, or give the distractors the same detail",
        )
    elif wrong >= CONSPICUOUS * right:
        yield (
            "answer-length",
            f"the right answer is much shorter than the distractors ({right:.0f} vs"
            f" {wrong:.0f} characters on average)",
            "shorten the distractors, or give the answer the same detail",
        )


def above(spec: QuestionSpec) -> Iterator[Finding]:
    """ "All of the above", "none of these", "both" as an option (HDR 25, 26)."""
    split = options(spec)
    for option in [*split[0], *split[1]] if split else []:
        if ABOVE.search(option):
            yield (
                "all-none-of-the-above",
                f"the option '{option}' refers to the other options",
                "replace it with a plausible answer of its own, or make the question a"
                " multi (select all that apply)",
            )


def negative_stem(spec: QuestionSpec) -> Iterator[Finding]:
    """A negative word in the stem that is easy to miss (HDR 17)."""
    word = unemphasised_negative(spec.prompt)
    if word:
        yield (
            "negative-stem",
            f"the prompt says '{word}' without emphasis",
            "ask the question positively; if the negative must stay, write it **NOT**",
        )


def stem_clue(spec: QuestionSpec) -> Iterator[Finding]:
    """The right answer alone repeats a word of the stem: a clang association (HDR 28b)."""
    split = options(spec)
    if split is None or len(split[0]) != 1 or not split[1]:
        return
    stem_words = content_words(spec.prompt)
    shared = content_words(split[0][0]) & stem_words
    for wrong in split[1]:
        shared -= content_words(wrong)
    if shared:
        yield (
            "stem-clue",
            f"only the right answer repeats the prompt's word(s) {', '.join(sorted(shared))}",
            "reword the answer, or use the word in a distractor too",
        )


def repeated_opening(spec: QuestionSpec) -> Iterator[Finding]:
    """Every option starts with the same words (HDR 15, 16)."""
    split = options(spec)
    if split is None:
        return
    openings = {tuple(o.lower().split()[:OPENING_WORDS]) for o in [*split[0], *split[1]]}
    first = next(iter(openings))
    if len(openings) == 1 and len(first) == OPENING_WORDS:
        yield (
            "repeated-opening",
            f"every option starts with '{' '.join(first)}'",
            "move the shared words into the prompt and keep the options short",
        )


def _kind(text: str) -> tuple[str, object] | None:
    """What an option is when it is a quantity: a date and its precision, or an amount, its
    currency and its number of digits (a bare year reads as a date)."""
    date = parse_date(text)
    if date is not None and not date.note:
        return ("date", (date.month is not None, date.day is not None))
    amount = parse_amount(text)
    if amount is not None and amount.value > 0:
        return ("amount", (amount.currency, len(str(int(amount.value)))))
    return None


def unit_mismatch(spec: QuestionSpec) -> Iterator[Finding]:
    """Numeric or date distractors of another unit, magnitude or precision (HDR 23, 29)."""
    split = options(spec)
    if split is None or len(split[0]) != 1:
        return
    answer = _kind(split[0][0])
    if answer is None:
        return
    for wrong in split[1]:
        kind = _kind(wrong)
        if kind is None or kind[0] != answer[0]:
            continue
        if answer[0] == "amount":
            (cur_a, digits_a), (cur_w, digits_w) = answer[1], kind[1]  # type: ignore[misc]
            odd = cur_a != cur_w or abs(digits_a - digits_w) >= 2
        else:
            odd = kind[1] != answer[1]
        if odd:
            yield (
                "unit-mismatch",
                f"the distractor '{wrong}' is not the same kind of quantity as the answer"
                f" '{split[0][0]}'",
                "use the answer's unit, currency and magnitude (or date precision) in every option",
            )


def too_few(spec: QuestionSpec) -> Iterator[Finding]:
    """Two options, or a match or order of two, is a coin toss (HDR 18)."""
    counts = {
        "choice": ("choices", "choices"),
        "multi": ("choices", "choices"),
        "match": ("pairs", "pairs"),
        "order": ("items", "items"),
    }
    if spec.type not in counts:
        return
    field, noun = counts[spec.type]
    if len(spec.fields[field]) < 3:
        yield (
            "too-few-options",
            f"only {len(spec.fields[field])} {noun}: once one is known the rest follows",
            "add a third plausible one, or ask it as another type",
        )


RULES: tuple[Callable[[QuestionSpec], Iterator[Finding]], ...] = (
    answer_length,
    above,
    negative_stem,
    stem_clue,
    repeated_opening,
    unit_mismatch,
    too_few,
)
"""The per-question rules, in the order their warnings print."""

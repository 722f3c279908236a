"""Drop drafts the bank already has: the same answer and a similar prompt (rapidfuzz).

Answers are compared as values (``drafts.answer_keys``: folded text, amount, date), so
"€15 million" in a draft and ``answer: 15 million`` in the bank are the same answer.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz

from quizapp.bank.spec import QuestionSpec

from .drafts import Draft, answer_keys, question_text

SIMILAR_PROMPT = 60.0
"""Minimum ``token_set_ratio`` (0-100) between two prompts with the same answer."""


@dataclass(frozen=True)
class Duplicate:
    """A draft left out because bank question ``bank_id`` asks the same thing."""

    draft: Draft
    bank_id: str
    bank_file: str
    similarity: float


@dataclass(frozen=True)
class _Known:
    id: str
    file: str
    keys: frozenset[str]
    text: str


def _index(questions: Iterable[QuestionSpec]) -> list[_Known]:
    known = []
    for spec in questions:
        data = {"prompt": spec.prompt, **spec.content}
        keys = answer_keys(spec.type, data)
        if keys:
            known.append(_Known(spec.id, spec.file, frozenset(keys), question_text(data)))
    return known


def split_duplicates(
    drafts: list[Draft], questions: Iterable[QuestionSpec], threshold: float = SIMILAR_PROMPT
) -> tuple[list[Draft], list[Duplicate]]:
    """(drafts to keep, duplicates left out) against the bank's ``questions``."""
    known = _index(questions)
    kept: list[Draft] = []
    duplicates: list[Duplicate] = []
    for draft in drafts:
        data = draft.as_yaml()
        keys = answer_keys(draft.type, data)
        text = question_text(data)
        best: tuple[float, _Known] | None = None
        for question in known:
            if not keys & question.keys:
                continue
            score = fuzz.token_set_ratio(text, question.text)
            if score >= threshold and (best is None or score > best[0]):
                best = (score, question)
        if best is None:
            kept.append(draft)
        else:
            score, question = best
            duplicates.append(Duplicate(draft, question.id, question.file, round(score, 1)))
    return kept, duplicates

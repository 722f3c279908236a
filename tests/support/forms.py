"""Form data answering any bank question right, wrong or partly right, from its own fields.

For tests that answer the real bank (``questions/``), and for ``bench/learning.py``'s
simulated students: the right form is built from the question's answer, the wrong one is a
plausible mistake that grades wrong, the partly right one earns partial credit.
"""

from __future__ import annotations

import random
from typing import Any

from werkzeug.datastructures import MultiDict

from quizapp.bank.spec import QuestionSpec
from quizapp.qtypes import get_type

__all__ = ["partly_form", "right_form", "wrong_form"]


def right_form(spec: QuestionSpec) -> MultiDict[str, Any]:
    """Form data answering ``spec`` fully right, from the bank's own answer."""
    f = spec.fields
    match spec.type:
        case "choice" | "short":
            return MultiDict({"answer": f["answer"]})
        case "multi":
            return MultiDict([("answer", a) for a in f["answers"]])
        case "truefalse":
            return MultiDict({"answer": "true" if f["answer"] else "false"})
        case "numeric":
            return MultiDict({"answer": get_type("numeric").answer_text(spec)})
        case "date":
            return MultiDict({"answer": f["text"]})
        case "order":
            return MultiDict({f"order-{i}": item for i, item in enumerate(f["items"])})
        case "match":
            return MultiDict({f"match-{i}": right for i, (_, right) in enumerate(f["pairs"])})
        case "cloze":
            return MultiDict({f"blank-{i}": b[0] for i, b in enumerate(f["blanks"])})
    raise ValueError(f"no right answer for type {spec.type!r}")


def wrong_form(spec: QuestionSpec, rng: random.Random) -> MultiDict[str, Any]:
    """Form data answering ``spec`` wrong (a slip, or a typed answer not recalled)."""
    f = spec.fields
    match spec.type:
        case "choice":
            return MultiDict({"answer": rng.choice([c for c in f["choices"] if c != f["answer"]])})
        case "multi":
            wrong = [c for c in f["choices"] if c not in f["answers"]]
            return MultiDict([("answer", c) for c in (wrong[:1] or f["answers"][:1])])
        case "truefalse":
            return MultiDict({"answer": "false" if f["answer"] else "true"})
        case "short":
            return MultiDict({"answer": "no idea at all"})
        case "numeric":
            return MultiDict({"answer": "1"})
        case "date":
            return MultiDict({"answer": "1900"})
        case "order":
            items = list(f["items"])
            return MultiDict({f"order-{i}": item for i, item in enumerate(reversed(items))})
        case "match":
            rights = [r for _, r in f["pairs"]]
            rights = rights[1:] + rights[:1]
            return MultiDict({f"match-{i}": r for i, r in enumerate(rights)})
        case "cloze":
            return MultiDict({f"blank-{i}": "zzzz" for i in range(len(f["blanks"]))})
    raise ValueError(f"no wrong answer for type {spec.type!r}")


def partly_form(spec: QuestionSpec) -> MultiDict[str, Any] | None:
    """Form data earning partial credit on ``spec``: one of several right answers ticked, the
    first blank or pair right and the rest wrong; None for a type with no partial credit."""
    f = spec.fields
    match spec.type:
        case "multi" if len(f["answers"]) >= 2:
            return MultiDict([("answer", f["answers"][0])])
        case "cloze" if len(f["blanks"]) >= 2:
            blanks = [f["blanks"][0][0]] + ["zzzz"] * (len(f["blanks"]) - 1)
            return MultiDict({f"blank-{i}": b for i, b in enumerate(blanks)})
        case "order" if len(f["items"]) >= 3:
            items = list(f["items"])
            items[-1], items[-2] = items[-2], items[-1]
            return MultiDict({f"order-{i}": item for i, item in enumerate(items)})
    return None

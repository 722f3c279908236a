"""Right and wrong answers to bank questions, as the values of the quiz page's form fields.

The test process reads the same bank copy as the server (``load_bank``) and maps the
``question_id`` on the page to an :class:`Answer`, so it can answer right or wrong at will.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from quizapp.bank.spec import QuestionSpec


@dataclass(frozen=True)
class Answer:
    """What to put in the form: ticked ``answer`` values, typed texts and chosen options."""

    ticks: tuple[str, ...] = ()
    """Values of the ``answer`` radio buttons or checkboxes to tick (choice, multi, truefalse)."""
    texts: dict[str, str] = field(default_factory=dict)
    """Text inputs by name (``answer``, ``blank-<i>``)."""
    selects: dict[str, str] = field(default_factory=dict)
    """Selects by name (``order-<i>``, ``match-<i>``) and the option value to choose."""


def right_answer(spec: QuestionSpec) -> Answer:
    """The fully right answer to ``spec``."""
    fields = spec.fields
    match spec.type:
        case "choice":
            return Answer(ticks=(fields["answer"],))
        case "multi":
            return Answer(ticks=tuple(fields["answers"]))
        case "truefalse":
            return Answer(ticks=("true" if fields["answer"] else "false",))
        case "short":
            return Answer(texts={"answer": fields["answer"]})
        case "numeric" | "date":
            return Answer(texts={"answer": fields["text"]})
        case "order":
            return Answer(selects={f"order-{i}": item for i, item in enumerate(fields["items"])})
        case "match":
            rights = [right for _, right in fields["pairs"]]
            return Answer(selects={f"match-{i}": right for i, right in enumerate(rights)})
        case "cloze":
            return Answer(texts={f"blank-{i}": b[0] for i, b in enumerate(fields["blanks"])})
    raise ValueError(f"no right answer known for type {spec.type!r}")


def wrong_answer(spec: QuestionSpec) -> Answer:
    """An answer to ``spec`` that scores nothing, for every question type."""
    fields = spec.fields
    match spec.type:
        case "choice":
            return Answer(ticks=(next(c for c in fields["choices"] if c != fields["answer"]),))
        case "truefalse":
            return Answer(ticks=("false" if fields["answer"] else "true",))
        case "multi":
            return Answer(ticks=tuple(c for c in fields["choices"] if c not in fields["answers"]))
        case "short" | "numeric" | "date":
            return Answer(texts={"answer": "1999" if spec.type != "short" else "no idea"})
        case "order":  # reversed: not one neighbouring pair in the right direction
            items = list(reversed(fields["items"]))
            return Answer(selects={f"order-{i}": item for i, item in enumerate(items)})
        case "match":  # each row given a partner that is not its own (partners may repeat)
            rights = [right for _, right in fields["pairs"]]
            options = list(dict.fromkeys(rights))
            wrongs = [next(o for o in options if o != right) for right in rights]
            return Answer(selects={f"match-{i}": wrong for i, wrong in enumerate(wrongs)})
        case "cloze":
            return Answer(texts={f"blank-{i}": "no idea" for i in range(len(fields["blanks"]))})
    raise ValueError(f"no wrong answer known for type {spec.type!r}")

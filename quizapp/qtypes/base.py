"""What every question type provides, and the small helpers the types share.

A type declares its YAML ``fields`` (``bank.schema.Field``) and the form fields it reads, and
implements display, form parsing, reading, grading and the two human-readable answer texts. Answers
are JSON-able values (text, a list of texts, a mapping, a bool) so they can be stored as-is.
``grade`` never raises, whatever the answer: a malformed one is simply wrong.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, ClassVar, Protocol

from quizapp.bank.schema import Context, Field, parse_fields
from quizapp.bank.spec import BankError, QuestionSpec
from quizapp.bank.yamlload import YamlMap


@dataclass(frozen=True)
class Grade:
    """The outcome of grading one answer.

    ``score`` is 0..1 (partial credit in between); ``correct`` only for a fully right answer;
    ``normalised`` is the answer as the grader read it; ``note`` explains a leniency or a guess.
    """

    score: float
    correct: bool
    normalised: str
    note: str | None = None

    @classmethod
    def right(cls, normalised: str, note: str | None = None) -> Grade:
        """Full marks."""
        return cls(1.0, True, normalised, note)

    @classmethod
    def wrong(cls, normalised: str, note: str | None = None) -> Grade:
        """No marks."""
        return cls(0.0, False, normalised, note)

    @classmethod
    def share(cls, right: float, total: int, normalised: str, note: str | None = None) -> Grade:
        """Partial credit: ``right`` out of ``total``, correct only when all are right."""
        score = min(1.0, max(0.0, right / total)) if total else 0.0
        return cls(score, total > 0 and right >= total, normalised, note)


@dataclass(frozen=True)
class Part:
    """One part of an answer marked on its own: a pair (match), a position (order), a blank
    (cloze) or an option (multi). ``given`` and ``right`` are texts ("" when nothing)."""

    label: str
    given: str
    right: str
    ok: bool


@dataclass(frozen=True)
class Unreadable:
    """Why an answer cannot be read as its type needs (:meth:`QuestionType.read`)."""

    message: str


class FormData(Protocol):
    """What ``parse_form`` needs from a form: Werkzeug's MultiDict fits, so does a dict."""

    def get(self, key: str, default: Any = None) -> Any: ...


def form_values(form: FormData, name: str) -> list[str]:
    """All values submitted under ``name`` (``getlist`` when the form has it)."""
    getlist = getattr(form, "getlist", None)
    values = getlist(name) if callable(getlist) else form.get(name)
    if values is None:
        return []
    if isinstance(values, str):
        return [values]
    return [v for v in values if isinstance(v, str)]


def form_value(form: FormData, name: str) -> str:
    """The first value submitted under ``name``, or ""."""
    values = form_values(form, name)
    return values[0] if values else ""


def as_text(answer: Any) -> str:
    """Any stored answer as one text (a malformed answer becomes text, never an error)."""
    if isinstance(answer, str):
        return answer
    if answer is None:
        return ""
    if isinstance(answer, list | tuple):
        return " ".join(as_text(a) for a in answer)
    return str(answer)


def as_texts(answer: Any) -> list[str]:
    """Any stored answer as a list of texts."""
    if isinstance(answer, list | tuple):
        return [as_text(a) for a in answer]
    if isinstance(answer, dict):
        return [as_text(a) for a in answer.values()]
    return [] if answer is None else [as_text(answer)]


def shuffled(
    items: Sequence[str], rng: random.Random, *, avoid_original: bool = False
) -> list[str]:
    """A shuffled copy; with ``avoid_original``, never the given order (when there is another)."""
    result = list(items)
    rng.shuffle(result)
    if avoid_original and result == list(items) and len(set(items)) > 1:
        result = result[1:] + result[:1]
    return result


class QuestionType:
    """Base class of the question types; subclasses are registered with ``qtypes.register``.

    ``form_fields`` documents the HTML form field names ``parse_form`` reads; ``display``
    returns them too, so templates never hard-code them.
    """

    name: ClassVar[str]
    fields: ClassVar[tuple[Field, ...]] = ()
    form_fields: ClassVar[str] = "answer"
    choice_keys: ClassVar[bool] = False
    """True when keys 1–9 pick this type's options (its partial marks them ``data-key-choice``)."""
    lists: ClassVar[bool] = False
    """True when the answer is chosen in drop-down lists (Enter opens a list, not the check)."""

    @property
    def template(self) -> str:
        """The partial template that shows this type's answer inputs."""
        return f"qtypes/{self.name}.html"

    def validate(self, raw: YamlMap, ctx: Context) -> tuple[dict[str, Any], list[BankError]]:
        """Parse this type's fields from a question's YAML: (fields, errors)."""
        parsed, errors = parse_fields(self.fields, raw, ctx)
        if all(field.name in parsed for field in self.fields):
            errors += self.check(parsed, raw, ctx)
        return parsed, errors

    def check(self, fields: dict[str, Any], raw: YamlMap, ctx: Context) -> list[BankError]:
        """Rules across fields (e.g. the answer is one of the choices), run once every field
        parsed; it may also add derived fields (e.g. the answer as written)."""
        return []

    def display(self, spec: QuestionSpec, rng: random.Random) -> dict[str, Any]:
        """What the template needs to show the question (JSON-able): shuffles happen here."""
        return {"name": "answer"}

    def parse_form(
        self, form: FormData, spec: QuestionSpec, display: dict[str, Any] | None = None
    ) -> Any:
        """The submitted answer as a JSON-able value."""
        return form_value(form, "answer").strip()

    def is_empty(self, answer: Any) -> bool:
        """Empty answers are asked again, not graded."""
        return not as_text(answer).strip()

    def read(self, spec: QuestionSpec, answer: Any) -> Any:
        """What a non-empty ``answer`` says, as :meth:`grade` takes it (an amount, a date; most
        types: the answer itself), or :class:`Unreadable` when it cannot be read at all (it is
        asked again, not graded as wrong: "15 milion" is a slip, not a wrong sum)."""
        return answer

    def grade(self, spec: QuestionSpec, answer: Any, parsed: Any = None) -> Grade:
        """Grade an answer; never raises. ``parsed`` is what :meth:`read` made of it, when the
        caller has it (the answer is then not read again); None: read it here."""
        raise NotImplementedError

    def guess_chance(self, spec: QuestionSpec) -> float:
        """How often a blind guess is fully right (0 for a typed answer): a right first answer
        is only trusted as recall when this is small (``scheduling.GUESS_LIMIT``)."""
        return 0.0

    def answer_text(self, spec: QuestionSpec) -> str:
        """The right answer, in words, for feedback and flashcard backs."""
        return str(spec.fields["answer"])

    def answer_display(self, spec: QuestionSpec, answer: Any) -> str:
        """A given answer, in words, for feedback and history."""
        return as_text(answer).strip()

    def parts(self, spec: QuestionSpec, answer: Any) -> list[Part]:
        """The answer marked part by part, for feedback; [] for a one-part answer."""
        return []

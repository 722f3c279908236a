"""What every export shares: the result value, the warnings, and answer facts in neutral form.

An export never drops a question or a detail silently: whatever its format cannot express
becomes an ``Unexpressed`` warning naming the question, which the CLI prints on stderr and
the text formats also keep as comments in the file.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from quizapp.bank.spec import Bank, QuestionSpec, Source, Topic
from quizapp.grading import ParsedDate
from quizapp.grading.dates import MONTH_NAMES

MOODLE_PERCENTS = (
    100, 90, 83.33333, 80, 75, 70, 66.66667, 60, 50, 40, 33.33333, 30, 25, 20, 16.66667,
    14.28571, 12.5, 11.11111, 10, 5, 0,
)  # fmt: skip
"""The grade percentages Moodle offers; other fractions are rounded on import."""


@dataclass(frozen=True)
class Unexpressed:
    """Something about a question that a format cannot say (or can say only approximately)."""

    question_id: str
    message: str

    def __str__(self) -> str:
        return f"{self.question_id}: {self.message}"


@dataclass(frozen=True)
class Export:
    """An exported bank: the file's bytes and what the format could not express."""

    content: bytes
    warnings: tuple[Unexpressed, ...] = ()
    questions: int = 0


def each_question(bank: Bank) -> Iterator[tuple[Topic, QuestionSpec]]:
    """Every question of the bank with its topic, topics and questions in file order."""
    for topic in bank.topics.values():
        for question in topic.questions:
            yield topic, question


def category_path(title: str) -> str:
    """A topic as a Moodle category path (a slash in a name is doubled, as Moodle wants)."""
    return "$course$/top/" + title.replace("/", "//")


def source_label(source: Source) -> str:
    """A source as a reader sees it: title, author or publisher, date."""
    who = ", ".join(part for part in (source.author, source.publisher) if part)
    title = source.title or source.description or source.id
    return f"{title} — {who}, {source.date}" if who else f"{title}, {source.date}"


def source_labels(bank: Bank, question: QuestionSpec) -> list[str]:
    """The labels of the sources a question cites (the id when the bank lacks the source)."""
    return [
        source_label(bank.sources[sid]) if sid in bank.sources else sid for sid in question.sources
    ]


def number_text(value: Decimal) -> str:
    """A number in plain digits, without exponent or trailing zeros: 15000000, 0.5."""
    return f"{value.normalize():f}"


def absolute_tolerance(question: QuestionSpec) -> Decimal:
    """A numeric question's tolerance as an absolute amount ("5%" of the answer made absolute)."""
    tolerance = question.fields["tolerance"]
    if isinstance(tolerance, str):
        return abs(question.fields["answer"].value) * Decimal(tolerance[:-1]) / 100
    return Decimal(tolerance)


def unit_of(question: QuestionSpec) -> str | None:
    """A numeric question's currency code or unit word, if any."""
    return question.fields["answer"].currency or question.fields["unit"]


def is_year(date: ParsedDate) -> bool:
    """True for a year-only date, which formats can ask as a number."""
    return date.month is None


def date_spellings(date: ParsedDate) -> list[str]:
    """Common ways to write a date, for formats that can only match typed text exactly."""
    if date.month is None:
        return [str(date.year)]
    month = MONTH_NAMES[date.month]
    if date.day is None:
        return [str(date), f"{month} {date.year}", f"{month[:3]} {date.year}"]
    return [str(date), f"{date.day} {month} {date.year}", f"{month} {date.day}, {date.year}"]


def question_dates(question: QuestionSpec) -> list[ParsedDate]:
    """A date question's answer followed by its accepted alternatives."""
    return [question.fields["answer"], *question.fields["accept"]]


def percent_text(percent: float) -> str:
    """A grade percentage the way Moodle writes it: 100, 50, 33.33333, -100."""
    return f"{percent:.5f}".rstrip("0").rstrip(".")


def multi_percents(question: QuestionSpec) -> tuple[float, float]:
    """Percent for each right and each wrong choice of a ``multi`` so Moodle grades as we do.

    Our score is (right selected − wrong selected) / right answers, floored at 0: each right
    choice earns 100/n percent and each wrong one costs as much.
    """
    share = 100 / len(question.fields["answers"])
    return share, -share


def is_moodle_percent(percent: float) -> bool:
    """True when Moodle offers this grade percentage (positive or negative)."""
    return any(abs(abs(percent) - allowed) < 1e-4 for allowed in MOODLE_PERCENTS)


def multi_warnings(question: QuestionSpec) -> list[Unexpressed]:
    """The warning for a multi whose per-choice percentage Moodle will round."""
    right, _ = multi_percents(question)
    if is_moodle_percent(right):
        return []
    message = (
        f"{len(question.fields['answers'])} right answers give {percent_text(right)}% each,"
        " which Moodle rounds to its nearest grade option"
    )
    return [Unexpressed(question.id, message)]


def typos_warnings(question: QuestionSpec, fmt: str) -> list[Unexpressed]:
    """The warning for an explicit ``typos`` budget, which Moodle's exact matching ignores."""
    if question.fields.get("typos") is None:
        return []
    message = (
        f"'typos: {question.fields['typos']}' is not expressible in {fmt}:"
        " answers must match exactly (case aside)"
    )
    return [Unexpressed(question.id, message)]


ORDER_NOTE = (
    "order asked as matching each item to its position 1..{n}; partial credit is per item,"
    " not per neighbouring pair"
)
DATE_NOTE = "a {precision} date has no {fmt} type: asked as short answer accepting {spellings}"

"""What every export shares: the result value, the warnings, and answer facts in neutral form.

An export never drops a question or a detail silently: whatever its format cannot express
becomes an ``Unexpressed`` warning naming the question, which the CLI prints on stderr and
the text formats also keep as comments in the file.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal

from quizapp.bank.spec import Bank, QuestionSpec, Source, Topic
from quizapp.grading import ParsedDate, fold
from quizapp.grading.dates import MONTH_NAMES
from quizapp.grading.text import typo_budget

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


def question_meta(q: QuestionSpec) -> dict[str, object]:
    """What GIFT and Moodle XML have no place for, carried in a ``quizapp:`` comment that
    Moodle ignores and our importers read back: our type, sources, tags, difficulty, hint,
    and the type fields the format cannot state (unit, shuffle, typos)."""
    meta: dict[str, object] = {"type": q.type, "sources": list(q.sources), "tags": list(q.tags)}
    meta.update({k: v for k, v in (("difficulty", q.difficulty), ("hint", q.hint)) if v})
    if q.type == "numeric" and unit_of(q):
        meta["unit"] = unit_of(q)
    if q.fields.get("shuffle") is False:
        meta["shuffle"] = False
    if q.fields.get("typos") is not None:
        meta["typos"] = q.fields["typos"]
    return meta


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


def _date_spellings(date: ParsedDate) -> list[str]:
    """Common ways to write a date, for formats that can only match typed text exactly."""
    if date.month is None:
        return [str(date.year)]
    month = MONTH_NAMES[date.month]
    short = month[:3]
    if date.day is None:
        return [str(date), f"{month} {date.year}", f"{short} {date.year}"]
    day, year = date.day, date.year
    return [
        str(date), f"{day} {month} {year}", f"{month} {day}, {year}", f"{month} {day} {year}",
        f"{day} {short} {year}", f"{short} {day}, {year}", f"{short} {day} {year}",
    ]  # fmt: skip


def _dates(question: QuestionSpec) -> list[ParsedDate]:
    """A date question's answer followed by its accepted alternatives."""
    return [question.fields["answer"], *question.fields["accept"]]


def answer_years(question: QuestionSpec) -> list[int] | None:
    """A date question's answer and accepted dates as years when all are year-only (formats
    ask those as a number), else None."""
    dates = _dates(question)
    return [d.year for d in dates] if all(d.month is None for d in dates) else None


def answer_spellings(question: QuestionSpec) -> list[str]:
    """Every common writing of a date question's answer and accepted dates, each once."""
    return list(dict.fromkeys(s for d in _dates(question) for s in _date_spellings(d)))


def date_note(question: QuestionSpec, fmt: str) -> str:
    """What a format without a date type loses when the question is asked as short answer."""
    precision = "full" if question.fields["answer"].day else "month"
    spellings = ", ".join(answer_spellings(question))
    return DATE_NOTE.format(precision=precision, fmt=fmt, spellings=spellings)


def percent_text(percent: float) -> str:
    """A grade percentage the way Moodle writes it: 100, 50, 33.33333, -100."""
    return f"{percent:.5f}".rstrip("0").rstrip(".")


def multi_percents(question: QuestionSpec) -> tuple[float, float]:
    """Percent for each right and each wrong choice of a ``multi``: the rule quizapp grades by.

    quizapp scores max(0, right ticked / right choices − wrong ticked / wrong choices)
    (``qtypes/multi.py``); Moodle adds the percentages of the ticked choices and keeps the
    sum within 0..100. So each right choice is worth 100/R % and each wrong one −100/W %:
    ticking every box earns 0 in both.
    """
    rights = len(question.fields["answers"])
    wrongs = len(question.fields["choices"]) - rights
    return 100 / rights, -100 / max(wrongs, 1)


def is_moodle_percent(percent: float) -> bool:
    """True when Moodle offers this grade percentage (positive or negative)."""
    return any(abs(abs(percent) - allowed) < 1e-4 for allowed in MOODLE_PERCENTS)


def multi_problem(question: QuestionSpec) -> str | None:
    """Why a ``multi`` cannot go to Moodle with quizapp's grades, or None when it can.

    Moodle accepts only its own grade percentages (``MOODLE_PERCENTS``) and refuses the whole
    file when one answer has another, so 11 or more right (or wrong) choices cannot be graded
    there as here: such a question is skipped, with this reason.
    """
    right, wrong = multi_percents(question)
    bad = [p for p in (right, wrong) if not is_moodle_percent(p)]
    if not bad:
        return None
    return (
        f"a right choice is worth {percent_text(right)}% and a wrong one {percent_text(wrong)}%"
        f" here, but Moodle has no {percent_text(abs(bad[0]))}% grade (it would refuse the whole"
        " file): skipped"
    )


def short_forms(answers: Sequence[str], typos: int | None) -> tuple[list[str], str | None]:
    """The spellings to export for typed answers, and what still cannot be carried.

    Moodle and GIFT short answers match exactly, case aside. quizapp also ignores accents,
    punctuation and leading articles, so each answer's folded form ("timothee lacroix" for
    "Timothée Lacroix") is exported as well; the typo tolerance cannot be, and is reported.
    """
    forms = list(dict.fromkeys(a for a in answers if a.strip()))
    known = {f.casefold() for f in forms}
    for answer in list(forms):
        folded = fold(answer)
        if folded and folded.casefold() not in known:
            forms.append(folded)
            known.add(folded.casefold())
    budgets = [typos if typos is not None else typo_budget(fold(a)) for a in answers]
    most = max(budgets, default=0)
    if most <= 0:
        return forms, None
    edits = "edit" if most == 1 else "edits"
    note = (
        f"quizapp forgives up to {most} typing {edits} (e.g. a missing letter); Moodle accepts"
        f" only {', '.join(repr(f) for f in forms)} exactly (case aside)"
    )
    return forms, note


NUMERIC_NOTE = (
    "Moodle reads digits only ({value}): forms quizapp also accepts, such as '15 million',"
    " '€15m' or number words ('three'), are wrong there"
)
ORDER_NOTE = (
    "order asked as matching each item to its position 1..{n}; partial credit is per item,"
    " not per neighbouring pair"
)
DATE_NOTE = (
    "a {precision} date has no {fmt} type: asked as short answer accepting {spellings};"
    " other writings quizapp reads (e.g. 26/02/2024) are wrong there"
)

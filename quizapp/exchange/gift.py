"""GIFT, Moodle's plain-text question format: escaping and export.

Each topic becomes a ``$CATEGORY:``; each question ``::id::[markdown]prompt{answers}`` with
the explanation and its sources ("Source: ...") as general feedback (``####``). A
``// [id:...] [tag:...]`` line gives Moodle the idnumber and tags (Moodle 3.6 and later read
it); sources, difficulty and hint, which GIFT has no place for, ride along in a
``// quizapp: {json}`` comment line that Moodle ignores and ``gift_import`` reads back.
Whatever GIFT cannot express is listed as a warning and also written as a
``// not expressible:`` comment above the question.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field

from quizapp.bank.spec import Bank, QuestionSpec

from .common import (
    NUMERIC_NOTE,
    ORDER_NOTE,
    Export,
    Unexpressed,
    absolute_tolerance,
    answer_spellings,
    answer_years,
    category_path,
    date_note,
    each_question,
    multi_percents,
    multi_problem,
    number_text,
    percent_text,
    question_meta,
    short_forms,
    source_labels,
    unit_of,
)

SPECIAL = "\\~=#{}:"
"""Characters GIFT reads as syntax; a backslash before one makes it text."""
META_PREFIX = "// quizapp: "


def escape(text: str) -> str:
    """Text as GIFT needs it: ``~ = # { } :`` and ``\\`` escaped, line breaks as ``\\n``."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return "".join("\\" + c if c in SPECIAL else "\\n" if c == "\n" else c for c in text)


def answer_text(text: str) -> str:
    """A choice or typed answer for an answer block: escaped, and kept from reading as syntax.

    Moodle reads ``%50%`` at the start of an answer as its weight and ``[html]`` as its
    format, and offers no escape for either; a leading ``[markdown]`` (the question's own
    format, which Moodle and gift-pegjs strip) makes the text that follows plain text.
    """
    escaped = escape(text)
    return "[markdown]" + escaped if escaped.startswith(("%", "[")) else escaped


def unescape(text: str) -> str:
    """Undo ``escape``: ``\\x`` becomes ``x`` for the special characters, ``\\n`` a line break.

    A backslash before any other character stays, as in Moodle.
    """
    out: list[str] = []
    index = 0
    while index < len(text):
        char, following = text[index], text[index + 1 : index + 2]
        if char == "\\" and following and (following in SPECIAL or following == "n"):
            out.append("\n" if following == "n" else following)
            index += 2
            continue
        out.append(char)
        index += 1
    return "".join(out)


def category_line(title: str) -> str:
    """The ``$CATEGORY:`` line of a topic."""
    return f"$CATEGORY: {category_path(title)}"


@dataclass
class Parts:
    """One question in GIFT pieces: text before the answer block, the block, text after.

    ``head`` follows ``{`` directly (``TRUE``, ``#3:0.5``); ``answers`` are escaped lines.
    """

    text: str
    head: str = ""
    answers: list[str] = field(default_factory=list)
    after: str = ""


Notes = list[str]
Mapper = Callable[[QuestionSpec], tuple[Parts | None, Notes]]


def _choice(q: QuestionSpec) -> tuple[Parts | None, Notes]:
    answer = q.fields["answer"]
    lines = [("=" if c == answer else "~") + answer_text(c) for c in q.fields["choices"]]
    notes = [] if q.fields["shuffle"] else ["'shuffle: false' is lost: Moodle may shuffle"]
    return Parts(q.prompt, answers=lines), notes


def _multi(q: QuestionSpec) -> tuple[Parts | None, Notes]:
    problem = multi_problem(q)
    if problem:
        return None, [problem]
    right, wrong = multi_percents(q)
    answers = q.fields["answers"]
    lines = [
        f"~%{percent_text(right if c in answers else wrong)}%{answer_text(c)}"
        for c in q.fields["choices"]
    ]
    notes = [] if q.fields["shuffle"] else ["'shuffle: false' is lost: Moodle may shuffle"]
    return Parts(q.prompt, answers=lines), notes


def _truefalse(q: QuestionSpec) -> tuple[Parts | None, Notes]:
    return Parts(q.prompt, head="TRUE" if q.fields["answer"] else "FALSE"), []


def _typed(answers: list[str], typos: int | None) -> tuple[list[str], Notes]:
    forms, note = short_forms(answers, typos)
    return ["=" + answer_text(a) for a in forms], [note] if note else []


def _short(q: QuestionSpec) -> tuple[Parts | None, Notes]:
    lines, notes = _typed([q.fields["answer"], *q.fields["accept"]], q.fields["typos"])
    return Parts(q.prompt, answers=lines), notes


def _numeric(q: QuestionSpec) -> tuple[Parts | None, Notes]:
    value = number_text(q.fields["answer"].value)
    head = "#" + value
    tolerance = absolute_tolerance(q)
    if tolerance:
        head += ":" + number_text(tolerance)
    unit = unit_of(q)
    notes = [f"the unit '{unit}' is not shown: GIFT numbers have no unit"] if unit else []
    return Parts(q.prompt, head=head), [*notes, NUMERIC_NOTE.format(value=value)]


def _date(q: QuestionSpec) -> tuple[Parts | None, Notes]:
    years = answer_years(q)
    if years is not None and len(years) == 1:
        return Parts(q.prompt, head=f"#{years[0]}"), []
    if years is not None:
        return Parts(q.prompt, head="#", answers=[f"={year}:0" for year in years]), []
    lines = ["=" + answer_text(s) for s in answer_spellings(q)]
    return Parts(q.prompt, answers=lines), [date_note(q, "GIFT")]


def _pairs(q: QuestionSpec, pairs: list[tuple[str, str]]) -> tuple[Parts | None, Notes]:
    if any("->" in text for pair in pairs for text in pair):
        return None, ["a matching item containing '->' cannot be written in GIFT: skipped"]
    lines = [f"={answer_text(left)} -> {escape(right)}" for left, right in pairs]
    return Parts(q.prompt, answers=lines), []


def _order(q: QuestionSpec) -> tuple[Parts | None, Notes]:
    items = q.fields["items"]
    parts, notes = _pairs(q, [(item, str(n)) for n, item in enumerate(items, 1)])
    return parts, notes or [ORDER_NOTE.format(n=len(items))]


def _match(q: QuestionSpec) -> tuple[Parts | None, Notes]:
    return _pairs(q, list(q.fields["pairs"]))


def _cloze(q: QuestionSpec) -> tuple[Parts | None, Notes]:
    segments, blanks = q.fields["segments"], q.fields["blanks"]
    if len(blanks) > 1:
        note = f"GIFT has one blank per question, this cloze has {len(blanks)} blanks: skipped"
        return None, [note + " (Moodle XML keeps it)"]
    at = segments.index(0)
    before, after = "".join(segments[:at]), "".join(segments[at + 1 :])
    lines, notes = _typed(list(blanks[0]), q.fields["typos"])
    if not after.strip():
        notes.append("the blank ends the text, so Moodle reads it as a short-answer question")
    return Parts(f"{q.prompt}\n\n{before}", answers=lines, after=after), notes


MAPPERS: dict[str, Mapper] = {
    "choice": _choice,
    "multi": _multi,
    "truefalse": _truefalse,
    "short": _short,
    "numeric": _numeric,
    "date": _date,
    "order": _order,
    "match": _match,
    "cloze": _cloze,
}


def moodle_comment(q: QuestionSpec) -> str:
    """The ``// [id:...] [tag:...]`` line Moodle reads as the idnumber and the tags."""
    tags = [*q.tags, *([f"difficulty-{q.difficulty}"] if q.difficulty else [])]
    bits = [f"[id:{moodle_token(q.id)}]", *(f"[tag:{moodle_token(t)}]" for t in tags)]
    return "// " + " ".join(bits)


def moodle_token(text: str) -> str:
    """A value inside ``[id:...]`` or ``[tag:...]``: ``]`` escaped, line breaks as spaces."""
    return " ".join(text.split()).replace("]", "\\]")


def meta_comment(q: QuestionSpec) -> str:
    """The ``// quizapp: {...}`` line keeping what GIFT has no place for."""
    return META_PREFIX + json.dumps(question_meta(q), ensure_ascii=False)


def feedback_text(bank: Bank, q: QuestionSpec) -> str:
    """The explanation, then a "Source:" paragraph naming the articles."""
    return f"{q.explanation}\n\nSource: {'; '.join(source_labels(bank, q))}"


def question_text(bank: Bank, q: QuestionSpec, parts: Parts) -> str:
    """One question in GIFT (no surrounding blank lines)."""
    block = "{" + parts.head + "".join(f"\n\t{line}" for line in parts.answers)
    block += f"\n\t####{escape(feedback_text(bank, q))}\n}}"
    return f"::{escape(q.id)}::[markdown]{escape(parts.text)}{block}{escape(parts.after)}"


def export_gift(bank: Bank) -> Export:
    """The bank as GIFT text, with what GIFT cannot express."""
    chunks: list[str] = []
    warnings: list[Unexpressed] = []
    topic_key, exported = None, 0
    for topic, q in each_question(bank):
        if topic.key != topic_key:
            chunks.append(category_line(topic.title))
            topic_key = topic.key
        parts, notes = MAPPERS[q.type](q)
        if q.hint and parts is not None:
            notes.append("the hint is not shown: GIFT has no hints (kept in the comment)")
        warnings += [Unexpressed(q.id, note) for note in notes]
        lines = [f"// not expressible: {note}" for note in notes]
        if parts is None:
            chunks.append("\n".join([f"// skipped {q.id} ({q.type})", *lines]))
            continue
        exported += 1
        lines += [moodle_comment(q), meta_comment(q), question_text(bank, q, parts)]
        chunks.append("\n".join(lines))
    header = f"// {exported} questions exported from quizapp. Import in Moodle as GIFT."
    skipped = len(bank) - exported
    if skipped:
        header += f" {skipped} skipped (see '// skipped' below)."
    text = "\n\n".join([header, *chunks]) + "\n"
    return Export(text.encode("utf-8"), tuple(warnings), exported)

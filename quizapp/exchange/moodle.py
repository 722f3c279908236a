"""Moodle XML export, written with ElementTree.

Each topic becomes a category; each question starts with a ``<!-- quizapp: {json} -->``
comment (``common.question_meta``: Moodle ignores it, ``moodle_import`` reads it back) and
keeps its id as ``name`` and ``idnumber``, its
prompt and explanation (general feedback, with the sources) rendered from our Markdown
subset to HTML, its hint and its tags. Types map to multichoice (single or multiple, with
partial-credit fractions), truefalse, shortanswer, numerical (tolerance and unit), matching
and cloze (multianswer). What Moodle cannot express is listed as a warning and written as an
XML comment above the question.
"""

from __future__ import annotations

import html
import json
import xml.etree.ElementTree as ET  # noqa: S405 - we only build XML here, never parse it
from collections.abc import Callable

from quizapp.bank.markup import render_markdown
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
from .moodle_units import Unit, moodle_units
from .moodle_units import note as units_note

META_PREFIX = "quizapp: "
CLOZE_ESCAPED = "}#"
"""What Moodle's cloze reader unescapes (``\\}``, ``\\#``); any other backslash stays."""
Element = ET.Element
Notes = list[str]


class Skip(Exception):
    """A question Moodle cannot take at all (it would refuse it, or the whole file)."""


def meta_json(q: QuestionSpec) -> str:
    """``question_meta`` as JSON that never holds ``--`` (not allowed in an XML comment)."""
    return json.dumps(question_meta(q), ensure_ascii=False).replace("--", "-\\u002d")


def _add(parent: Element, tag: str, text: str, **attrs: str) -> Element:
    element = ET.SubElement(parent, tag, attrs)
    element.text = text
    return element


def _rich(parent: Element, tag: str, text: str, fmt: str = "html", **attrs: str) -> Element:
    """A Moodle text element: ``<tag format=...><text>...</text></tag>``."""
    element = ET.SubElement(parent, tag, {"format": fmt, **attrs})
    _add(element, "text", text)
    return element


def _answer(parent: Element, fraction: float, text: str, fmt: str = "html") -> Element:
    answer = _rich(parent, "answer", text, fmt, fraction=percent_text(fraction))
    _rich(answer, "feedback", "")
    return answer


def _choices(el: Element, q: QuestionSpec, fractions: list[float], single: bool) -> None:
    _add(el, "single", "true" if single else "false")
    _add(el, "shuffleanswers", "true" if q.fields["shuffle"] else "false")
    _add(el, "answernumbering", "abc")
    for choice, fraction in zip(q.fields["choices"], fractions, strict=True):
        _answer(el, fraction, html.escape(choice))


def _choice(el: Element, q: QuestionSpec) -> tuple[str, Notes]:
    fractions = [100.0 if c == q.fields["answer"] else 0.0 for c in q.fields["choices"]]
    _choices(el, q, fractions, single=True)
    return "multichoice", []


def _multi(el: Element, q: QuestionSpec) -> tuple[str, Notes]:
    problem = multi_problem(q)
    if problem:
        raise Skip(problem)
    right, wrong = multi_percents(q)
    answers = q.fields["answers"]
    _choices(el, q, [right if c in answers else wrong for c in q.fields["choices"]], False)
    return "multichoice", []


def _truefalse(el: Element, q: QuestionSpec) -> tuple[str, Notes]:
    truth = q.fields["answer"]
    _answer(el, 100 if truth else 0, "true", "moodle_auto_format")
    _answer(el, 0 if truth else 100, "false", "moodle_auto_format")
    return "truefalse", []


def _shortanswer(el: Element, answers: list[str]) -> None:
    _add(el, "usecase", "0")
    for text in answers:
        _answer(el, 100, text, "moodle_auto_format")


def _short(el: Element, q: QuestionSpec) -> tuple[str, Notes]:
    forms, note = short_forms([q.fields["answer"], *q.fields["accept"]], q.fields["typos"])
    _shortanswer(el, forms)
    return "shortanswer", [note] if note else []


def _numbers(el: Element, values: list[str], tolerance: str, units: list[Unit]) -> None:
    """Answers, then the units: optional (showunits 0) when there are any, else none (3)."""
    for value in values:
        answer = _answer(el, 100, value, "moodle_auto_format")
        _add(answer, "tolerance", tolerance)
    if units:
        holder = ET.SubElement(el, "units")
        for name, multiplier in units:
            unit_el = ET.SubElement(holder, "unit")
            _add(unit_el, "multiplier", number_text(multiplier))
            _add(unit_el, "unit_name", name)
    showunits = "0" if units else "3"
    for tag, value in (("unitgradingtype", "0"), ("showunits", showunits), ("unitsleft", "0")):
        _add(el, tag, value)


def _numeric(el: Element, q: QuestionSpec) -> tuple[str, Notes]:
    value, currency = q.fields["answer"].value, q.fields["answer"].currency
    units = moodle_units(value, unit_of(q), currency)
    _numbers(el, [number_text(value)], number_text(absolute_tolerance(q)), units)
    if not units:
        return "numerical", [NUMERIC_NOTE.format(value=number_text(value))]
    return "numerical", [units_note(value, units, currency)]


def _date(el: Element, q: QuestionSpec) -> tuple[str, Notes]:
    years = answer_years(q)
    if years is not None:
        _numbers(el, [str(year) for year in years], "0", [])
        return "numerical", []
    _shortanswer(el, answer_spellings(q))
    return "shortanswer", [date_note(q, "Moodle")]


def _matching(el: Element, pairs: list[tuple[str, str]]) -> None:
    _add(el, "shuffleanswers", "true")
    for left, right in pairs:
        sub = _rich(el, "subquestion", html.escape(left))
        _add(ET.SubElement(sub, "answer"), "text", right)


def _order(el: Element, q: QuestionSpec) -> tuple[str, Notes]:
    items = q.fields["items"]
    _matching(el, [(item, str(n)) for n, item in enumerate(items, 1)])
    return "matching", [ORDER_NOTE.format(n=len(items))]


def _match(el: Element, q: QuestionSpec) -> tuple[str, Notes]:
    _matching(el, list(q.fields["pairs"]))
    return "matching", []


def cloze_answer(text: str) -> str:
    """One accepted answer inside a Moodle cloze marker, escaped for it and for HTML.

    Moodle's cloze reader ends an answer at ``~``, ``#`` or ``}`` and unescapes only ``\\}``
    and ``\\#``: those two are escaped, everything else is written as it is (a backslash
    added before ``~``, ``/`` or ``"`` would stay in the answer). ``cloze_problem`` says
    which answers cannot be written at all.
    """
    escaped = "".join("\\" + c if c in CLOZE_ESCAPED else c for c in text)
    return html.escape(escaped, quote=False)


def cloze_problem(text: str) -> str | None:
    """Why an answer cannot go into a Moodle cloze marker, or None."""
    if "~" in text:
        return f"the answer '{text}' holds '~', which ends an answer in a Moodle cloze"
    if "\\" in text:
        return f"the answer '{text}' holds a backslash, which Moodle's cloze may read as an escape"
    return None


def cloze_html(q: QuestionSpec) -> tuple[str, Notes]:
    """The prompt, then the cloze text with each blank as ``{1:SHORTANSWER:=a~=b}``."""
    parts, notes = [], []
    for segment in q.fields["segments"]:
        if isinstance(segment, str):
            parts.append(html.escape(segment, quote=False))
            continue
        answers, note = short_forms(list(q.fields["blanks"][segment]), q.fields["typos"])
        notes += [note] if note else []
        kept = [a for a in answers if not cloze_problem(a)]
        notes += [p for a in answers if (p := cloze_problem(a))]
        if not kept:
            raise Skip(f"blank {segment + 1} has no answer a Moodle cloze can hold")
        parts.append("{1:SHORTANSWER:" + "~".join("=" + cloze_answer(a) for a in kept) + "}")
    return f"{render_markdown(q.prompt)}\n<p>{''.join(parts)}</p>", notes


def _cloze(el: Element, q: QuestionSpec) -> tuple[str, Notes]:
    return "cloze", []  # the blanks are in the question text (cloze_html)


BUILDERS: dict[str, Callable[[Element, QuestionSpec], tuple[str, Notes]]] = {
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


def feedback_html(bank: Bank, q: QuestionSpec) -> str:
    """The explanation, then the sources, as HTML."""
    sources = "; ".join(html.escape(label, quote=False) for label in source_labels(bank, q))
    return f"{render_markdown(q.explanation)}\n<p>Source: {sources}</p>"


def question_element(bank: Bank, q: QuestionSpec) -> tuple[Element, Notes]:
    """One ``<question>`` and what Moodle cannot express about it (``Skip``: nothing fits)."""
    el = ET.Element("question")
    el.append(ET.Comment(f" {META_PREFIX}{meta_json(q)} "))
    name = ET.SubElement(el, "name")
    _add(name, "text", q.id)
    text, notes = cloze_html(q) if q.type == "cloze" else (render_markdown(q.prompt), [])
    _rich(el, "questiontext", text)
    _rich(el, "generalfeedback", feedback_html(bank, q))
    for tag, value in (("defaultgrade", "1"), ("penalty", "0.3333333"), ("hidden", "0")):
        _add(el, tag, value)
    _add(el, "idnumber", q.id)
    kind, type_notes = BUILDERS[q.type](el, q)
    notes += type_notes
    el.set("type", kind)
    if q.hint:
        _rich(el, "hint", render_markdown(q.hint))
    tags = [*q.tags, *([f"difficulty-{q.difficulty}"] if q.difficulty else [])]
    if tags:
        tags_el = ET.SubElement(el, "tags")
        for tag in tags:
            _add(ET.SubElement(tags_el, "tag"), "text", tag)
    return el, notes


def _comment(text: str) -> Element:
    return ET.Comment(f" {text.replace('--', '- -')} ")


def export_moodle_xml(bank: Bank) -> Export:
    """The bank as a Moodle XML ``<quiz>``, with what Moodle cannot express."""
    quiz = ET.Element("quiz")
    warnings: list[Unexpressed] = []
    topic_key, exported = None, 0
    for topic, q in each_question(bank):
        if topic.key != topic_key:
            category = ET.SubElement(quiz, "question", type="category")
            _add(ET.SubElement(category, "category"), "text", category_path(topic.title))
            topic_key = topic.key
        try:
            element, notes = question_element(bank, q)
        except Skip as skip:
            quiz.append(_comment(f"skipped {q.id}: {skip}"))
            warnings.append(Unexpressed(q.id, f"{skip} (skipped)"))
            continue
        for note in notes:
            quiz.append(_comment(f"not expressible in {q.id}: {note}"))
            warnings.append(Unexpressed(q.id, note))
        quiz.append(element)
        exported += 1
    ET.indent(quiz, space="  ")
    body = ET.tostring(quiz, encoding="unicode")
    text = f'<?xml version="1.0" encoding="UTF-8"?>\n{body}\n'
    return Export(text.encode("utf-8"), tuple(warnings), exported)

"""Moodle XML (qformat_xml) into a bank topic file.

The file is parsed with lxml, hardened (no DTD, no entities, no network), so every message
carries the element's line. Each ``<question>`` becomes the neutral GIFT record
``gift_convert`` already maps to our types, so both imports share one set of rules:
multichoice (single -> choice, several -> multi), truefalse, shortanswer, numerical,
matching, ordering (-> order) and cloze (multianswer with SHORTANSWER blanks). The
idnumber (else the name) makes the id; HTML becomes Markdown; images and the types we have
no counterpart for (essay, calculated, drag and drop...) are reported with their line.
Our own export's ``<!-- quizapp: {json} -->`` comment brings back sources and type fields.
"""

from __future__ import annotations

import html
import re
from collections.abc import Collection, Sequence
from typing import Any

from lxml import etree

from . import ordering
from .gift_convert import CLOZE_PROMPT, convert, distinct_answers
from .gift_parse import Answer, GiftQuestion
from .html_text import images, to_markdown, to_plain
from .incoming import Imported, Incoming, Problem, build_topic, next_title, read_meta

KINDS = {
    "multichoice": "multichoice", "truefalse": "truefalse", "shortanswer": "shortanswer",
    "numerical": "numerical", "matching": "match", "ordering": "ordering",
}  # fmt: skip
CLOZE_MARKER = re.compile(r"\{([0-9]*):([A-Z_]+):((?:\\.|[^\\}])*)\}")
"""A cloze (multianswer) blank: ``{1:SHORTANSWER:=Paris~=Paris, France}``."""
SHORT_BLANKS = ("SHORTANSWER", "SA", "MW", "SHORTANSWER_C", "SAC", "MWC")
BLANK_MARK = "QZBLANK{}QZ"
FRACTION = re.compile(r"(=|%(-?[0-9]+(?:[.,][0-9]*)?)%)?(.*)", re.DOTALL)


def _text(el: etree._Element | None, path: str = "text") -> str:
    found = el.find(path) if el is not None else None
    return (found.text or "") if found is not None else ""


def _record(q: etree._Element, kind: str) -> GiftQuestion:
    """The parts every type shares, as a GIFT record."""
    text_el = q.find("questiontext")
    gq = GiftQuestion(q.sourceline or 0, kind)
    gq.name = _text(q.find("name")).strip() or None
    gq.idnumber = (q.findtext("idnumber") or "").strip() or None
    gq.format = text_el.get("format", "html") if text_el is not None else "html"
    gq.text = _text(text_el)
    feedback = q.find("generalfeedback")
    gq.feedback = _text(feedback)
    gq.feedback_format = feedback.get("format") if feedback is not None else None
    gq.tags = [t for t in (_text(tag) for tag in q.iterfind("tags/tag")) if t.strip()]
    comments = ((c.text or "").strip() for c in q.iterchildren(etree.Comment))
    gq.meta = read_meta(comments) or {}
    if text_el is not None and text_el.find("file") is not None:
        gq.problems.append((gq.line, "an attached file (image) dropped: the bank has no media"))
    return gq


def _fraction(answer: etree._Element) -> float:
    try:
        return float(answer.get("fraction", "0"))
    except ValueError:
        return 0.0


def _answers(q: etree._Element, gq: GiftQuestion, kind: str) -> None:
    single = (q.findtext("single") or "true").strip().lower() in ("true", "1")
    for answer in q.iterfind("answer"):
        fraction, line = _fraction(answer), answer.sourceline or gq.line
        text, fmt = _text(answer), answer.get("format")
        if kind == "truefalse":
            if fraction >= 100:
                gq.truth = to_plain(text).lower() == "true"
            continue
        if kind == "numerical":
            tolerance = (answer.findtext("tolerance") or "0").strip()
            text = f"{text.strip()}:{tolerance}"
        if kind == "multichoice" and single:
            mark, weight = ("=", None) if fraction >= 100 else ("~", fraction or None)
        elif kind == "multichoice":
            mark, weight = "~", fraction
        else:
            mark, weight = "=", None if fraction >= 100 else fraction
        gq.answers.append(Answer(mark, weight, text, None, line, None, fmt))
    if kind == "numerical" and q.find("units/unit/unit_name") is not None:
        unit = (q.findtext("units/unit/unit_name") or "").strip()
        if unit and "unit" not in gq.meta:
            gq.meta = {**gq.meta, "unit": unit}


def _pairs(q: etree._Element, gq: GiftQuestion) -> None:
    for sub in q.iterfind("subquestion"):
        gq.answers.append(
            Answer("=", None, _text(sub), None, sub.sourceline or gq.line,
                   _text(sub.find("answer")), sub.get("format"))
        )  # fmt: skip


def _items(q: etree._Element, gq: GiftQuestion) -> None:
    """An ordering question's items, in the right order, and its options."""
    for answer in q.iterfind("answer"):
        line = answer.sourceline or gq.line
        gq.answers.append(Answer("=", None, _text(answer), None, line, None, "html"))
    gq.order_options = ordering.from_xml(
        q.findtext("selecttype") or "", q.findtext("selectcount") or "",
        q.findtext("gradingtype") or "",
    )  # fmt: skip


def _blank_answers(body: str, line: int, notes: list[tuple[int, str]]) -> list[str]:
    """The fully right answers of one cloze blank (Moodle unescapes ``\\}`` and ``\\#``)."""
    right = []
    for alternative in re.split(r"(?<!\\)~", body):
        found = FRACTION.fullmatch(alternative)
        if found is None or not found[1]:
            continue  # no fraction: a wrong answer
        text = re.split(r"(?<![\\&])#", found[3], maxsplit=1)[0]
        text = html.unescape(text).replace("\\}", "}").replace("\\#", "#").strip()
        if found[2] is not None and float(found[2].replace(",", ".")) < 100:
            notes.append((line, f"partial credit for '{text}' dropped"))
            continue
        right.append(text)
    return distinct_answers(right)


def _cloze(gq: GiftQuestion) -> dict[str, Any] | None:
    blanks: list[list[str]] = []
    notes = gq.problems

    def token(found: re.Match[str]) -> str:
        if found[2] not in SHORT_BLANKS:
            raise ValueError(found[2])
        blanks.append(_blank_answers(found[3], gq.line, notes))
        return BLANK_MARK.format(len(blanks) - 1)

    try:
        marked = CLOZE_MARKER.sub(token, gq.text)
    except ValueError as kind:
        notes.append((gq.line, f"a cloze blank of type {kind} has no counterpart here: skipped"))
        return None
    if not blanks or any(not b or any("|" in a or "{" in a or "}" in a for a in b) for b in blanks):
        notes.append(
            (gq.line, "a cloze blank has no answer that can be written as {{a|b}}: skipped")
        )
        return None
    paragraphs = [p for p in to_markdown(marked).split("\n\n") if p.strip()]
    with_blanks = [p for p in paragraphs if "QZBLANK" in p]
    prompt = "\n\n".join(p for p in paragraphs if "QZBLANK" not in p).strip() or CLOZE_PROMPT
    text = " ".join(to_plain(p.replace("\\", "")) for p in with_blanks)
    for index, answers in enumerate(blanks):
        text = text.replace(BLANK_MARK.format(index), "{{" + "|".join(answers) + "}}")
    return {"type": "cloze", "prompt": prompt, "text": text}


def _question(q: etree._Element) -> tuple[GiftQuestion, dict[str, Any] | None]:
    """One ``<question>`` as our question fields (None: skipped, the record says why)."""
    kind = q.get("type", "")
    gq = _record(q, KINDS.get(kind, kind))
    if kind == "cloze":
        for found in images(gq.text):
            gq.problems.append((gq.line, f"image '{found}' dropped: the bank has no images"))
        if gq.feedback:
            gq.feedback = to_markdown(gq.feedback)
        return gq, _cloze(gq)
    if kind not in KINDS:
        gq.problems.append((gq.line, f"question type '{kind}' has no counterpart here: skipped"))
        return gq, None
    if kind == "matching":
        _pairs(q, gq)
    elif kind == "ordering":
        _items(q, gq)
    else:
        _answers(q, gq, gq.kind)
    if kind == "truefalse" and gq.truth is None:
        gq.problems.append((gq.line, "no answer has 100%: skipped"))
        return gq, None
    question, notes = convert(gq)
    gq.problems += notes
    return gq, question


def _parse(data: bytes) -> etree._Element:
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False,
        remove_comments=False,
    )  # fmt: skip
    return etree.fromstring(data, parser)


def import_moodle_xml(
    data: bytes,
    *,
    topic: str,
    known_sources: Collection[str] = (),
    default_sources: Sequence[str] = (),
    taken_ids: Collection[str] = (),
    origin: str = "Moodle XML",
) -> Imported:
    """Convert a Moodle XML file to a topic file titled by its first category, else ``topic``."""
    try:
        root = _parse(data)
    except etree.XMLSyntaxError as exc:
        line = exc.lineno or 1
        return Imported("", (), (Problem(line, f"not well-formed XML: {exc.msg}"),))
    if root.tag != "quiz":
        message = f"the root element is <{root.tag}>, not <quiz>: not a Moodle XML question file"
        return Imported("", (), (Problem(root.sourceline or 1, message),))
    problems: list[Problem] = []
    items: list[Incoming] = []
    title = ""
    for q in root.iterfind("question"):
        line = q.sourceline or 0
        if q.get("type") == "category":
            title = next_title(title, _text(q.find("category")), line, problems)
            continue
        try:
            gq, question = _question(q)
        except Exception as exc:  # noqa: BLE001 - an import reports, it never crashes
            problems.append(Problem(line, f"this question could not be read ({exc}): skipped"))
            continue
        if question is None:
            problems += [Problem(n, m) for n, m in gq.problems]
            continue
        items.append(
            Incoming(line, question, gq.name, gq.idnumber, gq.feedback or "", gq.tags, gq.meta,
                     gq.problems)
        )  # fmt: skip
    return build_topic(
        items, problems, title=title or topic, known_sources=known_sources,
        default_sources=default_sources, taken_ids=taken_ids, origin=origin, fmt="XML",
    )  # fmt: skip

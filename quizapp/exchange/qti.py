"""QTI 1.2 for Canvas: the bank as one quiz in a content package (.zip), as Canvas imports it.

The package holds ``imsmanifest.xml``, the assessment ``<id>/<id>.xml`` (``questestinterop``
in the IMS QTI 1.2 namespace, one ``section``, an ``item`` per question) and Canvas's
``<id>/assessment_meta.xml``, laid out as ``text2qti`` lays them out. Items carry Canvas's
``question_type`` metadata: choice -> multiple_choice, truefalse -> true_false, multi ->
multiple_answers, short (and dates) -> short_answer with every accepted spelling, numeric
(and years) -> numerical, match and order -> matching, cloze -> fill_in_multiple_blanks.
The explanation and sources are the general feedback. What Canvas grades differently is
listed as a warning.
"""

from __future__ import annotations

import hashlib
import xml.etree.ElementTree as ET  # noqa: S405 - we only build XML here, never parse it
from collections.abc import Callable
from decimal import Decimal

from quizapp.bank.markup import render_markdown
from quizapp.bank.spec import Bank, QuestionSpec

from .common import (
    NUMERIC_NOTE,
    ORDER_NOTE,
    Unexpressed,
    absolute_tolerance,
    answer_spellings,
    answer_years,
    each_question,
    number_text,
    short_forms,
    source_labels,
)  # fmt: skip

QTI_NS = "http://www.imsglobal.org/xsd/ims_qtiasiv1p2"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
SCHEMA = f"{QTI_NS} http://www.imsglobal.org/xsd/ims_qtiasiv1p2p1.xsd"
CP_NS = "http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1"
CANVAS_NS = "http://canvas.instructure.com/xsd/cccv1p0"
ASSESSMENT = "quizapp_bank"
TITLE = "Quizapp question bank"
MULTI_NOTE = "Canvas grades multiple answers by its own partial-credit rule, not quizapp's"
Element = ET.Element
Notes = list[str]


def ident(*parts: str) -> str:
    """A stable QTI identifier (letters and digits) for a question or one of its answers."""
    return "q" + hashlib.sha256("\0".join(parts).encode()).hexdigest()[:20]


def _sub(parent: Element, tag: str, text: str | None = None, **attrs: str) -> Element:
    element = ET.SubElement(parent, tag, attrs)
    element.text = text
    return element


def _material(parent: Element, html: str) -> None:
    _sub(_sub(parent, "material"), "mattext", html, texttype="text/html")


def _metadata(item: Element, kind: str, answer_ids: list[str]) -> None:
    fields = _sub(_sub(item, "itemmetadata"), "qtimetadata")
    for label, entry in (
        ("question_type", kind), ("points_possible", "1.0"),
        ("original_answer_ids", ",".join(answer_ids)),
        ("assessment_question_identifierref", ident(item.get("ident", ""), "ref")),
    ):  # fmt: skip
        field = _sub(fields, "qtimetadatafield")
        _sub(field, "fieldlabel", label)
        _sub(field, "fieldentry", entry)


def _scoring(item: Element) -> Element:
    processing = _sub(item, "resprocessing")
    outcomes = _sub(processing, "outcomes")
    _sub(outcomes, "decvar", maxvalue="100", minvalue="0", varname="SCORE", vartype="Decimal")
    feedback = _sub(processing, "respcondition", **{"continue": "Yes"})
    _sub(_sub(feedback, "conditionvar"), "other")
    _sub(feedback, "displayfeedback", feedbacktype="Response", linkrefid="general_fb")
    return processing


def _award(processing: Element, score: str, action: str = "Set") -> Element:
    """A ``respcondition`` setting (or adding) ``score``; its ``conditionvar`` is returned."""
    condition = _sub(
        processing, "respcondition", **{"continue": "No" if action == "Set" else "Yes"}
    )
    test = _sub(condition, "conditionvar")
    _sub(condition, "setvar", score, action=action, varname="SCORE")
    return test


def _choices(item: Element, q: QuestionSpec, choices: list[str], right: list[str],
             kind: str) -> None:  # fmt: skip
    ids = [ident(q.id, c) for c in choices]
    _metadata(item, kind, ids)
    presentation = _sub(item, "presentation")
    _material(presentation, render_markdown(q.prompt))
    cardinality = "Multiple" if kind == "multiple_answers_question" else "Single"
    response = _sub(presentation, "response_lid", ident="response1", rcardinality=cardinality)
    render = _sub(response, "render_choice")
    for choice, choice_id in zip(choices, ids, strict=True):
        _material(
            _sub(render, "response_label", ident=choice_id), render_markdown(choice, inline=True)
        )
    test = _award(_scoring(item), "100")
    if cardinality == "Single":
        _sub(test, "varequal", ident(q.id, right[0]), respident="response1")
        return
    both = _sub(test, "and")
    for choice, choice_id in zip(choices, ids, strict=True):
        parent = both if choice in right else _sub(both, "not")
        _sub(parent, "varequal", choice_id, respident="response1")


def _choice(item: Element, q: QuestionSpec) -> Notes:
    choices = list(q.fields["choices"])
    _choices(item, q, choices, [q.fields["answer"]], "multiple_choice_question")
    return []


def _multi(item: Element, q: QuestionSpec) -> Notes:
    choices = list(q.fields["choices"])
    _choices(item, q, choices, list(q.fields["answers"]), "multiple_answers_question")
    return [MULTI_NOTE]


def _truefalse(item: Element, q: QuestionSpec) -> Notes:
    right = "True" if q.fields["answer"] else "False"
    _choices(item, q, ["True", "False"], [right], "true_false_question")
    return []


def _typed(item: Element, q: QuestionSpec, answers: list[str]) -> None:
    _metadata(item, "short_answer_question", [ident(q.id, a) for a in answers])
    presentation = _sub(item, "presentation")
    _material(presentation, render_markdown(q.prompt))
    response = _sub(presentation, "response_str", ident="response1", rcardinality="Single")
    _sub(_sub(response, "render_fib"), "response_label", ident="answer1", rshuffle="No")
    test = _award(_scoring(item), "100")
    for answer in answers:
        _sub(test, "varequal", answer, respident="response1")


def _short(item: Element, q: QuestionSpec) -> Notes:
    forms, note = short_forms([q.fields["answer"], *q.fields["accept"]], q.fields["typos"])
    _typed(item, q, forms)
    return [note] if note else []


def _number(item: Element, q: QuestionSpec, values: list[Decimal], tolerance: Decimal) -> None:
    _metadata(item, "numerical_question", [ident(q.id, str(v)) for v in values])
    presentation = _sub(item, "presentation")
    _material(presentation, render_markdown(q.prompt))
    response = _sub(presentation, "response_str", ident="response1", rcardinality="Single")
    _sub(_sub(response, "render_fib", fibtype="Decimal"), "response_label", ident="answer1")
    processing = _scoring(item)
    for value in values:
        either = _sub(_award(processing, "100"), "or")
        _sub(either, "varequal", number_text(value), respident="response1")
        within = _sub(either, "and")
        _sub(within, "vargte", number_text(value - tolerance), respident="response1")
        _sub(within, "varlte", number_text(value + tolerance), respident="response1")


def _numeric(item: Element, q: QuestionSpec) -> Notes:
    value = q.fields["answer"].value
    _number(item, q, [value], absolute_tolerance(q))
    return [NUMERIC_NOTE.format(value=number_text(value))]


def _date(item: Element, q: QuestionSpec) -> Notes:
    years = answer_years(q)
    if years is not None:
        _number(item, q, [Decimal(year) for year in years], Decimal(0))
        return []
    spellings = answer_spellings(q)
    _typed(item, q, spellings)
    return [f"asked as short answer accepting {', '.join(spellings)}"]


def _matching(item: Element, q: QuestionSpec, pairs: list[tuple[str, str]]) -> None:
    rights = list(dict.fromkeys(right for _, right in pairs))
    _metadata(item, "matching_question", [ident(q.id, left) for left, _ in pairs])
    presentation = _sub(item, "presentation")
    _material(presentation, render_markdown(q.prompt))
    for left, _ in pairs:
        response = _sub(presentation, "response_lid", ident=ident(q.id, "left", left))
        _material(response, render_markdown(left, inline=True))
        render = _sub(response, "render_choice")
        for right in rights:
            label = _sub(render, "response_label", ident=ident(q.id, "right", right))
            _material(label, render_markdown(right, inline=True))
    processing = _scoring(item)
    share = number_text(Decimal(100) / len(pairs))
    for left, right in pairs:
        test = _award(processing, share, "Add")
        _sub(test, "varequal", ident(q.id, "right", right), respident=ident(q.id, "left", left))


def _match(item: Element, q: QuestionSpec) -> Notes:
    _matching(item, q, list(q.fields["pairs"]))
    return []


def _order(item: Element, q: QuestionSpec) -> Notes:
    items = q.fields["items"]
    _matching(item, q, [(text, str(n)) for n, text in enumerate(items, 1)])
    return [ORDER_NOTE.format(n=len(items))]


def _cloze(item: Element, q: QuestionSpec) -> Notes:
    blanks, notes = q.fields["blanks"], []
    _metadata(
        item, "fill_in_multiple_blanks_question", [ident(q.id, str(i)) for i in range(len(blanks))]
    )
    text = "".join(s if isinstance(s, str) else f"[blank{s}]" for s in q.fields["segments"])
    presentation = _sub(item, "presentation")
    _material(presentation, render_markdown(q.prompt) + render_markdown(text))
    share = number_text(Decimal(100) / len(blanks))
    forms_by_blank = []
    for index, answers in enumerate(blanks):
        forms, note = short_forms(list(answers), q.fields["typos"])
        notes += [note] if note else []
        forms_by_blank.append(forms)
        response = _sub(presentation, "response_lid", ident=f"response_blank{index}")
        _material(response, f"blank{index}")
        render = _sub(response, "render_choice")
        for form in forms:
            _material(_sub(render, "response_label", ident=ident(q.id, str(index), form)), form)
    processing = _scoring(item)
    for index, forms in enumerate(forms_by_blank):
        test = _sub(_award(processing, share, "Add"), "or")
        for form in forms:
            _sub(
                test, "varequal", ident(q.id, str(index), form), respident=f"response_blank{index}"
            )
    return notes


BUILDERS: dict[str, Callable[[Element, QuestionSpec], Notes]] = {
    "choice": _choice, "multi": _multi, "truefalse": _truefalse, "short": _short,
    "numeric": _numeric, "date": _date, "match": _match, "order": _order, "cloze": _cloze,
}  # fmt: skip


def _feedback(item: Element, html: str) -> None:
    feedback = _sub(item, "itemfeedback", ident="general_fb")
    _material(_sub(feedback, "flow_mat"), html)


def assessment_xml(bank: Bank) -> tuple[bytes, list[Unexpressed]]:
    """The ``questestinterop`` document of the whole bank, and what Canvas grades otherwise."""
    ET.register_namespace("", QTI_NS)
    ET.register_namespace("xsi", XSI)
    root = ET.Element("questestinterop", {f"{{{XSI}}}schemaLocation": SCHEMA})
    assessment = _sub(root, "assessment", ident=ASSESSMENT, title=TITLE)
    field = _sub(_sub(assessment, "qtimetadata"), "qtimetadatafield")
    _sub(field, "fieldlabel", "cc_maxattempts")
    _sub(field, "fieldentry", "1")
    section = _sub(assessment, "section", ident="root_section")
    warnings: list[Unexpressed] = []
    for _, q in each_question(bank):
        item = _sub(section, "item", ident=ident(q.id), title=q.id)
        warnings += [Unexpressed(q.id, note) for note in BUILDERS[q.type](item, q)]
        sources = "; ".join(source_labels(bank, q))
        _feedback(item, f"{render_markdown(q.explanation)}<p>Source: {sources}</p>")
    for element in root.iter():
        if element.tag != "questestinterop" and not element.tag.startswith("{"):
            element.tag = f"{{{QTI_NS}}}{element.tag}"
    root.tag = f"{{{QTI_NS}}}questestinterop"
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True), warnings

"""QTI 1.2 for Canvas: the package, validity against IMS's own QTI 1.2.1 DTD, and the
structure text2qti (a published tool) gives the same questions."""

from __future__ import annotations

import io
import zipfile

import pytest
from lxml import etree
from text2qti.config import Config
from text2qti.qti import QTI
from text2qti.quiz import Quiz

from quizapp.bank.spec import Bank
from quizapp.bank.validate import load_bank
from quizapp.exchange.qti import ASSESSMENT, QTI_NS, ident
from quizapp.exchange.qti_package import export_qti

from ..conftest import ROOT

NS = "{http://www.imsglobal.org/xsd/ims_qtiasiv1p2}"
TEXT2QTI_QUIZ = """\
Quiz title: Same questions

1.  Before Mistral AI, Arthur Mensch worked at which AI lab?
*a) Google DeepMind
b)  Meta

2.  Which founders came from Meta?
[*] Timothée Lacroix
[*] Guillaume Lample
[ ] Arthur Mensch

3.  Guillaume Lample led which model at Meta?
*   LLaMA
*   Meta LLaMA

4.  How many founders does Mistral AI have?
=   3
"""
SAME = {
    "multiple_choice_question": "mensch-former-lab",
    "multiple_answers_question": "founders-from-meta",
    "short_answer_question": "lample-model",
    "numerical_question": "founders-count",
}


def _package(content: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        return {name: archive.read(name) for name in archive.namelist() if not name.endswith("/")}


def _items(assessment: bytes) -> dict[str, etree._Element]:
    root = etree.fromstring(assessment)
    items = {}
    for item in root.iter(f"{NS}item"):
        kind = item.find(f".//{NS}fieldentry").text
        items[item.get("title") or kind] = item
    return items


def _shape(item: etree._Element) -> set[str]:
    """The element paths of an item's question part (feedback and answer texts aside)."""
    paths = set()
    for element in item.iter():
        path = "/".join(etree.QName(e).localname for e in [*element.iterancestors(), element][::-1])
        if "itemfeedback" not in path and "displayfeedback" not in path:
            paths.add(path.split("item/", 1)[-1])
    return paths


@pytest.fixture
def package(tiny_bank: Bank) -> dict[str, bytes]:
    return _package(export_qti(tiny_bank).content)


def test_the_package_holds_manifest_assessment_and_canvas_meta(package) -> None:
    assert set(package) == {
        "imsmanifest.xml", f"{ASSESSMENT}/{ASSESSMENT}.xml", f"{ASSESSMENT}/assessment_meta.xml",
    }  # fmt: skip
    manifest = etree.fromstring(package["imsmanifest.xml"])
    hrefs = [f.get("href") for f in manifest.iter("{*}file")]
    assert f"{ASSESSMENT}/{ASSESSMENT}.xml" in hrefs


def in_dtd_binding(assessment: bytes) -> etree._Element:
    """The assessment as the DTD binding writes it: IMS's DTD (2003) predates XML namespaces,
    so the elements lose the QTI namespace that Canvas and the XSD binding use, and the root
    its namespace and schema-location attributes. Nothing else is changed."""
    root = etree.fromstring(assessment)
    foreign = {e.tag for e in root.iter() if etree.QName(e).namespace != QTI_NS}
    assert not foreign, f"elements outside the QTI namespace: {foreign}"
    for element in root.iter():
        element.tag = etree.QName(element).localname
    root.attrib.clear()
    etree.cleanup_namespaces(root)
    return root


def _official_dtd(path) -> etree.DTD:
    return etree.DTD(str(path))


def test_the_assessment_is_valid_against_the_official_qti_dtd(package, qti_dtd) -> None:
    dtd = _official_dtd(qti_dtd)
    document = in_dtd_binding(package[f"{ASSESSMENT}/{ASSESSMENT}.xml"])
    assert dtd.validate(document), dtd.error_log.filter_from_errors()


def test_the_whole_bank_is_valid_against_the_official_qti_dtd(qti_dtd) -> None:
    result = load_bank(ROOT / "questions")
    assert result.bank is not None, result.errors
    document = _package(export_qti(result.bank).content)[f"{ASSESSMENT}/{ASSESSMENT}.xml"]
    dtd = _official_dtd(qti_dtd)
    assert dtd.validate(in_dtd_binding(document)), dtd.error_log.filter_from_errors()


@pytest.mark.parametrize(
    "break_it, complaint",
    [
        (lambda item: item.insert(0, item.find("resprocessing")), "Element item content"),
        (lambda item: item.find(".//render_fib").set("fibtype", "Float"), "fibtype"),
        (lambda item: item.find(".//varequal").attrib.pop("respident"), "respident"),
    ],
)
def test_the_dtd_catches_a_broken_item(package, qti_dtd, break_it, complaint) -> None:
    """The check has teeth: a misplaced element, a wrong attribute value, a missing one."""
    document = in_dtd_binding(package[f"{ASSESSMENT}/{ASSESSMENT}.xml"])
    item = next(i for i in document.iter("item") if i.find(".//render_fib") is not None)
    break_it(item)
    dtd = _official_dtd(qti_dtd)
    assert not dtd.validate(document)
    assert complaint in str(dtd.error_log.filter_from_errors())


def test_every_question_is_an_item_with_its_canvas_type(tiny_bank: Bank, package) -> None:
    items = _items(package[f"{ASSESSMENT}/{ASSESSMENT}.xml"])
    assert set(items) == set(tiny_bank.questions)
    kinds = {qid: item.find(f".//{NS}fieldentry").text for qid, item in items.items()}
    assert kinds["deal-cloze"] == "fill_in_multiple_blanks_question"
    assert kinds["timeline-order"] == kinds["founders-employers"] == "matching_question"
    assert kinds["mistral-is-french"] == "true_false_question"
    short = items["lample-model"]
    assert {v.text for v in short.iter(f"{NS}varequal")} == {"LLaMA", "Meta LLaMA"}
    choice = items["mensch-former-lab"]
    right = ident("mensch-former-lab", "Google DeepMind")
    assert [v.text for v in choice.iter(f"{NS}varequal")] == [right]


def test_items_have_the_structure_text2qti_gives_canvas(package) -> None:
    theirs = _package(QTI(Quiz(TEXT2QTI_QUIZ, config=Config(), source_name="same")).zip_bytes())
    [their_file] = [n for n in theirs if n.endswith(".xml") and "/" in n and "meta" not in n]
    their_items = {
        item.find(f".//{NS}fieldentry").text: item
        for item in etree.fromstring(theirs[their_file]).iter(f"{NS}item")
    }
    ours = _items(package[f"{ASSESSMENT}/{ASSESSMENT}.xml"])
    for kind, qid in SAME.items():
        assert _shape(ours[qid]) == _shape(their_items[kind]), kind


def test_what_canvas_grades_otherwise_is_listed(tiny_bank: Bank) -> None:
    warned = {w.question_id for w in export_qti(tiny_bank).warnings}
    assert {"founders-from-meta", "lample-model", "microsoft-investment"} <= warned


def test_the_same_bank_gives_the_same_bytes(tiny_bank: Bank) -> None:
    assert export_qti(tiny_bank).content == export_qti(tiny_bank).content

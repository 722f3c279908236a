"""The QTI 1.2 content package Canvas imports: manifest, assessment and Canvas's quiz meta.

``export_qti`` zips ``imsmanifest.xml`` (IMS Content Packaging 1.1, one ``imsqti_xmlv1p2``
resource depending on the Canvas meta file), ``quizapp_bank/quizapp_bank.xml`` (``qti``)
and ``quizapp_bank/assessment_meta.xml`` (title, points, shuffling), the layout text2qti
uses. File dates are fixed, so the same bank always gives the same bytes.
"""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET  # noqa: S405 - we only build XML here, never parse it
import zipfile

from quizapp.bank.spec import Bank

from .common import Export
from .qti import ASSESSMENT, CANVAS_NS, CP_NS, TITLE, assessment_xml

META_ID = f"{ASSESSMENT}_meta"
STAMP = (2024, 1, 1, 0, 0, 0)


def manifest_xml() -> bytes:
    """``imsmanifest.xml``: the assessment resource and the Canvas meta it depends on."""
    ET.register_namespace("", CP_NS)
    root = ET.Element(f"{{{CP_NS}}}manifest", identifier=f"{ASSESSMENT}_manifest")
    metadata = ET.SubElement(root, f"{{{CP_NS}}}metadata")
    ET.SubElement(metadata, f"{{{CP_NS}}}schema").text = "IMS Content"
    ET.SubElement(metadata, f"{{{CP_NS}}}schemaversion").text = "1.1.3"
    ET.SubElement(root, f"{{{CP_NS}}}organizations")
    resources = ET.SubElement(root, f"{{{CP_NS}}}resources")
    quiz = ET.SubElement(
        resources, f"{{{CP_NS}}}resource", identifier=ASSESSMENT, type="imsqti_xmlv1p2"
    )
    ET.SubElement(quiz, f"{{{CP_NS}}}file", href=f"{ASSESSMENT}/{ASSESSMENT}.xml")
    ET.SubElement(quiz, f"{{{CP_NS}}}dependency", identifierref=META_ID)
    meta = ET.SubElement(
        resources, f"{{{CP_NS}}}resource", identifier=META_ID,
        type="associatedcontent/imscc_xmlv1p1/learning-application-resource",
        href=f"{ASSESSMENT}/assessment_meta.xml",
    )  # fmt: skip
    ET.SubElement(meta, f"{{{CP_NS}}}file", href=f"{ASSESSMENT}/assessment_meta.xml")
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def meta_xml(points: int) -> bytes:
    """Canvas's ``assessment_meta.xml``: the quiz's title, points and settings."""
    ET.register_namespace("", CANVAS_NS)
    root = ET.Element(f"{{{CANVAS_NS}}}quiz", identifier=ASSESSMENT)
    for tag, text in (
        ("title", TITLE), ("description", "Exported from quizapp."),
        ("shuffle_answers", "true"), ("scoring_policy", "keep_highest"),
        ("quiz_type", "assignment"), ("points_possible", f"{points:.1f}"),
        ("allowed_attempts", "1"), ("available", "false"),
    ):  # fmt: skip
        ET.SubElement(root, f"{{{CANVAS_NS}}}{tag}").text = text
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def export_qti(bank: Bank) -> Export:
    """The bank as a Canvas QTI 1.2 package (.zip), with what Canvas grades differently."""
    assessment, warnings = assessment_xml(bank)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in (
            ("imsmanifest.xml", manifest_xml()),
            (f"{ASSESSMENT}/{ASSESSMENT}.xml", assessment),
            (f"{ASSESSMENT}/assessment_meta.xml", meta_xml(len(bank))),
        ):
            archive.writestr(zipfile.ZipInfo(name, STAMP), data)
    return Export(buffer.getvalue(), tuple(warnings), len(bank))

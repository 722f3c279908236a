"""GIFT into a bank topic file: every GIFT question our types can hold, the rest reported.

``gift_parse`` reads the blocks as Moodle does, ``gift_convert`` maps each to our types,
and ``incoming.build_topic`` gives ids, explanations and sources and validates (see there).
The Moodle idnumber (``// [id:...]``) or the question name makes the id; Moodle's
``[tag:...]`` tokens the tags; our own export's ``// quizapp:`` comment the sources, hint,
difficulty and the type fields GIFT cannot state.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from quizapp.bank.topics import PLACEHOLDER_SOURCE

from .gift_convert import convert
from .gift_parse import parse_gift
from .incoming import Imported, Incoming, Problem, build_topic, question_id

SKIPPED_KINDS = {
    "description": "a description (no answer block) is not a question: skipped",
    "essay": "essay questions cannot be graded automatically here: skipped",
    "broken": "skipped",
}


def category_title(path: str) -> str:
    """The last part of a ``$CATEGORY:`` path (``$course$/top/People`` -> ``People``)."""
    parts = [p.replace("\0", "/") for p in path.replace("//", "\0").split("/")]
    parts = [p.strip() for p in parts if p.strip() and not p.strip().startswith("$")]
    return parts[-1] if parts and parts[-1] != "top" else ""


def import_gift(
    text: str,
    *,
    topic: str,
    known_sources: Collection[str] = (),
    default_sources: Sequence[str] = (),
    taken_ids: Collection[str] = (),
    origin: str = "GIFT",
) -> Imported:
    """Convert GIFT ``text`` to a topic file titled by its first category, else ``topic``."""
    problems: list[Problem] = []
    items: list[Incoming] = []
    title = ""
    for gq in parse_gift(text):
        problems += [Problem(line, message) for line, message in gq.problems]
        if gq.kind == "category":
            found = category_title(gq.category or "")
            if found and title and found != title:
                message = f"category '{found}' also goes into topic '{title}'"
                problems.append(Problem(gq.line, message))
            title = title or found
            continue
        if gq.kind in SKIPPED_KINDS:
            problems.append(Problem(gq.line, SKIPPED_KINDS[gq.kind]))
            continue
        question, notes = convert(gq)
        if question is None:
            problems += [Problem(line, message) for line, message in notes]
            continue
        items.append(
            Incoming(gq.line, question, gq.name, gq.idnumber, gq.feedback or "", gq.tags,
                     gq.meta, notes)
        )  # fmt: skip
    return build_topic(
        items, problems, title=title or topic, known_sources=known_sources,
        default_sources=default_sources, taken_ids=taken_ids, origin=origin, fmt="GIFT",
    )  # fmt: skip


__all__ = ["PLACEHOLDER_SOURCE", "category_title", "import_gift", "question_id"]

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
from .incoming import (
    Imported,
    Incoming,
    Problem,
    build_topic,
    category_title,
    next_title,
    question_id,
)

SKIPPED_KINDS = {
    "description": "a description (no answer block) is not a question: skipped",
    "essay": "essay questions cannot be graded automatically here: skipped",
    "broken": "skipped",
}


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
            title = next_title(title, gq.category or "", gq.line, problems)
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


__all__ = ["PLACEHOLDER_SOURCE", "Problem", "category_title", "import_gift", "question_id"]

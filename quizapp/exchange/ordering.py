"""Moodle's ordering question (``qtype_ordering``, in Moodle's core since 4.4) as our ``order``.

In GIFT, the plugin's ``import_from_gift`` reads an answer block that starts with ``>`` and a
number, then optional option words, then the items one per line, in the right order::

    Put them in order {>3 ALL VERTICAL RELATIVE_NEXT_EXCLUDE_LAST SHOW 123
    Founded
    Seed round
    Deal
    }

The words are, in this order and each optional: the select type (ALL, RANDOM, CONTIGUOUS and
their aliases), the layout, the grading type, SHOW/HIDE and the numbering style. We read them
from the block's first line, where Moodle's export writes them (Moodle's own pattern also
lets them run onto the next lines, so an item starting with "H" or "V" would lose a letter).
Moodle XML states the same options as elements (``selecttype``, ``selectcount``,
``gradingtype``). What Moodle does otherwise is returned as notes: it may show only a subset
of the items, and none of its grading types is quizapp's (the share of neighbouring pairs
put in the right order).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

HEADER = re.compile(r"\s*>\s*([0-9]+)")
SELECT = {
    "ALL": "ALL", "EXACT": "ALL", "RANDOM": "RANDOM", "REL": "RANDOM",
    "CONTIGUOUS": "CONTIGUOUS", "CONTIG": "CONTIGUOUS",
}  # fmt: skip
LAYOUT = {"HORIZONTAL", "HORI", "H", "1", "VERTICAL", "VERT", "V", "0"}
GRADING = {
    "ALL_OR_NOTHING": "ALL_OR_NOTHING",
    "ABSOLUTE_POSITION": "ABSOLUTE_POSITION", "ABSOLUTE": "ABSOLUTE_POSITION",
    "ABS": "ABSOLUTE_POSITION",
    "RELATIVE_NEXT_EXCLUDE_LAST": "RELATIVE_NEXT_EXCLUDE_LAST",
    "RELATIVE": "RELATIVE_NEXT_EXCLUDE_LAST", "REL": "RELATIVE_NEXT_EXCLUDE_LAST",
    "RELATIVE_NEXT_INCLUDE_LAST": "RELATIVE_NEXT_INCLUDE_LAST",
    "RELATIVE_ONE_PREVIOUS_AND_NEXT": "RELATIVE_ONE_PREVIOUS_AND_NEXT",
    "RELATIVE_ALL_PREVIOUS_AND_NEXT": "RELATIVE_ALL_PREVIOUS_AND_NEXT",
    "RELATIVE_TO_CORRECT": "RELATIVE_TO_CORRECT",
    "LONGEST_ORDERED_SUBSET": "LONGEST_ORDERED_SUBSET",
    "LONGEST_CONTIGUOUS_SUBSET": "LONGEST_CONTIGUOUS_SUBSET",
}  # fmt: skip
SHOW = {"SHOW", "TRUE", "YES", "1", "HIDE", "FALSE", "NO", "0"}
NUMBERING = {"none", "123", "abc", "ABCD", "iii", "IIII"}
WORDS = (set(SELECT), LAYOUT, set(GRADING), SHOW, NUMBERING)
"""The option words in the order Moodle reads them (case matters, as in Moodle)."""
DEFAULT_SHOWN = 6
"""How many items Moodle shows when the count is out of range (``min(6, items)``)."""
OUR_RULE = "here each neighbouring pair put in the right order earns its share"


@dataclass(frozen=True)
class Options:
    """An ordering question's options: items shown, how they are picked, how it is graded."""

    count: int | None = None
    select: str = "RANDOM"
    grading: str = "RELATIVE_NEXT_EXCLUDE_LAST"


def is_ordering(block: str) -> bool:
    """True for a GIFT answer block Moodle's ordering question takes (``{>3 ...``)."""
    return HEADER.match(block) is not None


def read_header(line: str) -> tuple[Options, str]:
    """The options on a block's first line, and what follows them on it (an item, if any)."""
    found = HEADER.match(line)
    if found is None:
        return Options(), line
    words, rest = line[found.end() :].split(), []
    select, grading = "RANDOM", "RELATIVE_NEXT_EXCLUDE_LAST"
    group = 0
    for index, word in enumerate(words):
        while group < len(WORDS) and word not in WORDS[group]:
            group += 1
        if group == len(WORDS):
            rest = words[index:]
            break
        select = SELECT.get(word, select) if group == 0 else select
        grading = GRADING.get(word, grading) if group == 2 else grading
        group += 1
    return Options(int(found[1]), select, grading), " ".join(rest)


def read_block(body: str) -> tuple[Options, list[tuple[int, str]]]:
    """A GIFT ordering block: its options, and its items (offset in ``body``, text) in order."""
    start = len(body) - len(body.lstrip())
    first, _, rest = body[start:].partition("\n")
    options, leftover = read_header(first)
    items, offset = [(start + len(first) - len(leftover), leftover)], start + len(first) + 1
    for line in rest.split("\n"):
        items.append((offset, line))
        offset += len(line) + 1
    return options, [(at, text.strip()) for at, text in items if text.strip()]


def fit(options: Options, items: int) -> Options:
    """The options as Moodle's GIFT reader keeps them: a count above the items is dropped."""
    count = options.count if options.count and 2 <= options.count <= items else None
    return Options(count, options.select, options.grading)


def from_xml(selecttype: str, selectcount: str, gradingtype: str) -> Options:
    """The options as Moodle XML states them (missing ones take Moodle's defaults)."""
    count = int(selectcount) if selectcount.strip().isdigit() else None
    return Options(
        count,
        SELECT.get(selecttype.strip().upper(), "RANDOM"),
        GRADING.get(gradingtype.strip().upper(), "RELATIVE_NEXT_EXCLUDE_LAST"),
    )


def notes(options: Options, items: int) -> list[str]:
    """What Moodle does with this question that our ``order`` type does not."""
    found = []
    has_count = options.count is not None and options.count >= 2
    shown = min(options.count or 0, items) if has_count else min(DEFAULT_SHOWN, items)
    if options.select != "ALL" and shown < items:
        how = "chosen at random" if options.select == "RANDOM" else "a run of neighbours"
        found.append(f"Moodle shows {shown} of the {items} items ({how}); here all are ordered")
    grading = options.grading.lower().replace("_", " ")
    found.append(f"Moodle grades it '{grading}'; {OUR_RULE}")
    return found

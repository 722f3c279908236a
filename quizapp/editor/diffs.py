"""Line diffs of two versions of a bank file, for the revision and conflict pages (pure).

Templates render each line's text with autoescaping, so YAML holding ``<script>`` shows as text.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass


@dataclass(frozen=True)
class DiffLine:
    """One line of a diff: ``kind`` is "hunk", "removed", "added" or "same"."""

    kind: str
    old: int | None
    new: int | None
    text: str

    @property
    def sign(self) -> str:
        """The unified-diff sign of the line ("-", "+", " "), "" for a hunk header."""
        return {"removed": "-", "added": "+", "same": " "}.get(self.kind, "")


def diff_lines(before: str | None, after: str | None, context: int = 3) -> list[DiffLine]:
    """The changed lines of ``before`` -> ``after`` with ``context`` lines around each change.

    None stands for a file that did not exist (every line is added or removed).
    """
    old = (before or "").splitlines()
    new = (after or "").splitlines()
    rows: list[DiffLine] = []
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for group in matcher.get_grouped_opcodes(context):
        first, last = group[0], group[-1]
        header = f"lines {first[1] + 1}–{last[2]} before, {first[3] + 1}–{last[4]} after"
        rows.append(DiffLine("hunk", None, None, header))
        for tag, i1, i2, j1, j2 in group:
            if tag == "equal":
                rows += [DiffLine("same", i + 1, j1 + i - i1 + 1, old[i]) for i in range(i1, i2)]
                continue
            rows += [DiffLine("removed", i + 1, None, old[i]) for i in range(i1, i2)]
            rows += [DiffLine("added", None, j + 1, new[j]) for j in range(j1, j2)]
    return rows


def changed_counts(rows: list[DiffLine]) -> tuple[int, int]:
    """How many lines a diff adds and removes."""
    added = sum(1 for row in rows if row.kind == "added")
    return added, sum(1 for row in rows if row.kind == "removed")

"""Add the sources new articles need to the bank's ``sources.yaml``, without breaking it.

Entries are appended as text (the teacher's comments and layout stay as they are), the
result is validated with the bank's own loader before it replaces the file, and an entry
without a date (which ``sources.yaml`` requires) is reported instead of added.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from quizapp.bank.sources import load_sources

_ITEM_INDENT = re.compile(r"^( *)- ", re.MULTILINE)


@dataclass
class SourcesUpdate:
    """What happened to the suggested entries: ids added, and entries left for the teacher."""

    added: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def _block(entries: Sequence[dict[str, str]], indent: str) -> str:
    text = yaml.safe_dump(list(entries), sort_keys=False, allow_unicode=True, width=100)
    lines = [f"{indent}# added by `flask bank draft`: check each title and date"]
    lines += [indent + line for line in text.splitlines()]
    return "\n".join(lines) + "\n"


def add_sources(path: Path, entries: Sequence[dict[str, str]]) -> SourcesUpdate:
    """Append ``entries`` to the sources file ``path`` when the result is still valid."""
    update = SourcesUpdate()
    complete = []
    for entry in entries:
        if "date" in entry:
            complete.append(entry)
        else:
            update.problems.append(
                f"source '{entry['id']}' has no date in the article — add it to "
                f"{path.name} by hand with its date (e.g. 'date: 2024-02')"
            )
    if not complete:
        return update
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        update.problems.append(f"cannot read {path} ({exc.strerror or exc}); add the sources there")
        return update
    found = _ITEM_INDENT.search(text)
    indent = found.group(1) if found else "  "
    new_text = text.rstrip("\n") + "\n\n" + _block(complete, indent)
    scratch = path.with_name(f".{path.name}.draft-tmp")
    scratch.write_text(new_text, encoding="utf-8")
    try:
        _, errors = load_sources(scratch, path.as_posix())
        if errors:
            update.problems += [f"not added to {path.name}: {error}" for error in errors]
            return update
        os.replace(scratch, path)
    finally:
        scratch.unlink(missing_ok=True)
    update.added = [entry["id"] for entry in complete]
    return update

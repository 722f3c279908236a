"""Write drafts as a bank topic file, with the reports a reviewer needs as YAML comments.

The file is ``topic:`` and ``questions:`` like any topic file, so ``load_file`` validates it;
evidence, conflicts, skipped duplicates and suggested sources are comments, because the bank
format has no fields for them. The output depends only on the input: no timestamps.
"""

from __future__ import annotations

from collections.abc import Sequence

import yaml

from .articles import Article
from .dedupe import Duplicate
from .drafts import Draft
from .facts import Conflict


def _dump(value: object) -> str:
    return yaml.safe_dump(value, sort_keys=False, allow_unicode=True, width=100)


def conflict_rows(conflicts: Sequence[Conflict]) -> list[tuple[str, str, str, str]]:
    """Rows of the conflict table: fact, value as written, source id, evidence."""
    rows = []
    for conflict in conflicts:
        for fact in conflict.facts:
            mention = fact.mention
            source = mention.article.source_id
            rows.append((conflict.label, mention.surface, source, mention.evidence))
    return rows


def table(header: tuple[str, ...], rows: Sequence[tuple[str, ...]]) -> list[str]:
    """A plain-text table, columns padded to their widest cell."""
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    return ["  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip()
            for row in [header, *rows]]  # fmt: skip


def _comment(lines: Sequence[str], indent: str = "") -> str:
    return "".join(f"{indent}# {line}".rstrip() + "\n" for line in lines)


def _header(
    articles: Sequence[Article],
    conflicts: Sequence[Conflict],
    duplicates: Sequence[Duplicate],
    new_sources: Sequence[dict[str, str]],
) -> list[str]:
    lines = [
        f"Draft questions written by `flask bank draft` from {len(articles)} article(s).",
        "Nothing here is served. Review each question, move it into a topic file of the bank",
        "and remove `status: draft` to publish it. `flask bank draft-eval` on this folder",
        "validates it against the bank's sources.",
        "",
        "Articles:",
        *(f"  {a.name} -> source '{a.source_id}'" for a in articles),
    ]
    if conflicts:
        lines += ["", "Conflicts: the articles give different values for the same fact.",
                  *("  " + row for row in table(("fact", "value", "source", "evidence"),
                                                conflict_rows(conflicts)))]  # fmt: skip
    if duplicates:
        lines += ["", "Skipped as duplicates of bank questions (same answer, similar prompt):"]
        lines += [f"  {d.draft.id} ~ {d.bank_id} ({d.bank_file}, {d.similarity:g}% similar)"
                  for d in duplicates]  # fmt: skip
    if new_sources:
        lines += ["", "Sources these drafts cite that sources.yaml does not list yet:"]
        lines += ["  " + line for line in _dump({"sources": list(new_sources)}).splitlines()]
    return lines


def render(
    topic: str,
    drafts: Sequence[Draft],
    *,
    articles: Sequence[Article] = (),
    conflicts: Sequence[Conflict] = (),
    duplicates: Sequence[Duplicate] = (),
    new_sources: Sequence[dict[str, str]] = (),
) -> str:
    """The whole draft file as text."""
    out = [_comment(_header(articles, conflicts, duplicates, new_sources)), _dump({"topic": topic})]
    if not drafts:
        out.append("questions: []  # nothing to draft\n")
        return "".join(out)
    out.append("questions:\n")
    for draft in drafts:
        item = _dump([draft.as_yaml()])
        out.append("\n" + _comment(draft.notes, "  "))
        out.append("".join("  " + line + "\n" for line in item.splitlines()))
    return "".join(out)

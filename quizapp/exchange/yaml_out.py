"""Write imported questions as a bank topic file that reads like a hand-written one.

Lists of texts are written inline (``[a, b]``), ``match`` pairs one per line, and only
``true``/``false``/``null`` are quoted away, because the bank's YAML keeps numbers and dates
as text. Comments (``# TODO: ...``) can precede each question.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import yaml

_KEPT_RESOLVERS = ("tag:yaml.org,2002:bool", "tag:yaml.org,2002:null")


class _Dumper(yaml.SafeDumper):
    """SafeDumper that writes text lists inline and leaves number-like text unquoted."""


_Dumper.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag in _KEPT_RESOLVERS]
    for first, resolvers in yaml.SafeDumper.yaml_implicit_resolvers.items()
}


def _list(dumper: yaml.SafeDumper, data: list[Any]) -> yaml.Node:
    inline = all(isinstance(item, str) for item in data)
    return dumper.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=inline)


_Dumper.add_representer(list, _list)
_Dumper.add_representer(tuple, _list)


def _dump(value: Any) -> str:
    return yaml.dump(
        value, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=10_000,
        default_flow_style=False,
    )  # fmt: skip


def _indent(text: str, prefix: str) -> str:
    return "".join(prefix + line if line.strip() else line for line in text.splitlines(True))


def topic_yaml(
    title: str,
    questions: Sequence[tuple[dict[str, Any], Sequence[str]]],
    header: Sequence[str] = (),
) -> str:
    """A topic file: header comments, ``topic:``, then each question after its comments."""
    lines = [f"# {line}".rstrip() for line in header]
    lines.append(_dump({"topic": title}).rstrip("\n"))
    lines.append("questions:")
    chunks = []
    for question, comments in questions:
        notes = "".join(f"  # {comment}\n" for comment in comments)
        chunks.append(notes + _indent(_dump([question]), "  "))
    return "\n".join(lines) + "\n" + "\n".join(chunks)

"""``sources.yaml``: the articles questions cite, each with a stable id.

Format: a top-level ``sources:`` list; each source has ``id`` (lowercase slug), ``date`` (a
full date, or ``2024-02`` when only the month is known) and ``file`` (the name of the
article's text file in the articles folder, ``ARTICLES_DIR``; ``seed`` is read as its older
name); ``title``, ``author``,
``publisher`` and ``url`` (where it was published) where known.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path
from typing import Any

from .schema import Context, Field, Invalid, parse_fields, read_date, slug, text, unknown_keys
from .spec import BankError, Source
from .yamlload import Pos, YamlError, YamlList, YamlMap, load_yaml

SOURCE_ID = slug(r"[a-z0-9][a-z0-9-]*", "lowercase letters, digits and dashes")


def _url(value: Any, pos: Pos, name: str) -> str:
    written = text(value, pos, name)
    if not re.fullmatch(r"https?://[^\s<>\"]+", written):
        raise Invalid(
            f"'{written}' is not a web address — write it in full, e.g. https://example.org/article"
        )
    return written


def _file_name(value: Any, pos: Pos, name: str) -> str:
    written = text(value, pos, name)
    if "/" in written or "\\" in written or written.startswith("."):
        raise Invalid(
            f"'{written}' is not a plain file name — write only the name of the file in the"
            " articles folder, e.g. 002_5e6a24c1d0fa9476.txt"
        )
    return written


def _date(value: Any, pos: Pos, name: str) -> str:
    written = text(value, pos, name)
    if read_date(written).month is None:
        raise Invalid(f"'{written}' is only a year — write the month too, e.g. 2024-02")
    return written


SOURCE_FIELDS = (
    Field("id", SOURCE_ID, "ai-harmony"),
    Field("title", text, "Microsoft's alliance with Mistral AI", required=False),
    Field("description", text, "Unsigned article on the launch of Mistral Large", required=False),
    Field("author", text, "Sachi Sapam", required=False),
    Field("publisher", text, "Example News", required=False),
    Field("date", _date, "2024-02-27"),
    Field("file", _file_name, "002_5e6a24c1d0fa9476.txt"),
    Field("url", _url, "https://example.org/article", required=False),
)

OLDER_FILE = "seed"
"""The first name of ``file``, still read where ``file`` is absent."""


def _source(raw: Any, pos: Pos, file: str, seen: dict[str, Source]) -> list[BankError]:
    """Validate one source, adding it to ``seen``; the errors found."""
    if not isinstance(raw, YamlMap):
        message = "each source must be 'name: value' lines starting with '- id: ...'"
        return [BankError(file, pos.line, pos.column, None, message)]
    ctx = Context(file)
    wanted = SOURCE_FIELDS
    if OLDER_FILE in raw and "file" not in raw:  # a bank written before 'file' was its name
        wanted = tuple(replace(f, name=OLDER_FILE) if f.name == "file" else f for f in wanted)
    errors = unknown_keys(raw, [field.name for field in wanted], ctx)
    fields, field_errors = parse_fields(wanted, raw, ctx)
    errors += field_errors
    source_id = fields.get("id")
    text_file = fields.pop("file", None) or fields.pop(OLDER_FILE, None)
    if source_id in seen:
        first = seen[source_id]
        message = (
            f"duplicate source id '{source_id}' — already used at {first.file}:{first.line}; "
            "give each source its own id"
        )
        errors.append(ctx.error(raw.where("id"), message))
    if not errors:
        seen[source_id] = Source(file=file, line=pos.line, text_file=text_file, **fields)
    return errors


def load_sources(path: Path, file: str) -> tuple[dict[str, Source] | None, list[BankError]]:
    """Read and validate ``sources.yaml``: (sources by id, or None if unreadable; errors)."""
    if not path.is_file():
        message = "no sources.yaml — create it with a 'sources:' list of the articles"
        return None, [BankError(file, None, None, None, message)]
    try:
        data = load_yaml(path, file)
    except YamlError as exc:
        return None, [exc.error]
    ctx = Context(file)
    if not isinstance(data, YamlMap) or not isinstance(data.get("sources"), YamlList):
        pos = data.pos if isinstance(data, YamlMap | YamlList) else None
        message = "sources.yaml must hold a 'sources:' list — e.g. 'sources:' then '  - id: ...'"
        return None, [ctx.error(pos, message)]
    errors = unknown_keys(data, ["sources"], ctx)
    seen: dict[str, Source] = {}
    sources = data["sources"]
    for raw, pos in zip(sources, sources.item_pos, strict=True):
        errors += _source(raw, pos, file, seen)
    return seen, errors

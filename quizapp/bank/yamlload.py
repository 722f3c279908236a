"""Safe, size-capped, alias-free YAML for the question bank, with 1-based positions.

The bank's YAML dialect is deliberately small, so teachers meet no surprises:

* plain scalars are text, except ``true``/``false`` (booleans, any case) and ``null``/``~``/
  nothing (None). Numbers, dates and ``yes``/``no`` stay text exactly as written
  (``2024-02-26`` is never a ``datetime.date``, ``1.50`` keeps its zero); the question types
  parse them where a number or a date is expected;
* anchors and aliases (``&name``, ``*name``) and merge keys are refused: no alias bombs;
* a file is at most ``MAX_FILE_BYTES``, nesting at most ``MAX_DEPTH`` deep, keys are unique.

Mappings load as ``YamlMap`` and sequences as ``YamlList``: a dict and a list that also
remember where each key, value and item starts, so errors can say ``file:line:column``.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, NamedTuple

import yaml
from yaml.events import AliasEvent, NodeEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .spec import BankError
from .yamlerrors import (
    YamlError,
    fail,
    position,
    refuse_control_characters,
    syntax_error,
    unclosed_quote,
)

MAX_FILE_BYTES = 1024 * 1024
MAX_DEPTH = 32

_BOOL = "tag:yaml.org,2002:bool"
_NULL = "tag:yaml.org,2002:null"
_STR = "tag:yaml.org,2002:str"
_SEQ = "tag:yaml.org,2002:seq"
_MAP = "tag:yaml.org,2002:map"
_NULLS = frozenset(["~", "null", "Null", "NULL", ""])
_TEXT_TAGS = frozenset(f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "timestamp"))


class Pos(NamedTuple):
    """A 1-based line and column in a YAML file."""

    line: int
    column: int


class YamlMap(dict[str, Any]):
    """A mapping that remembers where it starts and where each key and value starts."""

    def __init__(self, pos: Pos) -> None:
        super().__init__()
        self.pos = pos
        self.key_pos: dict[str, Pos] = {}
        self.value_pos: dict[str, Pos] = {}

    def where(self, key: str) -> Pos:
        """Where to point for ``key``: its value, its key when the value is empty, else the map."""
        if key not in self:
            return self.pos
        return self.key_pos[key] if self[key] is None else self.value_pos[key]


class YamlList(list[Any]):
    """A sequence that remembers where it starts and where each item starts."""

    def __init__(self, pos: Pos) -> None:
        super().__init__()
        self.pos = pos
        self.item_pos: list[Pos] = []


def to_plain(value: Any) -> Any:
    """A loaded value as plain dicts and lists (JSON-able), positions dropped."""
    if isinstance(value, dict):
        return {key: to_plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [to_plain(item) for item in value]
    return value


def _resolver_class(base: type) -> type:
    """``base`` resolving plain scalars to bool (true/false), null, or else text."""

    class Loader(base):  # type: ignore[misc, valid-type]
        def resolve(self, kind: type, value: Any, implicit: tuple[bool, bool]) -> str:
            if kind is ScalarNode:
                if implicit[0] and value.lower() in ("true", "false"):
                    return _BOOL
                return _NULL if implicit[0] and value in _NULLS else _STR
            return _SEQ if kind is SequenceNode else _MAP

    return Loader


_Loader = _resolver_class(getattr(yaml, "CSafeLoader", yaml.SafeLoader))
# Where an anchor or alias can start a node: after indentation, '- ', ': ', '? ', '[', '{', ','.
# A miss is harmless: an alias still shows up as a shared node and is refused while building.
_MAYBE_ANCHOR = re.compile(r"(?:^|[-:?\[{,])[ \t]*[&*]", re.MULTILINE)


def _refuse_anchors(text: str, file: str) -> None:
    """Scan the events for anchors and aliases; only needed when '&' or '*' occurs."""
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, AliasEvent) or (
            isinstance(event, NodeEvent) and event.anchor is not None
        ):
            sign = "*" if isinstance(event, AliasEvent) else "&"
            raise fail(
                file,
                event.start_mark,
                f"YAML anchors and aliases are not allowed ({sign}{event.anchor}) — write the "
                "value out in full, or put text starting with '&' or '*' in quotes",
            )


class _Builder:
    """Turn a composed node tree into YamlMap/YamlList/str/bool/None values."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.seen: set[int] = set()

    def build(self, node: Node, depth: int = 0) -> Any:
        if id(node) in self.seen:  # a shared node can only come from an alias
            raise fail(self.file, node.start_mark, "YAML aliases are not allowed")
        self.seen.add(id(node))
        if depth > MAX_DEPTH:
            raise fail(self.file, node.start_mark, f"nested more than {MAX_DEPTH} levels deep")
        if isinstance(node, ScalarNode):
            return self.scalar(node)
        if node.tag not in (_SEQ, _MAP) and not isinstance(node, ScalarNode):
            raise self.unsupported_tag(node)
        if isinstance(node, SequenceNode):
            items = YamlList(Pos(*position(node.start_mark)))
            for child in node.value:
                items.item_pos.append(Pos(*position(child.start_mark)))
                items.append(self.build(child, depth + 1))
            return items
        assert isinstance(node, MappingNode)
        return self.mapping(node, depth)

    def scalar(self, node: ScalarNode) -> str | bool | None:
        if node.tag == _NULL:
            return None
        if node.tag == _BOOL:
            return node.value.lower() == "true"
        if node.tag in _TEXT_TAGS:
            return node.value
        raise self.unsupported_tag(node)

    def unsupported_tag(self, node: Node) -> YamlError:
        """A ``!!python/...`` or other non-standard tag, on a value, a list or a mapping."""
        tag = node.tag.replace("tag:yaml.org,2002:", "!!", 1)
        return fail(
            self.file,
            node.start_mark,
            f"YAML tag '{tag}' is not supported — remove it or put the value in quotes",
        )

    def mapping(self, node: MappingNode, depth: int) -> YamlMap:
        result = YamlMap(Pos(*position(node.start_mark)))
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode) or key_node.tag not in _TEXT_TAGS:
                raise fail(
                    self.file,
                    key_node.start_mark,
                    "a key must be plain text — write 'name: value' (quote keys like 'true')",
                )
            key = key_node.value
            if key in result:
                line, column = result.key_pos[key]
                raise fail(
                    self.file,
                    key_node.start_mark,
                    f"duplicate key '{key}' (first at line {line}, column {column}) — "
                    "keep only one of them",
                )
            result.key_pos[key] = Pos(*position(key_node.start_mark))
            result.value_pos[key] = Pos(*position(value_node.start_mark))
            result[key] = self.build(value_node, depth + 1)
        return result


def parse_yaml(text: str, file: str) -> Any:
    """Parse bank YAML ``text``; ``file`` is the name used in errors. Raises YamlError."""
    refuse_control_characters(text, file)
    if _MAYBE_ANCHOR.search(text):
        try:
            _refuse_anchors(text, file)
        except yaml.YAMLError as exc:
            raise syntax_error(file, exc) from None
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.YAMLError as exc:
        raise unclosed_quote(text, syntax_error(file, exc), _Loader) from None
    return None if node is None else _Builder(file).build(node)


def load_yaml(path: Path, file: str | None = None) -> Any:
    """Read and parse one bank file, refusing files over ``MAX_FILE_BYTES``. Raises YamlError."""
    name = file or path.as_posix()
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise fail(name, None, f"cannot read the file ({exc.strerror}) — check it exists") from None
    if len(data) > MAX_FILE_BYTES:
        raise fail(
            name,
            None,
            f"file is larger than {MAX_FILE_BYTES // 1024} KiB — split it into several topic files",
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise YamlError(
            BankError(name, line, None, None, "file is not valid UTF-8 — save it as UTF-8")
        ) from None
    return parse_yaml(text, name)

"""The gazetteer: organisations (regulators, institutions, laws, companies) known by name.

The packaged ``gazetteer.yaml`` can be extended by teachers with files of the same format;
``find`` returns every non-overlapping mention in a text, longest name first.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import yaml

DEFAULT_FILE = Path(__file__).with_name("gazetteer.yaml")
KINDS = ("regulator", "institution", "law", "company", "media")


class GazetteerError(ValueError):
    """A gazetteer file that cannot be used; the message names the file and the problem."""


@dataclass(frozen=True)
class Entry:
    """One organisation: its canonical name, its kind and the other ways it is written."""

    name: str
    kind: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Found:
    """A gazetteer name found in a text at ``start:end`` (as written there)."""

    entry: Entry
    start: int
    end: int
    surface: str


def _entries(data: object, file: str) -> list[Entry]:
    """Check and convert the ``entries`` list of one gazetteer file."""
    items = data.get("entries") if isinstance(data, dict) else None
    if not isinstance(items, list):
        raise GazetteerError(f"{file}: expected a top-level 'entries:' list")
    entries = []
    for number, item in enumerate(items, 1):
        if not isinstance(item, dict) or not isinstance(item.get("name"), str):
            raise GazetteerError(f"{file}: entry {number} needs a 'name'")
        kind = item.get("kind", "institution")
        if kind not in KINDS:
            raise GazetteerError(f"{file}: entry {item['name']!r}: kind must be one of {KINDS}")
        aliases = item.get("aliases") or []
        if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
            raise GazetteerError(f"{file}: entry {item['name']!r}: aliases must be a list of text")
        entries.append(Entry(item["name"].strip(), kind, tuple(a.strip() for a in aliases)))
    return entries


class Gazetteer:
    """Names to look for, compiled into one regular expression (longest names first)."""

    def __init__(self, entries: Iterable[Entry]) -> None:
        self.entries: dict[str, Entry] = {}
        for entry in entries:  # a later file may redefine an entry by its name
            self.entries[entry.name] = entry
        self._by_surface = {
            surface: entry
            for entry in self.entries.values()
            for surface in (entry.name, *entry.aliases)
        }
        names = sorted(self._by_surface, key=len, reverse=True)
        pattern = "|".join(re.escape(n).replace("'", "['’]") for n in names)
        self._pattern = re.compile(rf"(?<![\w-])(?:{pattern})(?![\w-])") if names else None

    @classmethod
    def load(cls, extra: Iterable[Path] = ()) -> Gazetteer:
        """The packaged gazetteer plus any ``extra`` files (later entries win by name)."""
        entries: list[Entry] = []
        for path in (DEFAULT_FILE, *extra):
            try:
                data = yaml.safe_load(path.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
                raise GazetteerError(f"{path}: cannot read the gazetteer ({exc})") from None
            entries += _entries(data, str(path))
        return cls(entries)

    def find(self, text: str) -> Iterator[Found]:
        """Every mention of a known name in ``text``, left to right, never overlapping."""
        if self._pattern is None:
            return
        for match in self._pattern.finditer(text):
            surface = match.group().replace("’", "'")
            entry = self._by_surface[surface]
            start = match.start()
            if surface.startswith("the "):  # "the Commission": keep the article out of the span
                start += 4
            yield Found(entry, start, match.end(), text[start : match.end()])

    def words(self) -> frozenset[str]:
        """Every word of every known name, for telling organisations from people."""
        return frozenset(w for s in self._by_surface for w in re.findall(r"[\w'’]+", s))

"""Declarative field schemas for bank YAML: each field names a parser, errors say how to fix.

A ``Field`` has a name, a parser and an example value. ``parse_fields`` runs them over a
``YamlMap`` and turns every problem into a positioned ``BankError``: a missing or empty field,
a value of the wrong kind, or whatever the parser refuses (by raising ``Invalid``).
Parsers receive non-empty values only, with the value's position and the field's name.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from ..grading import ParsedDate, parse_date
from .slugs import slugify
from .spec import BankError
from .yamlload import Pos, YamlList, YamlMap

Parser = Callable[[Any, Pos, str], Any]


class Invalid(Exception):
    """Raised by a parser: ``message`` is the error, ``pos`` where it is (default: the value)."""

    def __init__(self, message: str, pos: Pos | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.pos = pos


@dataclass(frozen=True)
class Field:
    """One field of a mapping: how to parse it, whether it is required, an example value."""

    name: str
    parse: Parser
    example: str
    required: bool = True
    default: Any = None


@dataclass(frozen=True)
class Context:
    """Where errors are reported: the file, the question id, names the author misspelled."""

    file: str
    question_id: str | None = None
    misspelled: frozenset[str] = frozenset()

    def error(self, pos: Pos | None, message: str) -> BankError:
        """A BankError at ``pos`` (None: the whole file) about this context's question."""
        line, column = pos if pos is not None else (None, None)
        return BankError(self.file, line, column, self.question_id, message)


def describe(value: Any) -> str:
    """How a YAML value reads to an author, for "must be X, not Y" messages."""
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a 'name: value' mapping"
    if value is None:
        return "nothing"
    return f"'{value}'" if len(str(value)) <= 40 else "text"


def did_you_mean(word: str, options: Iterable[str], cutoff: float = 0.7) -> str | None:
    """The option closest to ``word``, when one is close enough to be a likely typo."""
    matches = difflib.get_close_matches(word, list(options), n=1, cutoff=cutoff)
    return matches[0] if matches else None


def is_empty(value: Any) -> bool:
    """None and blank text count as a missing value."""
    return value is None or (isinstance(value, str) and not value.strip())


def parse_fields(
    fields: Sequence[Field], raw: YamlMap, ctx: Context
) -> tuple[dict[str, Any], list[BankError]]:
    """Parse ``fields`` out of ``raw``: (parsed values, errors). Unknown keys are not checked.

    A field that is absent or empty gets its default when optional; a required one that is
    missing, or any field that fails to parse, is left out of the parsed values.
    """
    parsed: dict[str, Any] = {}
    errors: list[BankError] = []
    for field in fields:
        value = raw.get(field.name)
        if is_empty(value):
            if not field.required:
                parsed[field.name] = field.default
                continue
            if field.name in ctx.misspelled:
                continue
            if field.name in raw:
                message = f"'{field.name}' is empty — write e.g. '{field.name}: {field.example}'"
            else:
                message = f"missing field '{field.name}' — add e.g. '{field.name}: {field.example}'"
            errors.append(ctx.error(raw.where(field.name), message))
            continue
        try:
            parsed[field.name] = field.parse(value, raw.where(field.name), field.name)
        except Invalid as exc:
            errors.append(ctx.error(exc.pos or raw.where(field.name), exc.message))
    return parsed, errors


def unknown_keys(raw: YamlMap, allowed: Iterable[str], ctx: Context) -> list[BankError]:
    """Errors for keys of ``raw`` not in ``allowed``, suggesting the closest allowed name."""
    allowed = list(allowed)
    errors = []
    for key in raw:
        if key in allowed:
            continue
        guess = did_you_mean(key.lower(), [a for a in allowed if a not in raw])
        fix = f"did you mean '{guess}'?" if guess else "remove it; allowed: " + ", ".join(allowed)
        errors.append(ctx.error(raw.key_pos[key], f"unknown field '{key}' — {fix}"))
    return errors


def misspellings(raw: YamlMap, allowed: Iterable[str]) -> frozenset[str]:
    """Allowed names that are missing but that an unknown key of ``raw`` likely meant."""
    allowed = list(allowed)
    unknown = [key for key in raw if key not in allowed]
    missing = [a for a in allowed if a not in raw]
    guesses = (did_you_mean(key.lower(), missing) for key in unknown)
    return frozenset(g for g in guesses if g)


# Parsers ------------------------------------------------------------------------------------


def text(value: Any, pos: Pos, name: str) -> str:
    """Text (numbers and dates are text too), stripped of surrounding blanks."""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, bool):
        raise Invalid(f"'{name}' must be text, not true/false — put the value in quotes")
    raise Invalid(
        f"'{name}' must be text, not {describe(value)} — write it on the same line after "
        f"'{name}:', in quotes if it contains ': ' or starts with '[', '{{' or '-'"
    )


def text_list(min_items: int = 1, *, unique: bool = True) -> Parser:
    """A list of non-empty texts with at least ``min_items`` items, unique if ``unique``."""

    def parse(value: Any, pos: Pos, name: str) -> tuple[str, ...]:
        if not isinstance(value, YamlList):
            raise Invalid(
                f"'{name}' must be a list, not {describe(value)} — write it as [first, second]"
                " or one '- item' per line"
            )
        items: list[str] = []
        for item, item_pos in zip(value, value.item_pos, strict=True):
            if is_empty(item):
                raise Invalid(f"an item of '{name}' is empty — remove it or fill it in", item_pos)
            if not isinstance(item, str):
                raise Invalid(
                    f"each item of '{name}' must be text, not {describe(item)} — put it in quotes",
                    item_pos,
                )
            item = item.strip()
            if unique and item in items:
                raise Invalid(f"'{item}' is listed twice in '{name}' — remove one", item_pos)
            items.append(item)
        if len(items) < min_items:
            plural = "item" if min_items == 1 else "items"
            raise Invalid(
                f"'{name}' needs at least {min_items} {plural}, found {len(items)} — add more"
            )
        return tuple(items)

    return parse


def boolean(value: Any, pos: Pos, name: str) -> bool:
    """``true`` or ``false`` (also when quoted)."""
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in ("true", "false"):
        return value.strip().lower() == "true"
    raise Invalid(
        f"'{name}' must be true or false, not {describe(value)} — write '{name}: true'"
        f" or '{name}: false'"
    )


def whole_number(value: Any, pos: Pos, name: str) -> int:
    """A whole number >= 0, written with digits."""
    if isinstance(value, str) and re.fullmatch(r"\s*[0-9]{1,6}\s*", value):
        return int(value)
    raise Invalid(
        f"'{name}' must be a whole number, not {describe(value)} — write e.g. '{name}: 1'"
    )


def one_of(*choices: str) -> Parser:
    """One of a few fixed words, suggesting the closest when misspelled."""

    def parse(value: Any, pos: Pos, name: str) -> str:
        word = text(value, pos, name)
        if word in choices:
            return word
        guess = did_you_mean(word.lower(), choices, cutoff=0.6)
        fix = f"did you mean '{guess}'?" if guess else "use one of: " + ", ".join(choices)
        raise Invalid(f"'{name}' cannot be '{word}' — {fix}")

    return parse


def slug(pattern: str, rule: str) -> Parser:
    """Text matching ``pattern`` (an id); ``rule`` explains the pattern to the author."""
    compiled = re.compile(pattern)

    def parse(value: Any, pos: Pos, name: str) -> str:
        word = text(value, pos, name)
        if compiled.fullmatch(word):
            return word
        suggestion = slugify(word)
        example = f", e.g. '{suggestion}'" if compiled.fullmatch(suggestion) else ""
        raise Invalid(f"{name} '{word}' is not a valid {name} — use {rule}{example}")

    return parse


DATE_EXAMPLES = "write e.g. 2024-02-26, 26 February 2024, or a year like 2023"


def read_date(written: str) -> ParsedDate:
    """Parse a teacher's date: unambiguous, or Invalid saying how to write it."""
    parsed = parse_date(written)
    if parsed is None:
        raise Invalid(f"cannot read '{written}' as a date — {DATE_EXAMPLES}")
    if parsed.note:
        raise Invalid(f"'{written}' is ambiguous ({parsed.note}) — write it as {parsed}")
    return parsed

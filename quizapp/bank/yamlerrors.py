"""Errors in bank YAML, each with the line and column to fix and a hint on how.

PyYAML's own messages name where the parser gave up, which is not always where the mistake
is: a quote left open is only noticed where the quoted text finally ends, and a control
character has no line at all. These helpers put the place right.
"""

from __future__ import annotations

import re

import yaml

from .spec import BankError


class YamlError(Exception):
    """A file that cannot be read as bank YAML; ``error`` says where and why."""

    def __init__(self, error: BankError) -> None:
        super().__init__(str(error))
        self.error = error


# C0 controls but tab, newline and carriage return; DEL; C1 controls but NEL; non-characters.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ufffe\uffff]")
# A value (after 'key: ' or '- ') that starts with a quote.
_OPENS_QUOTE = re.compile(r"""^\s*(?:-\s+)*(?:[^\s'"#][^:#]*:\s+)?(?P<quote>["'])""")

_SYNTAX_HINTS = [
    ("'\\t'", "indent with spaces, not tabs"),
    ("tab character", "indent with spaces, not tabs"),
    ("mapping values are not allowed", "if a value contains ': ', put the whole value in quotes"),
    ("cannot start any token", "if a value starts with a special character, put it in quotes"),
    ("could not find expected ':'", "check the indentation and that each field has 'name: '"),
    ("did not find expected key", "check the indentation: fields of a question line up"),
    ("did not find expected '-'", "check the indentation: list items line up under each other"),
    ("undefined alias", "'*' at the start of a value starts a YAML alias: quote the value"),
    ("scanning an a", "'*' or '&' at the start of a value starts a YAML alias: quote the value"),
    ("expected a single document", "a file holds one document: remove the extra '---'"),
    ("nesting depth", "the file is nested far too deeply"),
]


def position(mark: yaml.Mark | None) -> tuple[int | None, int | None]:
    return (mark.line + 1, mark.column + 1) if mark is not None else (None, None)


def fail(file: str, mark: yaml.Mark | None, message: str) -> YamlError:
    line, column = position(mark)
    return YamlError(BankError(file, line, column, None, message))


def syntax_error(file: str, exc: yaml.YAMLError) -> YamlError:
    """Turn a PyYAML error into a positioned BankError with a hint on how to fix it."""
    problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    context = getattr(exc, "context", None) or ""
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    if problem.startswith("but ") and context:
        problem = f"{context}, {problem}"
    if "alias" in context or "anchor" in context:  # e.g. "*emphasis*" at the start of a value
        mark = getattr(exc, "context_mark", None) or mark
        problem = f"{context}: {problem}"
    hint = next((h for key, h in _SYNTAX_HINTS if key in f"{context} {problem}"), None)
    hint = hint or "check the indentation and the quoting around here"
    problem = " ".join(problem.split())
    return fail(file, mark, f"YAML syntax error: {problem} — {hint}")


def refuse_control_characters(text: str, file: str) -> None:
    """A NUL or other control character (a binary paste, a bad copy) named with its place."""
    found = _CONTROL.search(text)
    if found is None:
        return
    line = text.count("\n", 0, found.start()) + 1
    column = found.start() - (text.rfind("\n", 0, found.start()) + 1) + 1
    raise YamlError(
        BankError(
            file,
            line,
            column,
            None,
            f"control character U+{ord(found[0]):04X} is not allowed — delete it (it may come "
            "from pasting binary or formatted text)",
        )
    )


def unclosed_quote(text: str, error: YamlError, loader: type) -> YamlError:
    """Point a syntax error at the line whose quote never closes, when one opens before it.

    PyYAML only notices a missing closing quote where the quoted text finally ends, often many
    lines later; a value that opens a quote and does not close it on its line is the likely cause.
    """
    last = error.error.line or text.count("\n") + 1
    lines = text.splitlines()
    for number, line in enumerate(lines[:last], start=1):
        opened = _OPENS_QUOTE.match(line)
        if (
            opened
            and not _closes(line[opened.end() :], opened["quote"])
            and _parses_further(lines, number, opened["quote"], last, loader)
        ):
            return YamlError(
                BankError(
                    error.error.file,
                    number,
                    opened.start("quote") + 1,
                    None,
                    f"the quote {opened['quote']} opened here is never closed on this line — "
                    f"end the value with {opened['quote']} (a quote inside it: "
                    + ('write \\")' if opened["quote"] == '"' else "write it twice, '')"),
                )
            )
    return error


def _parses_further(
    lines: list[str], number: int, quote: str, failed_at: int, loader: type
) -> bool:
    """True when closing the quote at the end of line ``number`` moves the error on (or away):
    a legal quoted value spread over several lines is then not blamed for a later mistake."""
    patched = [*lines[: number - 1], lines[number - 1] + quote, *lines[number:]]
    try:
        yaml.compose("\n".join(patched), Loader=loader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        return mark is not None and mark.line + 1 > failed_at
    return True


def _closes(rest: str, quote: str) -> bool:
    """True when ``rest`` (after an opening ``quote``) has its closing quote."""
    if quote == "'":
        return "'" in rest.replace("''", "")
    return re.search(r'(?<!\\)(?:\\\\)*"', rest) is not None

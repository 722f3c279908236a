"""Bytes of an uploaded or given file as text: UTF-8 (with or without BOM), else Windows-1252.

Teachers' GIFT and Aiken files often come from Windows editors; Moodle reads them as
Windows-1252 when they are not UTF-8. An import never fails with a decoding traceback:
a file that is neither is refused with the line of the first byte that cannot be read.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Decoded:
    """A file's text and, when it was not UTF-8, a note naming the first such line."""

    text: str
    note: tuple[int, str] | None = None


class Unreadable(ValueError):
    """The bytes are neither UTF-8 nor Windows-1252 (e.g. a binary file)."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(f"line {line}: {message}")
        self.line = line
        self.message = message


def _line_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def decode(data: bytes) -> Decoded:
    """``data`` as text (BOM and NUL-free), or :class:`Unreadable` with a line number."""
    if b"\x00" in data:
        line = _line_of(data, data.index(b"\x00"))
        raise Unreadable(line, "the file holds NUL bytes: it is not a text file")
    try:
        return Decoded(data.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        line = _line_of(data, exc.start)
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError as exc:
        raise Unreadable(
            _line_of(data, exc.start), "the file is neither UTF-8 nor Windows-1252 text"
        ) from None
    return Decoded(text, (line, "the file is not UTF-8: read as Windows-1252"))

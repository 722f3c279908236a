"""Edit one file of a bank folder safely: safe names, a check before writing, atomic writes.

Pure (no Flask, no database): the browser editor calls these. A candidate text is checked
by the bank's own validator (``load_bank``) on a staging copy of the folder, so it gets the
same errors, with the same ``questions/people.yaml:42:5`` names, as ``bank check`` and the
live reload; the real folder is not touched until the text passes. Writes go to a temporary
file in the same folder, are flushed to disk (``fsync``) and renamed over the old file
(``os.replace``), so a reader (another worker, another server on a shared folder) sees the
old file or the new one, never half of one.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import re
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from .spec import BankError
from .validate import SOURCES_FILE, TOPIC_SUFFIXES, load_bank, topic_files
from .yamlload import MAX_FILE_BYTES

NAME_RULE = re.compile(r"[a-z0-9][a-z0-9_-]{0,79}\.ya?ml")
NAME_HELP = "lowercase letters, digits and dashes, ending in .yaml, e.g. 'founders-2.yaml'"
LOCK_FILE = ".editor.lock"
"""Serialises saves across workers and servers sharing the folder (``flock``)."""
_BINARY = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffd]")


class BadName(ValueError):
    """A file name the editor refuses (path traversal, hidden files, other suffixes)."""


def file_path(root: Path, name: str) -> Path:
    """The path of bank file ``name`` in ``root``; raises BadName for anything but a plain
    topic file name or ``sources.yaml`` (no folders, no ``..``, no hidden or ``_`` files)."""
    if name != SOURCES_FILE and not NAME_RULE.fullmatch(name):
        raise BadName(f"'{name}' is not a topic file name — use {NAME_HELP}")
    base = root.resolve()
    path = base / name
    if path.parent != base or Path(name).suffix not in TOPIC_SUFFIXES:
        raise BadName(f"'{name}' is not a file of the bank folder")
    return path


def editable_files(root: Path) -> list[Path]:
    """``sources.yaml`` (when present) and the topic files, in name order."""
    sources = root / SOURCES_FILE
    return ([sources] if sources.is_file() else []) + topic_files(root)


def normalise(text: str) -> str:
    """The text as written: ``\\n`` line ends (browsers send ``\\r\\n``), ending in one."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text if not text or text.endswith("\n") else text + "\n"


def text_hash(text: str | None) -> str:
    """The sha256 of a file's text (its UTF-8 bytes); "" for a file that does not exist."""
    return "" if text is None else hashlib.sha256(text.encode("utf-8")).hexdigest()


def read_text(path: Path) -> str | None:
    """A bank file's text (None when it does not exist); bytes that are not UTF-8 show as U+FFFD."""
    try:
        return path.read_bytes().decode("utf-8-sig", errors="replace")
    except FileNotFoundError:
        return None


def _position(text: str, index: int) -> tuple[int, int]:
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


def text_problem(text: str, file: str) -> BankError | None:
    """Why ``text`` cannot be a bank file at all (too large, binary), before any YAML check."""
    size = len(text.encode("utf-8"))
    if size > MAX_FILE_BYTES:
        message = (
            f"the text is {size // 1024} KiB; a bank file is at most {MAX_FILE_BYTES // 1024} KiB"
            " — split it into several topic files"
        )
        return BankError(file, None, None, None, message)
    found = _BINARY.search(text)
    if found is None:
        return None
    line, column = _position(text, found.start())
    char = f"U+{ord(found.group()):04X}"
    message = (
        f"binary data ({char}) — a bank file is plain UTF-8 text; paste the text itself,"
        " not a file's bytes"
    )
    return BankError(file, line, column, None, message)


@dataclass(frozen=True)
class Check:
    """A candidate text's errors: its own, new ones it causes elsewhere, and ones already there."""

    errors: list[BankError] = field(default_factory=list)
    caused: list[BankError] = field(default_factory=list)
    existing: list[BankError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when writing the text makes the bank no worse."""
        return not self.errors and not self.caused


def error_name(root: Path, name: str) -> str:
    """How the validator names file ``name`` of ``root`` in errors (``questions/people.yaml``)."""
    return f"{root.resolve().name}/{name}"


def _stage(root: Path, staging: Path, name: str, text: str) -> None:
    """Copy the bank's files into ``staging``, with ``text`` as file ``name``."""
    staging.mkdir()
    for path in editable_files(root):
        if path.name != name:
            shutil.copyfile(path, staging / path.name)
    (staging / name).write_text(text, encoding="utf-8")


def check_text(root: Path, name: str, text: str) -> Check:
    """Validate ``text`` as file ``name`` of bank folder ``root`` without writing to ``root``.

    Errors in other files that the folder already has are reported apart (``existing``): they
    are not this text's fault and do not block it. The folder itself is loaded only to tell
    those apart, so only when the staged copy has errors in other files.
    """
    file = error_name(root, name)
    problem = text_problem(text, file)
    if problem is not None:
        return Check(errors=[problem])
    with tempfile.TemporaryDirectory(prefix="quizapp-edit-") as tmp:
        staging = Path(tmp) / root.resolve().name
        _stage(root, staging, name, text)
        errors = load_bank(staging).errors
    mine = [e for e in errors if e.file == file]
    others = [e for e in errors if e.file != file]
    if not others:
        return Check(errors=mine)
    before = {str(e) for e in load_bank(root).errors if e.file != file}
    return Check(
        errors=mine,
        caused=[e for e in others if str(e) not in before],
        existing=[e for e in others if str(e) in before],
    )


def write_atomic(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` atomically and durably: temp file, fsync, rename, fsync dir."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(text.encode("utf-8"))
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    directory = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(directory)
    finally:
        os.close(directory)


@contextmanager
def edit_lock(root: Path) -> Iterator[None]:
    """Hold the bank folder's edit lock: one save at a time, across processes and servers."""
    with open(root / LOCK_FILE, "a+b") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)

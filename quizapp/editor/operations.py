"""Saving a bank file from the browser: check, write atomically, record a revision, serve it.

The files on disk stay the source of truth: a save is refused when the file changed on disk
since the teacher opened it (its hash, sent back with the form), is checked with the bank's
validator before anything is written, and is then written atomically under the folder's edit
lock, with a :class:`~quizapp.models.BankRevision` row committed in the same step. The
worker that saved reloads the bank at once; other workers and servers sharing the folder
see the new file at their next check (``BANK_RELOAD_SECONDS``).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from flask import current_app

from ..bank.editing import (
    Check,
    check_text,
    edit_lock,
    file_path,
    read_text,
    text_hash,
    write_atomic,
)
from ..bank.webapp import runtime
from ..clock import now
from ..database import write_transaction
from ..extensions import db
from ..models import BankRevision

ACTIONS = ("edit", "create", "revert", "import", "regrade")


@dataclass(frozen=True)
class Saved:
    """Written and recorded; ``bank_errors``: the served bank still has errors elsewhere."""

    revision_id: int
    bank_errors: int


@dataclass(frozen=True)
class Unchanged:
    """The text is what the file already holds: nothing written, no revision."""


@dataclass(frozen=True)
class Invalid:
    """The validator found errors: nothing written."""

    check: Check


@dataclass(frozen=True)
class Conflict:
    """The file changed on disk since it was opened: nothing written. ``disk``: its text now."""

    disk: str | None


@dataclass(frozen=True)
class Refused:
    """A save that cannot be done at all (e.g. reverting the creation of a file)."""

    message: str


Outcome = Saved | Unchanged | Invalid | Conflict | Refused


def bank_root() -> Path:
    """The bank folder this app serves."""
    return Path(current_app.config["QUESTIONS_DIR"])


def save_file(
    name: str, text: str, base_hash: str, user_id: int | None, action: str = "edit"
) -> Outcome:
    """Save ``text`` as bank file ``name`` if the file still hashes to ``base_hash``.

    ``base_hash`` is "" for a file that must not exist yet (a new file). Raises BadName for
    an unsafe name. The caller must not hold a database transaction (views are
    ``reads_first``): the edit lock is always taken before the database's write lock.
    """
    root = bank_root()
    path = file_path(root, name)
    with edit_lock(root):
        disk = read_text(path)
        if text_hash(disk) != base_hash:
            return Conflict(disk)
        if disk == text:
            return Unchanged()
        check = check_text(root, name, text)
        if not check.ok:
            return Invalid(check)
        if disk is None and action == "edit":
            action = "create"
        revision_id = _write(path, name, disk, text, user_id, action)
    runtime().refresh()
    return Saved(revision_id, len(runtime().status.errors))


def _write(
    path: Path, name: str, before: str | None, text: str, user_id: int | None, action: str
) -> int:
    """Record the revision and write the file in one step; put the old text back on failure."""
    written = False
    try:
        with write_transaction():
            revision = BankRevision(
                path=name,
                user_id=user_id,
                action=action,
                before_text=before,
                after_text=text,
                created_at=now(),
            )
            db.session.add(revision)
            db.session.flush()
            write_atomic(path, text)
            written = True
        return revision.id
    except BaseException:
        if written:
            if before is None:
                path.unlink(missing_ok=True)
            else:
                write_atomic(path, before)
        raise


def revert(revision: BankRevision, base_hash: str, user_id: int | None) -> Outcome:
    """Put back the text a revision replaced; the revert is itself a revision."""
    if revision.action == "regrade":
        return Refused(
            "This save accepted an answer for a question and regraded its attempts: undo it under"
            " Regrades on that question's statistics page, which gives the old scores back too."
        )
    if revision.before_text is None:
        return Refused(
            f"This save created {revision.path}; reverting it would delete the file. Remove its"
            " questions by editing it instead (a topic file needs at least one question)."
        )
    name, text = revision.path, revision.before_text
    db.session.commit()  # end the read transaction: the edit lock comes before the write lock
    return save_file(name, text, base_hash, user_id, action="revert")

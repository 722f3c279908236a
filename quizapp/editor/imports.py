"""Upload a GIFT file (Moodle's text format) into a new topic file, through the bank's importer.

The importer (``exchange.gift_import.import_gift``) is called as the CLI calls it; its problems
are shown by GIFT line, and what it writes is saved like any other save: checked, written
atomically, recorded as a revision (action ``import``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from flask import render_template
from flask_login import current_user

from ..auth.decorators import teacher_required
from ..bank.editing import normalise, text_problem
from ..bank.validate import taken_ids
from ..bank.webapp import current_bank
from ..bank.yamlload import MAX_FILE_BYTES
from ..database import reads_first
from ..exchange.gift_import import Problem, import_gift
from ..presentation import source_title
from .blueprint import bp
from .forms import ImportForm, new_file_name
from .operations import Invalid, Saved, bank_root, save_file


@dataclass
class ImportReport:
    """What the page shows after an upload."""

    problems: list[Problem] = field(default_factory=list)
    refused: str | None = None
    saved: str | None = None
    questions: int = 0
    drafts: int = 0
    errors: list[str] = field(default_factory=list)


def _form() -> ImportForm:
    form = ImportForm()
    bank = current_bank()
    form.sources.choices = [(s.id, f"{s.id}: {source_title(s)}") for s in bank.sources.values()]
    return form


def _target(form: ImportForm) -> str | None:
    """The new file's name, or None with the reason on the form."""
    target = new_file_name(form.name)
    if target is None:
        return None
    name, path = target
    if path.exists():
        form.name.errors = [f"{name} exists already — choose a new file name"]
        return None
    return name


def _gift_text(form: ImportForm) -> tuple[str | None, str | None]:
    """The uploaded file as text, or why it is not readable text."""
    data = form.gift.data.read(MAX_FILE_BYTES + 1)
    if len(data) > MAX_FILE_BYTES:
        return None, f"The file is larger than {MAX_FILE_BYTES // 1024} KiB; split it first."
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        return None, f"Line {line} is not UTF-8 text: save the file as UTF-8 and upload it again."
    problem = text_problem(text, "upload")
    if problem is not None:
        return None, f"Line {problem.line}: {problem.message}."
    return text, None


def _origin(filename: str | None) -> str:
    """The upload's file name as the importer's header comment names it (one safe line)."""
    name = re.sub(r"[^\w. -]", "_", (filename or "").replace("\\", "/").rsplit("/", 1)[-1])
    return name.strip()[:80] or "upload"


def _run(form: ImportForm, name: str, report: ImportReport) -> None:
    text, report.refused = _gift_text(form)
    if text is None:
        return
    root = bank_root()
    result = import_gift(  # never raises on a file's content: problems come back by line
        text,
        topic=name.rsplit(".", 1)[0].replace("-", " ").capitalize(),
        known_sources=current_bank().sources,
        default_sources=form.sources.data or (),
        taken_ids=taken_ids(root, root / name),
        origin=_origin(form.gift.data.filename),
    )
    report.problems = list(result.problems)
    if not result.questions:
        report.refused = "No question of this file could be imported; nothing was written."
        return
    outcome = save_file(name, normalise(result.yaml), "", current_user.id, action="import")
    if isinstance(outcome, Saved):
        report.saved, report.questions, report.drafts = name, len(result.questions), result.drafts
    elif isinstance(outcome, Invalid):
        report.refused = "The imported questions do not pass the bank's check; nothing was written."
        report.errors = [str(e) for e in outcome.check.errors + outcome.check.caused]
    else:
        report.refused = f"{name} was created meanwhile; choose another name."


@bp.route("/import-gift", methods=["GET", "POST"])
@teacher_required
@reads_first
def import_gift_file() -> tuple[str, int]:
    """The upload form; after an upload, the importer's messages and the new file."""
    form = _form()
    report = ImportReport()
    status = 200
    if form.validate_on_submit():
        name = _target(form)
        if name is not None:
            _run(form, name, report)
        status = 200 if report.saved else 422
    elif form.is_submitted():
        status = 422
    return render_template("editor/import.html", form=form, report=report), status

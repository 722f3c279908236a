"""Topic files in the browser: the list, the editor (save or just check), new files, preview."""

from __future__ import annotations

import random
from collections import Counter
from pathlib import Path

from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user
from werkzeug.wrappers import Response

from ..auth.decorators import teacher_required
from ..bank.editing import (
    BadName,
    Check,
    check_text,
    editable_files,
    error_name,
    file_path,
    normalise,
    read_text,
    text_hash,
)
from ..bank.slugs import slugify
from ..bank.spec import BankError, QuestionSpec
from ..bank.validate import SOURCES_FILE, load_file
from ..bank.webapp import current_bank
from ..database import reads_first
from ..grading import MAX_ANSWER_LENGTH
from ..qtypes import get_type
from ..study.results import sources as cited_sources
from .blueprint import bp
from .diffs import diff_lines
from .forms import NewFileForm, SaveForm, new_file_name
from .operations import Conflict, Invalid, Saved, Unchanged, bank_root, save_file
from .revisions import recent_revisions


def _path_or_404(name: str) -> Path:
    try:
        return file_path(bank_root(), name)
    except BadName:
        abort(404)


def file_questions(name: str) -> tuple[list[QuestionSpec], list[BankError]]:
    """The questions of file ``name`` as on disk, drafts included, or its errors."""
    if name == SOURCES_FILE:
        return [], []
    result = load_file(file_path(bank_root(), name), bank_dir=bank_root(), include_drafts=True)
    if result.bank is None:
        return [], result.errors
    return list(result.bank.questions.values()), []


@bp.get("/files")
@teacher_required
def files() -> tuple[str, int]:
    """Every file of the bank, with its questions and its latest save from the browser."""
    return _files_page(NewFileForm(formdata=None))


def _files_page(form: NewFileForm, status: int = 200) -> tuple[str, int]:
    served = Counter(Path(q.file).name for q in current_bank().questions.values())
    listed = [(p.name, p.stat().st_size, served[p.name]) for p in editable_files(bank_root())]
    page = render_template(
        "editor/files.html", listed=listed, form=form, revisions=recent_revisions(limit=10)
    )
    return page, status


def _new_text(title: str) -> str:
    """A new topic file that passes the validator: one draft question to replace."""
    sources = list(current_bank().sources) or ["todo-set-source"]
    slug = slugify(title, limit=60) or "new-topic"
    return (
        f"topic: {title.strip()!r}\n"
        "questions:\n"
        f"  - id: {slug}-1\n"
        "    type: truefalse\n"
        "    status: draft  # drafts are checked but not served; remove this line to serve it\n"
        "    prompt: 'True or false: replace this with your question.'\n"
        "    answer: true\n"
        "    explanation: Say why the answer is right, citing the article.\n"
        f"    sources: [{sources[0]}]\n"
    )


@bp.get("/new")
@teacher_required
def new_file() -> tuple[str, int] | Response:
    """The editor on a file that does not exist yet; saving it creates the file."""
    form = NewFileForm(request.args)
    if not form.validate():
        return _files_page(form, 422)
    target = new_file_name(form.name)
    if target is None:
        return _files_page(form, 422)
    name, path = target
    if path.exists():
        flash(f"{name} exists already; here it is.", "info")
        return redirect(url_for(".edit", name=name))
    return _editor(name, _new_text(form.title.data), base_hash="", new=True)


def _editor(
    name: str,
    text: str,
    base_hash: str,
    *,
    check: Check | None = None,
    conflict: Conflict | None = None,
    checked: bool = False,
    new: bool = False,
    status: int = 200,
) -> tuple[str, int]:
    """The editor page for ``text``, with the errors, the other version or "no errors"."""
    form = SaveForm(formdata=None, text=text, base_hash=base_hash)
    questions, disk_errors = ([], []) if new else file_questions(name)
    lines = text.split("\n")
    page = render_template(
        "editor/edit.html",
        name=name,
        form=form,
        lines=lines,
        check=check,
        conflict=conflict,
        conflict_diff=diff_lines(conflict.disk, text) if conflict else [],
        checked=checked,
        new=new,
        questions=questions,
        disk_errors=disk_errors,
        revisions=[] if new else recent_revisions(name, limit=5),
    )
    return page, status


@bp.get("/files/<name>")
@teacher_required
def edit(name: str) -> tuple[str, int]:
    """The file's text in a text area, with its hash in a hidden field."""
    path = _path_or_404(name)
    text = read_text(path)
    if text is None:
        abort(404)
    return _editor(name, text, text_hash(text))


@bp.post("/files/<name>")
@teacher_required
@reads_first
def save(name: str) -> tuple[str, int] | Response:
    """Save (or with ``check`` only validate) the text; errors or a conflict write nothing."""
    _path_or_404(name)
    form = SaveForm()
    if not form.validate_on_submit():
        abort(400)
    text = normalise(form.text.data or "")
    base_hash = form.base_hash.data or ""
    if "check" in request.form:
        return _check_only(name, text, base_hash)
    outcome = save_file(name, text, base_hash, current_user.id)
    if isinstance(outcome, Invalid):
        return _editor(name, text, base_hash, check=outcome.check, status=422)
    if isinstance(outcome, Conflict):
        return _editor(name, text, text_hash(outcome.disk), conflict=outcome, status=409)
    if isinstance(outcome, Unchanged):
        flash("Nothing changed: the file already holds this text.", "info")
    elif isinstance(outcome, Saved):
        flash(f"Saved {name}; students get it now.", "success")
        if outcome.bank_errors:
            flash(
                f"Other files still have {outcome.bank_errors} error(s): students get the last"
                " good bank until they are fixed.",
                "warning",
            )
    return redirect(url_for(".edit", name=name))


def _check_only(name: str, text: str, base_hash: str) -> tuple[str, int]:
    check = check_text(bank_root(), name, text)
    return _editor(
        name, text, base_hash, check=check, checked=check.ok, new=not base_hash,
        status=200 if check.ok else 422,
    )  # fmt: skip


@bp.get("/files/<name>/questions/<question_id>")
@teacher_required
def preview(name: str, question_id: str) -> str:
    """One question of the file as a student is asked it (read-only), then its feedback."""
    _path_or_404(name)
    questions, _errors = file_questions(name)
    spec = next((q for q in questions if q.id == question_id), None)
    if spec is None:
        abort(404)
    qtype = get_type(spec.type)
    bank = current_bank()
    return render_template(
        "editor/preview.html",
        name=name,
        spec=spec,
        qtype=qtype,
        display=qtype.display(spec, random.Random(f"preview:{spec.id}")),
        given=None,
        max_answer_length=MAX_ANSWER_LENGTH,
        answer=qtype.answer_text(spec),
        sources=cited_sources(spec, bank),
        file_label=error_name(bank_root(), name),
    )

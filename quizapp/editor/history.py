"""Revisions pages: the list of saves, one save's diff, and reverting it."""

from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask_login import current_user
from werkzeug.wrappers import Response

from ..auth.decorators import teacher_required
from ..bank.editing import BadName, file_path, read_text, text_hash
from ..database import reads_first
from .blueprint import bp
from .diffs import changed_counts, diff_lines
from .forms import RevertForm
from .operations import Conflict, Invalid, Refused, Saved, Unchanged, bank_root, revert
from .revisions import recent_revisions, revision_or_404


@bp.get("/revisions")
@teacher_required
def revisions() -> str:
    """Every save from the browser, newest first; ``?file=people.yaml`` for one file."""
    name = request.args.get("file") or None
    return render_template("editor/revisions.html", rows=recent_revisions(name), name=name)


def _disk_text(name: str) -> str | None:
    try:
        return read_text(file_path(bank_root(), name))
    except BadName:
        return None


def _page(revision_id: int, *, problem: str | None = None, outcome: object = None) -> str:
    row = revision_or_404(revision_id)
    rev = row.revision
    rows = diff_lines(rev.before_text, rev.after_text)
    disk = _disk_text(rev.path)
    return render_template(
        "editor/revision.html",
        row=row,
        diff=rows,
        counts=changed_counts(rows),
        current=disk == rev.after_text,
        exists=disk is not None,
        form=RevertForm(formdata=None, base_hash=text_hash(disk)),
        problem=problem,
        check=outcome.check if isinstance(outcome, Invalid) else None,
    )


@bp.get("/revisions/<int:revision_id>")
@teacher_required
def revision(revision_id: int) -> str:
    """One save: who, when, the diff, and a revert button."""
    return _page(revision_id)


@bp.post("/revisions/<int:revision_id>/revert")
@teacher_required
@reads_first
def revert_revision(revision_id: int) -> tuple[str, int] | Response:
    """Put back the text this save replaced (checked and recorded like any save)."""
    row = revision_or_404(revision_id)
    form = RevertForm()
    if not form.validate_on_submit():
        return _page(revision_id, problem="The form expired; reload the page and try again."), 400
    outcome = revert(row.revision, form.base_hash.data or "", current_user.id)
    if isinstance(outcome, Saved):
        flash(f"Reverted revision {revision_id}; students get it now.", "success")
        return redirect(url_for(".revision", revision_id=outcome.revision_id))
    if isinstance(outcome, Unchanged):
        flash("Nothing changed: the file already holds that text.", "info")
        return redirect(url_for(".revision", revision_id=revision_id))
    if isinstance(outcome, Conflict):
        problem = "The file changed since you opened this page: look again before reverting."
        return _page(revision_id, problem=problem), 409
    if isinstance(outcome, Refused):
        return _page(revision_id, problem=outcome.message), 409
    problem = "The text before this save no longer passes the bank's check; nothing was written."
    return _page(revision_id, problem=problem, outcome=outcome), 422

"""The teacher's assignment pages: list, create, change, the gradebook and its CSV.

Every page looks its class or assignment up through :mod:`.access`: another teacher's is
not found (404).
"""

from __future__ import annotations

from flask import Response, flash, redirect, render_template, url_for
from flask_login import current_user

from ..auth.decorators import teacher_required
from ..bank.webapp import current_bank
from ..classes.queries import classroom_or_404
from ..clock import now
from ..extensions import db
from ..models.card import zone_or_default
from .access import taught_assignment_or_404, taught_classes
from .export import gradebook_lines
from .forms import AssignmentForm
from .gradebook import build_gradebook, common
from .operations import NotPossible, create_assignment, has_started, update_assignment
from .views import bp


@bp.get("/teacher/assignments")
@teacher_required
def index() -> str:
    """The teacher's classes, each with its assignments and "New assignment"."""
    return render_template("assignments/index.html", classes=taught_classes(current_user))


@bp.route("/teacher/classes/<int:classroom_id>/assignments/new", methods=["GET", "POST"])
@teacher_required
def new(classroom_id: int) -> str | Response:
    """Assign work to a class: its questions are drawn once, now."""
    classroom = classroom_or_404(current_user, classroom_id)
    bank = current_bank()
    zone = zone_or_default(classroom.time_zone)
    form = AssignmentForm().setup(bank, zone)
    if form.validate_on_submit():
        try:
            assignment = create_assignment(classroom, form.choice(), bank, now())
        except NotPossible as exc:
            flash(str(exc), "warning")
        else:
            assignment_id = assignment.id
            db.session.commit()
            flash("Assignment saved: the class sees it on their home page.", "success")
            return redirect(url_for(".grid", assignment_id=assignment_id))
    return render_template(
        "assignments/form.html", form=form, classroom=classroom, assignment=None, zone=zone
    )


@bp.route("/teacher/assignments/<int:assignment_id>/edit", methods=["GET", "POST"])
@teacher_required
def edit(assignment_id: int) -> str | Response:
    """Change an assignment; once a student started, only title, times and attempts."""
    assignment = taught_assignment_or_404(current_user, assignment_id)
    bank = current_bank()
    locked = has_started(assignment)
    form = AssignmentForm().setup(bank, assignment.zone, locked)
    if form.validate_on_submit():
        try:
            redrawn = update_assignment(assignment, form.choice(), bank, now())
        except NotPossible as exc:
            flash(str(exc), "warning")
        else:
            db.session.commit()
            flash("Saved; the questions were drawn again." if redrawn else "Saved.", "success")
            return redirect(url_for(".grid", assignment_id=assignment_id))
    elif not form.is_submitted():
        form.fill_from(assignment)
    return render_template(
        "assignments/form.html",
        form=form,
        classroom=assignment.classroom,
        assignment=assignment,
        zone=assignment.zone,
    )


@bp.get("/teacher/assignments/<int:assignment_id>")
@teacher_required
def grid(assignment_id: int) -> str:
    """Students x questions (first answers), completion, average, most missed, misconceptions."""
    assignment = taught_assignment_or_404(current_user, assignment_id)
    book = build_gradebook(assignment, current_bank(), now())
    return render_template("assignments/grid.html", book=book, assignment=assignment, common=common)


@bp.get("/teacher/assignments/<int:assignment_id>/gradebook.csv")
@teacher_required
def gradebook(assignment_id: int) -> Response:
    """The gradebook as CSV (formula-safe cells)."""
    assignment = taught_assignment_or_404(current_user, assignment_id)
    book = build_gradebook(assignment, current_bank(), now())
    filename = f"gradebook-assignment-{assignment.id}.csv"
    return Response(
        "".join(gradebook_lines(book)),  # one row per student: small, built while in session
        mimetype="text/csv",
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )

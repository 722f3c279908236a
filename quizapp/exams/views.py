"""Teacher pages for a class's exam dates: list and add, remove, predicted recall per topic."""

from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, url_for
from flask_login import current_user
from flask_wtf import FlaskForm
from werkzeug.wrappers import Response

from ..auth.decorators import teacher_required
from ..bank.webapp import current_bank
from ..classes.queries import classroom_or_404
from ..clock import now
from ..extensions import db
from ..models import Classroom
from .forms import ExamForm
from .operations import add_exam, remove_exam
from .queries import class_recall, exam_or_404

bp = Blueprint("exams", __name__, url_prefix="/teacher/classes", template_folder="templates")


@bp.route("/<int:classroom_id>/exams")
@teacher_required
def index(classroom_id: int) -> str:
    """The class's exam dates and the form to add one."""
    classroom = classroom_or_404(current_user, classroom_id)
    form = ExamForm.for_class(classroom, current_bank(), now())
    return _page(classroom, form)


@bp.route("/<int:classroom_id>/exams", methods=["POST"])
@teacher_required
def add(classroom_id: int) -> tuple[str, int] | Response:
    """Add an exam date; on bad input the page again with the messages and the input kept."""
    classroom = classroom_or_404(current_user, classroom_id)
    moment = now()
    form = ExamForm.for_class(classroom, current_bank(), moment)
    if not form.validate_on_submit():
        return _page(classroom, form), 400
    exam = add_exam(classroom, form.name.data, form.topics.data, form.exam_on.data, moment)
    db.session.commit()
    flash(f"Exam “{exam.name}” set for {exam.exam_on:%d %B %Y}.", "success")
    return redirect(url_for(".index", classroom_id=classroom.id))


@bp.route("/<int:classroom_id>/exams/<int:exam_id>")
@teacher_required
def show(classroom_id: int, exam_id: int) -> str:
    """The class's predicted recall of each of the exam's topics on exam day."""
    classroom = classroom_or_404(current_user, classroom_id)
    exam = exam_or_404(classroom, exam_id)
    rows = class_recall(classroom, exam, current_bank())
    return render_template("exams/show.html", classroom=classroom, exam=exam, rows=rows)


@bp.route("/<int:classroom_id>/exams/<int:exam_id>/remove", methods=["POST"])
@teacher_required
def remove(classroom_id: int, exam_id: int) -> Response:
    """Remove an exam date (the students' cards keep their dues)."""
    classroom = classroom_or_404(current_user, classroom_id)
    exam = exam_or_404(classroom, exam_id)
    if FlaskForm().validate_on_submit():
        name = exam.name
        remove_exam(exam)
        db.session.commit()
        flash(f"Exam “{name}” removed.", "success")
    else:
        flash("The form expired; please try again.", "warning")
    return redirect(url_for(".index", classroom_id=classroom.id))


def _page(classroom: Classroom, form: ExamForm) -> str:
    """The class's exams page with ``form``."""
    return render_template(
        "exams/index.html", classroom=classroom, form=form, remove_form=FlaskForm(),
        bank=current_bank(), today=form.today,
    )  # fmt: skip

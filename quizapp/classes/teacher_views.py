"""A teacher's classes: the list, a new class, the class page (roster, join code and link),
a new code, removing a student, renaming. Another teacher's class is a 404."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask_login import current_user
from flask_wtf import FlaskForm
from werkzeug.wrappers import Response

from ..auth.decorators import teacher_required
from ..clock import now
from ..extensions import db
from ..models import Classroom, User
from ..srs.cards import settings_for
from ..teacher.students import class_overview
from . import operations as ops
from .codes import show_code, spoken
from .forms import ClassForm
from .queries import class_summaries, classroom_or_404, member_ids

bp = Blueprint("classroom", __name__, url_prefix="/teacher/classes", template_folder="templates")


def _list_page(form: ClassForm) -> str:
    return render_template(
        "classes/teacher_list.html",
        classes=class_summaries(current_user, everyone=True),
        form=form,
    )


@bp.get("")
@teacher_required
def index() -> str:
    """Your classes (every class, for an admin) and the form for a new one."""
    return _list_page(ClassForm.build(time_zone=settings_for(current_user.id).zone))


@bp.post("")
@teacher_required
def create() -> str | Response:
    """Create a class with a fresh join code, then show its page."""
    form = ClassForm.build()
    if not form.validate_on_submit():
        return _list_page(form)
    classroom = ops.create_classroom(current_user.id, form.name.data, form.time_zone.data, now())
    db.session.commit()
    flash(f"Class {classroom.name} created. Give your students its code or link.", "success")
    return redirect(url_for(".show", classroom_id=classroom.id))


def _class_page(classroom: Classroom, form: ClassForm) -> str:
    teacher = db.session.get(User, classroom.teacher_id)
    return render_template(
        "classes/classroom.html",
        classroom=classroom,
        teacher=teacher.username if teacher else "",
        code=show_code(classroom.join_code),
        spoken=spoken(classroom.join_code),
        link=url_for("classes.join_link", code=show_code(classroom.join_code), _external=True),
        roster=class_overview(now(), member_ids(classroom.id)),
        form=form,
        button=FlaskForm(),
    )


@bp.get("/<int:classroom_id>")
@teacher_required
def show(classroom_id: int) -> str:
    """The class page: join code and link, the students with their figures, the settings."""
    classroom = classroom_or_404(current_user, classroom_id)
    return _class_page(classroom, ClassForm.build(obj=classroom))


@bp.post("/<int:classroom_id>")
@teacher_required
def edit(classroom_id: int) -> str | Response:
    """Rename the class or change its time zone."""
    classroom = classroom_or_404(current_user, classroom_id)
    form = ClassForm.build()
    if not form.validate_on_submit():
        return _class_page(classroom, form)
    ops.update_classroom(classroom, form.name.data, form.time_zone.data)
    db.session.commit()
    flash("Class saved.", "success")
    return redirect(url_for(".show", classroom_id=classroom.id))


@bp.post("/<int:classroom_id>/code")
@teacher_required
def rotate(classroom_id: int) -> Response:
    """Make a new join code; the old code and link stop working. Members stay members."""
    classroom = classroom_or_404(current_user, classroom_id)
    if not FlaskForm().validate_on_submit():
        abort(400)
    old = ops.rotate_code(classroom)
    db.session.commit()
    flash(
        f"New code for {classroom.name}: {show_code(classroom.join_code)}. The old code"
        f" {show_code(old)} and its link no longer work; students already in the class stay.",
        "success",
    )
    return redirect(url_for(".show", classroom_id=classroom.id))


@bp.post("/<int:classroom_id>/students/<int:user_id>/remove")
@teacher_required
def remove(classroom_id: int, user_id: int) -> Response:
    """Take a student out of the class; a student who is not in it is not found."""
    classroom = classroom_or_404(current_user, classroom_id)
    if not FlaskForm().validate_on_submit():
        abort(400)
    student = db.session.get(User, user_id)
    if student is None or not ops.remove_member(classroom.id, user_id):
        abort(404)
    db.session.commit()
    flash(
        f"Removed {student.username} from {classroom.name}. Their answers stay theirs. They can"
        " join again with the code: make a new code if they should not.",
        "info",
    )
    return redirect(url_for(".show", classroom_id=classroom.id))

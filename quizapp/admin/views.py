"""Managing teachers (admins only): list teachers and admins, make an account a teacher or a
student again. Admins themselves are made with ``flask users create NAME --admin`` (or are the
first account registered)."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_wtf import FlaskForm
from sqlalchemy import func, select
from werkzeug.wrappers import Response
from wtforms import StringField, SubmitField
from wtforms.validators import DataRequired, Length

from ..auth.decorators import admin_required
from ..auth.operations import TEACHER_OR_STUDENT, AccountError, find_user, set_role
from ..extensions import db
from ..models import Classroom, User
from ..models.user import TEACHER_ROLES

bp = Blueprint("admin", __name__, url_prefix="/admin", template_folder="templates")


class PromoteForm(FlaskForm):
    """The username of an account to make a teacher."""

    username = StringField(
        "Username",
        validators=[DataRequired("Enter the username of the account."), Length(max=64)],
        description="The person registers first; then make their account a teacher here.",
    )
    submit = SubmitField("Make teacher")


def _page(form: PromoteForm) -> str:
    classes = (
        select(Classroom.teacher_id, func.count().label("n"))
        .group_by(Classroom.teacher_id)
        .subquery()
    )
    staff = db.session.execute(
        select(User, func.coalesce(classes.c.n, 0))
        .outerjoin(classes, classes.c.teacher_id == User.id)
        .where(User.role.in_(TEACHER_ROLES))
        .order_by(User.username)
    ).all()
    students = db.session.execute(
        select(func.count()).select_from(User).where(User.role == "student")
    ).scalar_one()
    return render_template(
        "admin/index.html", staff=staff, students=students, form=form, button=FlaskForm()
    )


@bp.get("/")
@admin_required
def index() -> str:
    """Teachers and admins, with their number of classes, and the form to make a teacher."""
    return _page(PromoteForm())


@bp.post("/teachers")
@admin_required
def promote() -> str | Response:
    """Make the account with the typed username a teacher."""
    form = PromoteForm()
    if not form.validate_on_submit():
        return _page(form)
    user = find_user(form.username.data)
    if user is None:
        form.username.errors.append(f"No account is called {form.username.data.strip()!r}.")
        return _page(form)
    if user.is_teacher:
        flash(f"{user.username} is already a {user.role}; nothing changed.", "info")
        return redirect(url_for(".index"))
    set_role(user, "teacher")
    db.session.commit()
    flash(f"{user.username} is now a teacher.", "success")
    return redirect(url_for(".index"))


@bp.post("/users/<int:user_id>/role")
@admin_required
def change_role(user_id: int) -> Response:
    """Make a teacher a student again (or a student a teacher); admins are left alone."""
    if not FlaskForm().validate_on_submit():
        abort(400)
    user = db.get_or_404(User, user_id)
    role = request.form.get("role", "")
    if role not in TEACHER_OR_STUDENT:
        abort(400)
    try:
        set_role(user, role)
    except AccountError as err:
        flash(str(err), "error")
        return redirect(url_for(".index"))
    db.session.commit()
    message = f"{user.username} is now a {role}."
    if role == "student":
        message += " Their classes stay, shown to admins, until they are a teacher again."
    flash(message, "success")
    return redirect(url_for(".index"))

"""A student's classes: the list, joining by code or by link, leaving."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask_login import current_user, login_required
from flask_wtf import FlaskForm
from werkzeug.wrappers import Response

from ..clock import now
from ..extensions import db
from ..models import Classroom, Membership
from . import operations as ops
from .codes import CodeProblem, read_code, show_code
from .forms import JoinForm
from .queries import find_by_code, student_classes

bp = Blueprint("classes", __name__, template_folder="templates")


def _page(form: JoinForm) -> str:
    return render_template(
        "classes/index.html",
        classes=student_classes(current_user.id),
        form=form,
        leave_form=FlaskForm(),
    )


@bp.get("/classes")
@login_required
def index() -> str | Response:
    """The classes you are in, with a Leave button each, and the form to join one by code."""
    if current_user.is_teacher:
        return redirect(url_for("classroom.index"))
    return _page(JoinForm())


@bp.post("/classes/join")
@login_required
def join() -> str | Response:
    """Join the class whose code was typed (or came with a join link); twice changes nothing."""
    form = JoinForm()
    if form.validate_on_submit():
        outcome = ops.join(current_user, form.code.data, now())
        if isinstance(outcome, ops.Joined):
            db.session.commit()
            name = outcome.classroom.name
            if outcome.already:
                flash(f"You are already in {name}; nothing changed.", "info")
            else:
                flash(f"You joined {name}.", "success")
            return redirect(url_for(".index"))
        form.code.errors.append(outcome.message)
    return _page(form)


@bp.post("/classes/<int:classroom_id>/leave")
@login_required
def leave(classroom_id: int) -> Response:
    """Leave one of your classes; a class you are not in is not found."""
    if not FlaskForm().validate_on_submit():
        abort(400)
    classroom = db.session.get(Classroom, classroom_id)
    if classroom is None or not ops.remove_member(classroom_id, current_user.id):
        abort(404)
    db.session.commit()
    flash(
        f"You left {classroom.name}. Your answers and cards stay yours; to come back, ask"
        " your teacher for the class code.",
        "info",
    )
    return redirect(url_for(".index"))


@bp.get("/join/<code>")
@login_required
def join_link(code: str) -> str | tuple[str, int]:
    """A class's join link: which class it is, and a button to join (a GET changes nothing)."""
    typed = read_code(code)
    if isinstance(typed, CodeProblem):
        return render_template("classes/join.html", problem=typed.message), 404
    classroom = find_by_code(typed)
    if classroom is None:
        problem = (
            f"No class has the code {show_code(typed)}. The link may be old: a code stops"
            " working when the teacher makes a new one. Ask your teacher for the current one."
        )
        return render_template("classes/join.html", problem=problem), 404
    already = db.session.execute(
        db.select(Membership.id).filter_by(classroom_id=classroom.id, user_id=current_user.id)
    ).first()
    return render_template(
        "classes/join.html",
        classroom=classroom,
        code=show_code(typed),
        already=already is not None,
        form=JoinForm(),
    )

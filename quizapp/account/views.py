"""The account page (password, my data, delete) and password-reset codes."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, session, url_for
from flask_login import current_user, login_required, login_user, logout_user
from flask_wtf import FlaskForm
from werkzeug.wrappers import Response
from wtforms import PasswordField

from ..auth.decorators import teacher_required
from ..auth.operations import AccountError, change_password
from ..clock import now
from ..extensions import db
from ..models import User
from . import records
from .forms import DeleteAccountForm, PasswordChangeForm, ResetRedeemForm
from .operations import (
    RESET_REFUSED,
    delete_account,
    deletion_problem,
    issue_reset_code,
    may_reset,
    redeem_reset_code,
    usable_reset,
)

bp = Blueprint("account", __name__, url_prefix="/account", template_folder="templates")


def _me() -> User:
    return db.session.get(User, current_user.id)


def _page(password_form: FlaskForm | None = None, delete_form: FlaskForm | None = None) -> str:
    return render_template(
        "account/index.html",
        password_form=password_form or PasswordChangeForm(formdata=None),
        delete_form=delete_form or DeleteAccountForm(formdata=None),
        deletion_problem=deletion_problem(_me()),
    )


def _confirmed(form: FlaskForm, password: PasswordField, wrong: str) -> User | None:
    """The account, when ``form`` is valid and ``password`` holds the account's password;
    else None, with ``wrong`` on the field when the password is the problem."""
    if not form.validate_on_submit():
        return None
    user = _me()
    if user.check_password(password.data):
        return user
    password.errors.append(wrong)
    return None


@bp.route("/")
@login_required
def index() -> str:
    """Change the password, download my data, delete my account."""
    return _page()


@bp.route("/password", methods=["POST"])
@login_required
def password() -> str | Response:
    """A new password; every other session of the account ends, this one goes on."""
    form = PasswordChangeForm()
    user = _confirmed(form, form.current_password, "That is not your current password.")
    if user is None:
        return _page(password_form=form)
    change_password(user, form.new_password.data)
    db.session.commit()
    session.clear()
    login_user(user)  # this browser carries the new session version
    flash("Password changed. You are logged out everywhere else.", "success")
    return redirect(url_for(".index"))


@bp.route("/data.json")
@login_required
def data_json() -> Response:
    """Every record of the account as one JSON file."""
    body = records.as_json(records.personal_records(current_user.id))
    return Response(
        body,
        mimetype="application/json",
        headers={"Content-Disposition": 'attachment; filename="quizapp-my-data.json"'},
    )


@bp.route("/data.zip")
@login_required
def data_zip() -> Response:
    """Every record of the account as CSV files in one ZIP."""
    body = records.as_csv_zip(records.personal_records(current_user.id))
    return Response(
        body,
        mimetype="application/zip",
        headers={"Content-Disposition": 'attachment; filename="quizapp-my-data.zip"'},
    )


@bp.route("/delete", methods=["POST"])
@login_required
def delete() -> str | Response:
    """Delete the account and all its data, after the password is typed again."""
    form = DeleteAccountForm()
    user = _confirmed(form, form.password, "That is not your password.")
    if user is None:
        return _page(delete_form=form)
    try:
        delete_account(user)
    except AccountError as problem:
        form.password.errors.append(str(problem))
        return _page(delete_form=form)
    db.session.commit()
    logout_user()
    session.clear()
    flash("Your account and all its data are deleted.", "info")
    return redirect(url_for("main.index"))


@bp.route("/reset-codes/<int:user_id>", methods=["POST"])
@teacher_required
def new_reset_code(user_id: int) -> str:
    """A teacher makes a one-time code for a student of theirs (404 for anyone else)."""
    if not FlaskForm().validate_on_submit():
        abort(400)
    student = db.session.get(User, user_id)
    actor = _me()
    if student is None or not may_reset(actor, student):
        abort(404)
    code = issue_reset_code(student, actor, now())
    db.session.commit()
    return render_template("account/code.html", student=student, code=code)


@bp.route("/reset", methods=["GET", "POST"])
@bp.route("/reset/<code>", methods=["GET", "POST"])
def reset(code: str = "") -> str | Response:
    """Choose a new password with a code from a teacher."""
    form = ResetRedeemForm()
    if code and usable_reset(code, now()) is None:
        form.form_errors.append(RESET_REFUSED)
    elif form.validate_on_submit():
        typed = code or (form.code.data or "")
        try:
            user = redeem_reset_code(typed, form.new_password.data, now())
        except AccountError as problem:
            form.form_errors.append(str(problem))
        else:
            db.session.commit()
            logout_user()
            session.clear()
            flash(f"New password set for {user.username}. Log in with it.", "success")
            return redirect(url_for("auth.login"))
    return render_template("account/reset.html", form=form, code=code)

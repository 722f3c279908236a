"""Register, log in, log out."""

from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, request, session, url_for
from flask_login import current_user, login_required, login_user, logout_user
from werkzeug.wrappers import Response

from ..clock import now
from ..extensions import db, login_manager
from ..models import User
from . import throttle
from .forms import LoginForm, RegisterForm
from .identity import SessionUser, load_session_user
from .operations import authenticate, end_sessions, register_account
from .rules import safe_next

bp = Blueprint("auth", __name__, url_prefix="/auth", template_folder="templates")


@login_manager.user_loader
def load_user(user_id: str) -> SessionUser | None:
    """Flask-Login hook: the user stored in the session cookie."""
    return load_session_user(user_id)


def _start_session(user: User, remember: bool = False) -> None:
    session.clear()  # no state from before the login survives it (session fixation)
    login_user(user, remember=remember)


def _after_login(next_url: str | None) -> Response:
    return redirect(safe_next(next_url) or url_for("main.index"))


@bp.route("/register", methods=["GET", "POST"])
def register() -> str | Response:
    """Create a student account and log it in."""
    if current_user.is_authenticated:
        return redirect(url_for("main.index"))
    form = RegisterForm()
    if request.method == "GET":
        form.next.data = safe_next(request.args.get("next")) or ""
    if form.validate_on_submit():
        user = register_account(form.username.data, form.password.data)
        db.session.commit()
        _start_session(user)
        if user.is_admin:
            flash(
                f"Welcome, {user.username}! As the first account you are the admin: create"
                " classes on Teacher, and make other accounts teachers on Admin.",
                "success",
            )
        else:
            flash(f"Welcome, {user.username}! Your account is ready.", "success")
        return _after_login(form.next.data)
    return render_template("auth/register.html", form=form)


@bp.route("/login", methods=["GET", "POST"])
def login() -> str | Response | tuple[str, int, dict[str, str]]:
    """Check the password and start a fresh session; 429 while log-ins are throttled."""
    form = LoginForm()
    if request.method == "GET":
        form.next.data = safe_next(request.args.get("next")) or ""
    if form.validate_on_submit():
        moment, address = now(), request.remote_addr
        lockout = throttle.check(form.username.data, address, moment)
        if lockout is not None:
            db.session.commit()
            page = render_template("auth/login.html", form=form, refusal=lockout.message(moment))
            return page, 429, {"Retry-After": str(lockout.seconds_left(moment))}
        user = authenticate(form.username.data, form.password.data)
        if user is None:
            throttle.record_failure(form.username.data, address, moment)
            db.session.commit()
            form.password.errors.append("Wrong username or password.")
        else:
            throttle.record_success(form.username.data)
            _start_session(user, remember=form.remember.data)
            db.session.commit()
            flash("You are logged in.", "success")
            return _after_login(form.next.data)
    return render_template("auth/login.html", form=form)


@bp.route("/logout", methods=["POST"])
@login_required
def logout() -> Response:
    """End this account's sessions on every device, remember cookies included (POST with a
    CSRF token, so no page can log you out)."""
    end_sessions(current_user.id)
    db.session.commit()
    logout_user()
    session.clear()
    flash("You are logged out.", "info")
    return redirect(url_for("main.index"))

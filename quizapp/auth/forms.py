"""Account forms (Flask-WTF adds the CSRF token)."""

from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import BooleanField, HiddenField, PasswordField, StringField, SubmitField
from wtforms.validators import DataRequired, EqualTo, Length, ValidationError

from ..extensions import db
from ..models import User
from .rules import MAX_PASSWORD, normalise_username, password_problem, username_problem


class LoginForm(FlaskForm):
    """Username and password; ``next`` carries the page to return to."""

    username = StringField("Username", validators=[DataRequired(), Length(max=64)])
    password = PasswordField("Password", validators=[DataRequired(), Length(max=MAX_PASSWORD)])
    remember = BooleanField("Keep me logged in on this device")
    next = HiddenField()
    submit = SubmitField("Log in")


class RegisterForm(FlaskForm):
    """A new student account."""

    username = StringField(
        "Username",
        validators=[DataRequired(), Length(max=64)],
        description="3 to 32 characters: a-z, 0-9, _ . -",
    )
    password = PasswordField(
        "Password", validators=[DataRequired()], description="At least 10 characters."
    )
    confirm = PasswordField(
        "Repeat the password",
        validators=[DataRequired(), EqualTo("password", message="The passwords differ.")],
    )
    next = HiddenField()
    submit = SubmitField("Create account")

    def validate_username(self, field: StringField) -> None:
        """Well-formed and not taken (case-insensitively)."""
        name = normalise_username(field.data)
        problem = username_problem(name)
        if problem:
            raise ValidationError(problem)
        if db.session.execute(db.select(User.id).filter_by(username=name)).first():
            raise ValidationError("That username is taken.")

    def validate_password(self, field: PasswordField) -> None:
        """Long enough."""
        problem = password_problem(field.data or "")
        if problem:
            raise ValidationError(problem)

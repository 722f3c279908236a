"""Account forms (Flask-WTF adds the CSRF token)."""

from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import PasswordField, StringField, SubmitField
from wtforms.validators import DataRequired, EqualTo, Length, Optional, ValidationError

from ..auth.rules import MAX_PASSWORD, password_problem


class _NewPassword(FlaskForm):
    """A new password typed twice."""

    new_password = PasswordField(
        "New password",
        validators=[DataRequired(), Length(max=MAX_PASSWORD)],
        description="At least 10 characters.",
    )
    confirm = PasswordField(
        "Repeat the new password",
        validators=[DataRequired(), EqualTo("new_password", message="The passwords differ.")],
    )

    def validate_new_password(self, field: PasswordField) -> None:
        """Long enough."""
        problem = password_problem(field.data or "")
        if problem:
            raise ValidationError(problem)


class PasswordChangeForm(_NewPassword):
    """The current password (so a borrowed, logged-in browser cannot take the account over)."""

    current_password = PasswordField(
        "Current password", validators=[DataRequired(), Length(max=MAX_PASSWORD)]
    )
    submit = SubmitField("Change the password")


class ResetRedeemForm(_NewPassword):
    """A new password chosen with a one-time code from a teacher (typed, or from the link)."""

    code = StringField(
        "Reset code",
        validators=[Optional(), Length(max=64)],
        description="The code your teacher gave you, e.g. K7QD-X2PM-9HTR.",
    )
    submit = SubmitField("Set the new password")


class DeleteAccountForm(FlaskForm):
    """The password again, to confirm deleting everything."""

    password = PasswordField("Your password", validators=[DataRequired(), Length(max=MAX_PASSWORD)])
    submit = SubmitField("Delete my account and all my data")

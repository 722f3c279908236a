"""Class forms (Flask-WTF adds the CSRF token)."""

from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import SelectField, StringField, SubmitField
from wtforms.validators import DataRequired, Length, ValidationError

from ..scheduling import is_valid_timezone, timezone_names

NAME_LENGTH = 80


class ClassForm(FlaskForm):
    """A class's name and time zone (due dates and exam days are read in it)."""

    name = StringField(
        "Class name",
        validators=[
            DataRequired("Give the class a name, e.g. Year 10 economics."),
            Length(max=NAME_LENGTH, message=f"Use at most {NAME_LENGTH} characters."),
        ],
        description="Students see it when they join, e.g. “Year 10 economics, group B”.",
    )
    time_zone = SelectField(
        "Time zone",
        validate_choice=False,
        description="Due dates and exam days of this class are days and times in this zone.",
    )
    submit = SubmitField("Save")

    @classmethod
    def build(cls, **values: object) -> ClassForm:
        """The form with the time zone choices filled in (and ``values`` as defaults)."""
        form = cls(**values)
        form.time_zone.choices = timezone_names()
        return form

    def validate_name(self, field: StringField) -> None:
        """Not only spaces."""
        if not (field.data or "").strip():
            raise ValidationError("Give the class a name, e.g. Year 10 economics.")

    def validate_time_zone(self, field: SelectField) -> None:
        """An IANA zone this server knows."""
        if not is_valid_timezone(field.data or ""):
            raise ValidationError("Choose a time zone from the list, e.g. Europe/Paris.")


class JoinForm(FlaskForm):
    """The code a teacher gave the class."""

    code = StringField(
        "Class code",
        validators=[Length(max=64, message="A class code has 8 characters, like KXMT-47RA.")],
        description="8 letters and digits, e.g. KXMT-47RA; capitals, spaces and dashes"
        " do not matter.",
    )
    submit = SubmitField("Join")

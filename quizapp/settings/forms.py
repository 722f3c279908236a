"""The study settings form."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from flask_wtf import FlaskForm
from wtforms import BooleanField, Field, SelectField, StringField, SubmitField
from wtforms.validators import InputRequired, NumberRange, ValidationError
from wtforms.widgets import TextInput

from ..fields import WholeNumberField
from ..models import UserSettings
from ..scheduling import MAX_RETENTION, MIN_RETENTION, is_valid_timezone, timezone_names

MAX_PER_DAY = 10_000


def parse_percent(text: str) -> Decimal | None:
    """A share typed as a percent or a fraction: "90", "90 %", "0.9" and "0,9" are all 0.90.

    A number above 1 is a percent; None when the text is not a number.
    """
    cleaned = text.strip().removesuffix("%").strip().replace(",", ".")
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        return None
    if not value.is_finite():
        return None
    return value / 100 if value > 1 else value


class PercentField(Field):
    """A 0..1 share typed and shown as a percent (``parse_percent``); 0.9 still works."""

    widget = TextInput()

    def _value(self) -> str:
        if self.raw_data:
            return str(self.raw_data[0])
        return "" if self.data is None else f"{(Decimal(str(self.data)) * 100).normalize():f}"

    def process_formdata(self, valuelist: list[Any]) -> None:
        """Read the typed text; an unreadable one is refused with a clear message."""
        if not valuelist or not str(valuelist[0]).strip():
            self.data = None
            return
        self.data = parse_percent(str(valuelist[0]))
        if self.data is None:
            raise ValueError("Type a percentage, e.g. 90.")


class SettingsForm(FlaskForm):
    """Desired retention, daily limits, the time zone of the day, keyboard shortcuts and
    confidence-based marking."""

    desired_retention = PercentField(
        "Desired retention (%)",
        description=f"The chance of remembering a card when it comes due, {MIN_RETENTION:.0%}"
        f" to {MAX_RETENTION:.0%}: type e.g. 90. Higher means more reviews.",
        validators=[
            InputRequired("Enter a desired retention."),
            NumberRange(
                min=Decimal(str(MIN_RETENTION)),
                max=Decimal(str(MAX_RETENTION)),
                message=f"Desired retention must be between {MIN_RETENTION:.0%}%"
                f" and {MAX_RETENTION:.0%}%.",  # WTForms formats it: %% is one %
            ),
        ],
    )
    new_per_day = WholeNumberField(
        "New cards per day",
        description="How many questions you meet for the first time each day.",
        validators=[
            InputRequired("Enter how many new cards a day."),
            NumberRange(0, MAX_PER_DAY, f"Use a whole number from 0 to {MAX_PER_DAY}."),
        ],
    )
    reviews_per_day = WholeNumberField(
        "Reviews per day",
        description="The most review cards asked each day; missed cards always come back.",
        validators=[
            InputRequired("Enter how many reviews a day."),
            NumberRange(0, MAX_PER_DAY, f"Use a whole number from 0 to {MAX_PER_DAY}."),
        ],
    )
    timezone = SelectField(
        "Time zone",
        description="Your day, for the daily limits and counts, starts at midnight here.",
        validate_choice=False,
    )
    shortcuts = BooleanField(
        "Keyboard shortcuts (1–9, Space, Enter, N)",
        description="Number keys choose answers and rate cards, N goes on; Space and Enter do"
        " the page's main step when no button or field has focus. Switch them off if single"
        " keys get in your way, e.g. with speech input.",
    )
    confidence_marking = BooleanField(
        "Ask how sure I am (confidence-based marking)",
        description="Each question asks “How sure are you?”: Not sure, Fairly sure or"
        " Very sure. A right answer earns 1, 2 or 3 marks; a wrong one 0, −2 or −6."
        " Being honest about doubt pays, and a question you were sure of but got wrong comes back"
        " soon.",
    )
    submit = SubmitField("Save")

    @classmethod
    def for_settings(cls, settings: UserSettings) -> SettingsForm:
        """The form filled with ``settings`` (a GET) or with the posted values."""
        form = cls(obj=settings)
        form.timezone.choices = timezone_names()
        return form

    def validate_timezone(self, field: SelectField) -> None:
        """An IANA zone this server knows."""
        if not is_valid_timezone(field.data or ""):
            raise ValidationError("Choose a time zone from the list, e.g. Europe/Paris.")


class ZoneForm(FlaskForm):
    """The browser's time zone, sent once by the script (``static/app.js``)."""

    zone = StringField("Time zone")

    def validate_zone(self, field: StringField) -> None:
        """An IANA zone this server knows."""
        if not is_valid_timezone(field.data or ""):
            raise ValidationError("Not a time zone this server knows.")

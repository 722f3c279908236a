"""The exam date form: a name, a day after today in the class's time zone, the bank's topics."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from flask_wtf import FlaskForm
from wtforms import DateField, StringField, SubmitField
from wtforms.validators import DataRequired, InputRequired, Length, ValidationError

from ..bank.spec import Bank
from ..models import Classroom
from ..models.card import zone_or_default
from ..scheduling import local_today
from ..study.forms import CheckboxesField

FURTHEST = timedelta(days=2 * 366)
"""How far ahead an exam may be set."""


class ExamForm(FlaskForm):
    """Add an exam date to a class."""

    name = StringField(
        "Name",
        description="What the students see, e.g. “Midterm”.",
        filters=[lambda text: text.strip() if text else text],
        validators=[
            DataRequired("Give the exam a name."),
            Length(max=80, message="Use at most 80 characters."),
        ],
    )
    exam_on = DateField(
        "Exam day",
        description="The day of the exam, in the class's time zone.",
        validators=[InputRequired("Enter the exam day, e.g. 2026-06-15.")],
    )
    topics = CheckboxesField("Topics on the exam", validate_choice=False)
    submit = SubmitField("Add exam date")
    today: date
    classroom: Classroom

    @classmethod
    def for_class(cls, classroom: Classroom, bank: Bank, now: datetime) -> ExamForm:
        """The form for ``classroom``, offering the bank's topics; "today" is the class's."""
        form = cls()
        form.topics.choices = [(key, topic.title) for key, topic in bank.topics.items()]
        form.today = local_today(now, zone_or_default(classroom.time_zone))
        form.classroom = classroom
        return form

    def validate_exam_on(self, field: DateField) -> None:
        """After today in the class's zone (the mode ends when the exam day starts), and not
        further ahead than ``FURTHEST``."""
        day: date | None = field.data
        if day is None:  # not read as a date: wtforms has said so
            return
        if day <= self.today:
            raise ValidationError(
                f"The exam day must be after today ({self.today:%d %B %Y} in the class's"
                " time zone)."
            )
        if day > self.today + FURTHEST:
            raise ValidationError("Set an exam at most two years ahead.")

    def validate_topics(self, field: CheckboxesField) -> None:
        """One topic at least, each one of the bank's, and no other exam ahead of the class on
        the same topics (one exam per topic set)."""
        picked = list(dict.fromkeys(field.data or []))
        if not picked:
            raise ValidationError("Choose at least one topic.")
        known = {key for key, _ in field.choices}
        unknown = [key for key in picked if key not in known]
        if unknown:
            raise ValidationError(f"Unknown topic {unknown[0]!r}: choose the topics from the list.")
        field.data = picked
        for exam in self.classroom.exams:
            if exam.exam_on > self.today and set(exam.topics) == set(picked):
                raise ValidationError(
                    f"This class already has an exam on these topics ({exam.name}, "
                    f"{exam.exam_on:%d %B %Y}); remove it first to set another day."
                )

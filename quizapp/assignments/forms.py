"""The teacher's assignment form, and the student's "Start" form."""

from __future__ import annotations

import re
from datetime import datetime

from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    DateTimeLocalField,
    HiddenField,
    RadioField,
    SelectChoice,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.validators import (
    DataRequired,
    InputRequired,
    Length,
    NumberRange,
    Optional,
    ValidationError,
)

from ..bank.spec import Bank
from ..fields import WholeNumberField
from ..models import Assignment
from ..study.forms import CheckboxesField, clean_start_token
from ..study.operations import new_start_token
from .operations import AssignmentChoice, missing_questions
from .times import INPUT_FORMAT, from_class_clock, to_class_clock

MAX_QUESTIONS = 200
"""The most questions one assignment asks."""
REVEAL_LABELS = [
    SelectChoice("each", "After each answer (practice)"),
    SelectChoice("after_due", "Only after the due date (a test: no marks or answers before)"),
]
SOURCES = [
    SelectChoice("topics", "Draw questions from topics"),
    SelectChoice("questions", "These questions (ids)"),
]
TIME_FORMATS = [INPUT_FORMAT, "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%S"]
TIME_MESSAGE = "Enter a date and time like 2026-03-09 17:00."
_ID_SEPARATORS = re.compile(r"[\s,;]+")


def split_ids(text: str | None) -> list[str]:
    """Question ids typed one per line or separated by commas, spaces or semicolons."""
    return [part for part in _ID_SEPARATORS.split(text or "") if part]


class ClassTimeField(DateTimeLocalField):
    """A date and time on the class's clock; an unreadable one says what to type."""

    def process_formdata(self, valuelist: list[str]) -> None:
        """Read the input, with :data:`TIME_MESSAGE` for what cannot be read."""
        try:
            super().process_formdata(valuelist)
        except ValueError as exc:
            raise ValueError(TIME_MESSAGE) from exc


class AssignmentForm(FlaskForm):
    """Title, questions, open and due times (on the class's clock), attempts and reveal."""

    title = StringField(
        "Title",
        filters=[lambda text: text.strip() if text else text],
        validators=[DataRequired("Give the assignment a title."), Length(max=120)],
    )
    source = RadioField("Questions", choices=SOURCES, default="topics")
    topics = CheckboxesField("Topics")
    count = WholeNumberField(
        "How many questions",
        default=10,
        validators=[Optional(), NumberRange(1, MAX_QUESTIONS)],
    )
    question_ids = TextAreaField(
        "Question ids (one per line)", validators=[Length(max=MAX_QUESTIONS * 81)]
    )
    opens_at = ClassTimeField(
        "Opens", format=TIME_FORMATS, validators=[InputRequired(TIME_MESSAGE)]
    )
    due_at = ClassTimeField("Due", format=TIME_FORMATS, validators=[InputRequired(TIME_MESSAGE)])
    attempts_allowed = WholeNumberField(
        "Attempts allowed (0: no limit)",
        default=1,
        validators=[InputRequired(), NumberRange(0, 20)],
    )
    reveal = RadioField("Show right answers", choices=REVEAL_LABELS, default="each")
    confidence_marking = BooleanField('Ask "How sure are you?" (confidence-based marking)')
    submit = SubmitField("Save")

    def setup(self, bank: Bank, zone: str, locked: bool = False) -> AssignmentForm:
        """Fill the choices from the bank; ``zone``: the class's; ``locked``: questions fixed."""
        self.zone = zone
        self.locked = locked
        self.bank = bank
        self.topics.choices = [
            SelectChoice(key, f"{topic.title} ({len(topic.questions)})")
            for key, topic in bank.topics.items()
        ]
        for field in (self.opens_at, self.due_at):
            field.render_kw = {"placeholder": "2026-03-09 17:00"}
        return self

    def fill_from(self, assignment: Assignment) -> None:
        """Show ``assignment``'s values (a GET of the edit page)."""
        zone = assignment.zone
        self.title.data = assignment.title
        self.source.data = "topics" if assignment.topics else "questions"
        self.topics.data = list(assignment.topics)
        self.count.data = len(assignment.question_ids)
        self.question_ids.data = "\n".join(assignment.question_ids)
        self.opens_at.data = to_class_clock(assignment.opens_at, zone)
        self.due_at.data = to_class_clock(assignment.due_at, zone)
        self.attempts_allowed.data = assignment.attempts_allowed
        self.reveal.data = assignment.reveal
        self.confidence_marking.data = assignment.confidence_marking

    def _moment(self, field: DateTimeLocalField) -> datetime:
        moment = from_class_clock(field.data, self.zone)
        if moment is None:
            raise ValidationError(
                f"That time does not exist in {self.zone} (the clocks go forward then)."
            )
        return moment

    def validate_opens_at(self, field: DateTimeLocalField) -> None:
        """A time that exists on the class's clock."""
        if field.data is not None:  # None: unreadable, already said
            self._moment(field)

    def validate_due_at(self, field: DateTimeLocalField) -> None:
        """A time that exists on the class's clock, after the open time."""
        if field.data is None:
            return
        due = self._moment(field)
        if self.opens_at.data is not None:
            opens = from_class_clock(self.opens_at.data, self.zone)
            if opens is not None and due <= opens:
                raise ValidationError("The due time must be after the open time.")

    def validate_topics(self, field: CheckboxesField) -> None:
        """At least one topic when drawing from topics."""
        if not self.locked and self.source.data == "topics" and not field.data:
            raise ValidationError("Choose at least one topic.")

    def validate_count(self, field: WholeNumberField) -> None:
        """A number when drawing from topics."""
        if not self.locked and self.source.data == "topics" and field.data is None:
            raise ValidationError(f"Enter how many questions, 1 to {MAX_QUESTIONS}.")

    def validate_question_ids(self, field: TextAreaField) -> None:
        """Hand-picked ids: at least one, each served by the bank."""
        if self.locked or self.source.data != "questions":
            return
        ids = split_ids(field.data)
        if not ids:
            raise ValidationError("List at least one question id.")
        if len(set(ids)) > MAX_QUESTIONS:
            raise ValidationError(f"At most {MAX_QUESTIONS} questions.")
        if missing := missing_questions(ids, self.bank):
            raise ValidationError(
                "Not in the question bank: " + ", ".join(missing[:10]) + ". Check the ids on "
                "Question statistics (a deleted question cannot be assigned)."
            )

    def choice(self) -> AssignmentChoice:
        """The validated form as an :class:`AssignmentChoice` (times in UTC)."""
        hand_picked = self.source.data == "questions"
        return AssignmentChoice(
            title=self.title.data,
            opens_at=self._moment(self.opens_at),
            due_at=self._moment(self.due_at),
            attempts_allowed=self.attempts_allowed.data,
            reveal=self.reveal.data,
            confidence_marking=bool(self.confidence_marking.data),
            topics=() if hand_picked else tuple(self.topics.data or ()),
            count=self.count.data or 10,
            question_ids=tuple(split_ids(self.question_ids.data)) if hand_picked else (),
        )


class StartForm(FlaskForm):
    """The student's "Start" button; its token makes a double click start one try."""

    start_token = HiddenField(filters=[clean_start_token])

    @classmethod
    def fresh(cls) -> StartForm:
        """A form with a new token, for a page."""
        form = cls()
        form.start_token.data = new_start_token()
        return form

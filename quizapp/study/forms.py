"""Forms of the study pages: choosing a quiz, and the envelope around an answer.

The answer fields themselves belong to the question type (``qtype.parse_form``); the
``AnswerForm`` only says which slot the answer is for. (Its CSRF token is checked by the
app-wide ``CSRFProtect`` before the view runs, like every POST's.)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from flask_wtf import FlaskForm
from werkzeug.datastructures import MultiDict
from wtforms import (
    Form,
    HiddenField,
    RadioField,
    SelectChoice,
    SelectMultipleField,
    SubmitField,
)
from wtforms.validators import InputRequired, Length, NumberRange, ValidationError
from wtforms.widgets import CheckboxInput, HiddenInput, ListWidget

from ..bank.spec import Bank, QuestionSpec
from ..fields import WholeNumberField
from ..grading import MAX_ANSWER_LENGTH
from ..qtypes import Unreadable, get_type
from .modes import get_mode, listed_modes
from .operations import new_start_token

START_TOKEN = re.compile(r"[A-Za-z0-9_-]{1,32}")


def clean_start_token(value: str | None) -> str | None:
    """A start token as sent, or None when it is missing or not one of ours (then the form
    still starts a quiz; it just cannot recognise being sent twice)."""
    return value if value and START_TOKEN.fullmatch(value) else None


LENGTHS = [SelectChoice("5"), SelectChoice("10"), SelectChoice("20"), SelectChoice("all", "All")]


class CheckboxesField(SelectMultipleField):
    """Several choices as checkboxes."""

    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


class StudyForm(FlaskForm):
    """What to study: a mode, the topics and how many questions."""

    mode = RadioField("What to study", default="topics", validators=[InputRequired()])
    topics = CheckboxesField("Topics")
    length = RadioField("How many questions", choices=LENGTHS, default="10")
    start_token = HiddenField(filters=[clean_start_token])
    submit = SubmitField("Start")

    @classmethod
    def for_bank(cls, bank: Bank) -> StudyForm:
        """The form with the bank's topics and the listed modes; every topic ticked at first."""
        form = cls()
        form.mode.choices = [SelectChoice(m.name, m.label) for m in listed_modes()]
        form.topics.choices = [
            SelectChoice(key, f"{topic.title} ({len(topic.questions)})")
            for key, topic in bank.topics.items()
        ]
        if not form.is_submitted():
            form.topics.data = list(bank.topics)
            form.start_token.data = new_start_token()
        return form

    def validate_topics(self, field: CheckboxesField) -> None:
        """At least one topic, when the mode uses topics."""
        mode = get_mode(self.mode.data or "")
        if mode is not None and mode.uses_topics and not field.data:
            raise ValidationError("Choose at least one topic.")

    @property
    def question_count(self) -> int | None:
        """The chosen length as a number; None for all."""
        return None if self.length.data == "all" else int(self.length.data or 10)


class RetryForm(FlaskForm):
    """Start a quiz of the questions missed; its token makes a double click start one."""

    start_token = HiddenField(filters=[clean_start_token])

    @classmethod
    def fresh(cls) -> RetryForm:
        """The form as the results page shows it, with a new token."""
        form = cls()
        if not form.is_submitted():
            form.start_token.data = new_start_token()
        return form


class AnswerForm(Form):
    """Which slot of the quiz an answer is for (the answer fields are the type's).

    A plain WTForms form: a ``FlaskForm`` would check the CSRF token a second time.
    """

    position = WholeNumberField(
        widget=HiddenInput(), validators=[InputRequired(), NumberRange(min=0, max=100_000)]
    )
    question_id = HiddenField(validators=[InputRequired(), Length(max=80)])


@dataclass(frozen=True)
class AnswerProblem:
    """Why an answer is asked again instead of graded, and the HTTP status to answer with."""

    message: str
    status: int


EMPTY = AnswerProblem("Please answer the question before checking.", 200)
TOO_LONG = AnswerProblem(
    f"That answer is too long: answers have at most {MAX_ANSWER_LENGTH} characters. "
    "Nothing was recorded; please shorten it.",
    400,
)


NO_CONFIDENCE = AnswerProblem(
    "Please choose how sure you are (1 Not sure, 2 Fairly sure, 3 Very sure) before checking. "
    "Nothing was recorded.",
    200,
)


def read_confidence(form: MultiDict[str, str]) -> int | None:
    """The "How sure are you?" level sent, 1..3; None when none (or no level) was chosen."""
    value = form.get("confidence", "")
    return int(value) if value in ("1", "2", "3") else None


@dataclass(frozen=True)
class ReadAnswer:
    """A submitted answer: as sent, as its question type read it, or why it is asked again.

    ``given`` is JSON-able (stored as the attempt's raw answer, shown again with a problem);
    ``parsed`` is what ``qtype.read`` made of it (an amount, a date), handed to ``qtype.grade``
    so the answer is read once.
    """

    given: Any
    parsed: Any = None
    problem: AnswerProblem | None = None


def read_answer(
    form: MultiDict[str, str], spec: QuestionSpec, display: dict[str, Any]
) -> ReadAnswer:
    """The submitted answer, as the question type reads it, or the problem that stops grading."""
    qtype = get_type(spec.type)
    answer = qtype.parse_form(form, spec, display)
    if any(len(value) > MAX_ANSWER_LENGTH for _, value in form.items(multi=True)):
        return ReadAnswer(answer, problem=TOO_LONG)
    if qtype.is_empty(answer):
        return ReadAnswer(answer, problem=EMPTY)
    parsed = qtype.read(spec, answer)
    if isinstance(parsed, Unreadable):
        return ReadAnswer(answer, problem=AnswerProblem(parsed.message, 200))
    return ReadAnswer(answer, parsed)

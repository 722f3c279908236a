"""The editor's forms (Flask-WTF adds the CSRF token to each)."""

from __future__ import annotations

from pathlib import Path

from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired
from wtforms import Field, HiddenField, SelectMultipleField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length

from ..bank.editing import NAME_HELP, BadName, file_path
from .operations import bank_root


class SaveForm(FlaskForm):
    """A bank file's text and the hash of the file as it was when the page was opened."""

    text = TextAreaField("YAML text")
    base_hash = HiddenField()


class NewFileForm(FlaskForm):
    """A new topic file: its file name and its title (sent with GET: nothing is written yet)."""

    class Meta:
        csrf = False

    name = StringField(
        "File name", validators=[DataRequired(), Length(max=90)], description=NAME_HELP
    )
    title = StringField(
        "Topic title",
        validators=[DataRequired(), Length(max=200)],
        description="What students see in the topic list, e.g. 'Founders and people'",
    )


class RevertForm(FlaskForm):
    """Revert one revision; the hash of the file as the page showed it."""

    base_hash = HiddenField()


class ImportForm(FlaskForm):
    """A GIFT file to import into a new topic file."""

    gift = FileField("GIFT file", validators=[FileRequired("Choose a GIFT file (.txt or .gift).")])
    name = StringField(
        "New topic file", validators=[DataRequired(), Length(max=90)], description=NAME_HELP
    )
    sources = SelectMultipleField(
        "Sources the questions cite",
        choices=[],
        description="Questions without a known source are imported as drafts.",
    )


def new_file_name(field: Field) -> tuple[str, Path] | None:
    """The file name typed in ``field`` (``.yaml`` added when it has no suffix) and its path in
    the bank folder, or None with the reason on the field."""
    name = field.data.strip()
    if not name.endswith((".yaml", ".yml")):
        name += ".yaml"
    try:
        return name, file_path(bank_root(), name)
    except BadName as exc:
        field.errors = [str(exc)]
        return None

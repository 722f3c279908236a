"""Convert a Moodle or Aiken file into a topic file on the bank page (teachers only).

The upload is converted in memory and shown: the questions as YAML to save under
``questions/``, and every problem with its line. Nothing is written on the server; the
command line's ``flask bank import`` writes the file after ``bank check``.
"""

from __future__ import annotations

from pathlib import PurePath
from typing import Any

from flask import render_template
from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired
from wtforms import SelectField
from wtforms.fields.choices import SelectChoice

from ..auth.decorators import teacher_required
from ..bank.slugs import slugify
from ..bank.webapp import current_bank
from ..exchange import IMPORT_FORMATS, import_bank_file
from .views import bp


class ImportForm(FlaskForm):
    """A file and its format."""

    fmt = SelectField(
        "Format", choices=[SelectChoice(name, label) for name, label in IMPORT_FORMATS.items()]
    )
    file = FileField("File", validators=[FileRequired("Choose a file to convert.")])


@bp.context_processor
def import_form() -> dict[str, Any]:
    """The bank page's import form."""
    return {"import_form": ImportForm()}


@bp.route("/bank/import", methods=["POST"])
@teacher_required
def import_bank() -> tuple[str, int] | str:
    """Convert the uploaded file; show the YAML and the problems (400 when the form is bad)."""
    form = ImportForm()
    if not form.validate_on_submit():
        return render_template("teacher/import.html", form=form, result=None), 400
    upload = form.file.data
    name = PurePath(upload.filename or "imported").name
    bank = current_bank()
    result = import_bank_file(
        upload.read(), form.fmt.data, topic=PurePath(name).stem.replace("_", " ").capitalize(),
        known_sources=bank.sources, taken_ids=set(bank.questions), origin=name,
    )  # fmt: skip
    target = f"questions/{slugify(PurePath(name).stem, 40) or 'imported'}.yaml"
    return render_template("teacher/import.html", form=form, result=result, name=name,
                           target=target)  # fmt: skip

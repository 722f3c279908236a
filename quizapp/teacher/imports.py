"""Convert a Moodle or Aiken file into a topic file on the bank page (teachers only).

The upload is converted in memory. **Show** renders the questions as YAML to save under
``questions/`` and every problem with its line; **Download** sends the same topic file as a
``.yaml`` attachment (what was left out is listed in its header comments). A file with no
importable question is shown with its problems instead of downloaded empty. Nothing is
written on the server; the command line's ``flask bank import`` writes the file after
``bank check``.
"""

from __future__ import annotations

from io import BytesIO
from pathlib import PurePath
from typing import Any

from flask import render_template, send_file
from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired
from werkzeug.wrappers import Response
from wtforms import SelectField, SubmitField
from wtforms.fields.choices import SelectChoice

from ..auth.decorators import teacher_required
from ..bank.slugs import slugify
from ..bank.webapp import current_bank
from ..exchange import IMPORT_FORMATS, import_bank_file
from .views import bp

YAML_MIMETYPE = "application/yaml"
"""The media type registered for YAML (RFC 9512)."""


class ImportForm(FlaskForm):
    """A file, its format, and what to do with the conversion."""

    fmt = SelectField(
        "Format", choices=[SelectChoice(name, label) for name, label in IMPORT_FORMATS.items()]
    )
    file = FileField("File", validators=[FileRequired("Choose a file to convert.")])
    show = SubmitField("Convert and show")
    download = SubmitField("Convert and download the .yaml")


@bp.context_processor
def import_form() -> dict[str, Any]:
    """The bank page's import form, empty: it never reads the request (an error page for a
    request too large to read renders this too)."""
    return {"import_form": ImportForm(formdata=None)}


@bp.route("/bank/import", methods=["POST"])
@teacher_required
def import_bank() -> Response | tuple[str, int] | str:
    """Convert the uploaded file; show or download the topic file (400 when the form is bad)."""
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
    target = f"{slugify(PurePath(name).stem, 40) or 'imported'}.yaml"
    if form.download.data and result.questions:
        return send_file(
            BytesIO(result.yaml.encode("utf-8")), mimetype=YAML_MIMETYPE, as_attachment=True,
            download_name=target, max_age=0,
        )  # fmt: skip
    return render_template("teacher/import.html", form=form, result=result, name=name,
                           target=f"questions/{target}")  # fmt: skip

"""Download the served bank as Anki, GIFT, Moodle XML or CSV (teachers only).

What GIFT and Moodle XML cannot express is written into the file itself as comments, since a
download has no stderr; ``flask bank export`` lists the same on the command line.
"""

from __future__ import annotations

from io import BytesIO
from typing import Any

from flask import abort, send_file
from werkzeug.wrappers import Response

from ..auth.decorators import teacher_required
from ..bank.webapp import current_bank
from ..exchange import FORMATS, export_bank
from .views import bp


@bp.context_processor
def export_formats() -> dict[str, Any]:
    """The formats the bank page offers for download."""
    return {"export_formats": list(FORMATS.values())}


@bp.route("/bank/export/<fmt>")
@teacher_required
def export_bank_file(fmt: str) -> Response:
    """The served bank (drafts left out) as a file in format ``fmt``."""
    if fmt not in FORMATS:
        abort(404)
    export = export_bank(current_bank(), fmt)
    return send_file(
        BytesIO(export.content),
        mimetype=FORMATS[fmt].mimetype,
        as_attachment=True,
        download_name=FORMATS[fmt].filename,
        max_age=0,
    )

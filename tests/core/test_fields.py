"""The shared whole-number field: a number too long is refused with a message, not a 500."""

from __future__ import annotations

import pytest
from werkzeug.datastructures import MultiDict
from wtforms import Form
from wtforms.validators import NumberRange

from quizapp.fields import MAX_DIGITS, TOO_LONG, WholeNumberField


class Counted(Form):
    count = WholeNumberField(validators=[NumberRange(0, 100)])


@pytest.mark.parametrize(
    ("typed", "data", "error"),
    [
        ("42", 42, None),
        (" 7 ", 7, None),
        ("1" * MAX_DIGITS, int("1" * MAX_DIGITS), "Number must be between 0 and 100."),
        ("1" * (MAX_DIGITS + 1), None, TOO_LONG),
        ("9" * 400, None, TOO_LONG),
        ("-" + "9" * 400, None, TOO_LONG),
        ("2.5", None, "Not a valid integer value."),
    ],
)
def test_whole_numbers_and_numbers_too_long(
    typed: str, data: int | None, error: str | None
) -> None:
    form = Counted(MultiDict({"count": typed}))
    assert form.validate() is (error is None)
    assert form.count.data == data
    if error:
        assert error in form.count.errors

"""Form fields shared by every form of the app."""

from __future__ import annotations

from typing import Any

from wtforms import IntegerField

MAX_DIGITS = 15
"""More digits than any count, position or limit of the app needs, and few enough for a float."""
TOO_LONG = "That number has too many digits."


class WholeNumberField(IntegerField):
    """An ``IntegerField`` that refuses a number of more than ``MAX_DIGITS`` digits with a
    message, as it refuses text. wtforms' ``NumberRange`` compares the number as a float
    (``math.isnan``), which raises ``OverflowError`` on a 400-digit integer: a 500 instead of
    "Use a whole number from 0 to 9999."."""

    def process_formdata(self, valuelist: list[Any]) -> None:
        if valuelist and len(str(valuelist[0]).strip().lstrip("+-")) > MAX_DIGITS:
            self.data = None
            raise ValueError(TOO_LONG)
        super().process_formdata(valuelist)

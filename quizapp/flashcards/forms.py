"""The rating form under a flipped flashcard."""

from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms.validators import InputRequired, NumberRange
from wtforms.widgets import HiddenInput

from ..fields import WholeNumberField
from ..scheduling import Rating


class RatingForm(FlaskForm):
    """Which button was pressed (1 Again .. 4 Easy) and the card's rep count when shown.

    A form sent without a button (Space, or Enter in some browsers) rates Good: the default.
    ``reps`` lets a re-sent form be recognised instead of rating the card twice.
    """

    rating = WholeNumberField(default=int(Rating.Good), validators=[NumberRange(1, 4)])
    reps = WholeNumberField(
        widget=HiddenInput(), validators=[InputRequired(), NumberRange(min=0, max=10**9)]
    )

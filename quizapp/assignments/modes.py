"""The study mode of an assignment's tries: listed nowhere, started from the assignment page."""

from __future__ import annotations

from ..study.modes import Mode, register_mode
from .operations import ASSIGNMENT_MODE

ASSIGNMENT = register_mode(
    Mode(ASSIGNMENT_MODE, "Assignment", "A try at work your teacher assigned.", uses_topics=False)
)

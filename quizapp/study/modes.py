"""Study modes: the ways a quiz picks its questions.

A quiz's ``mode`` names a :class:`Mode` registered here. The study page offers every
*listed* mode as a choice; starting one calls its ``draw`` to pick the question ids. Spaced
repetition (``review/modes.py``) adds its modes the same way::

    register_mode(Mode("review", "Review due", "Cards that are due, oldest first.", draw_due))

A mode without ``draw`` (``retry``) cannot be started from the study page; its quizzes are
made by an operation (``operations.retry_missed``).
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from ..bank.spec import Bank


@dataclass(frozen=True)
class DrawRequest:
    """What a mode may look at to pick a quiz's questions."""

    user_id: int
    bank: Bank
    topics: tuple[str, ...]
    length: int | None
    """How many questions; None for all."""
    rng: random.Random
    now: datetime


Draw = Callable[[DrawRequest], list[str]]


@dataclass(frozen=True)
class Mode:
    """A way to study: its name (stored in ``Quiz.mode``), label and question picker.

    ``uses_topics`` says whether the study page's topic and length choices apply to it.
    """

    name: str
    label: str
    description: str
    draw: Draw | None = None
    uses_topics: bool = True


MODES: dict[str, Mode] = {}


def register_mode(mode: Mode) -> Mode:
    """Add (or replace) a mode; listed modes appear on the study page in registration order."""
    MODES[mode.name] = mode
    return mode


def get_mode(name: str) -> Mode | None:
    """The mode called ``name``, or None."""
    return MODES.get(name)


def listed_modes() -> list[Mode]:
    """The modes a student can start from the study page."""
    return [mode for mode in MODES.values() if mode.draw is not None]


def mode_label(name: str) -> str:
    """The label of a mode for people; the name itself for a mode no longer registered."""
    mode = MODES.get(name)
    return mode.label if mode else name


def draw_new(request: DrawRequest) -> list[str]:
    """Served questions of the chosen topics, in random order, none twice, at most ``length``."""
    ids = [
        question.id
        for key in request.topics
        if key in request.bank.topics
        for question in request.bank.topics[key].questions
    ]
    ids = list(dict.fromkeys(ids))
    count = len(ids) if request.length is None else min(request.length, len(ids))
    return request.rng.sample(ids, count)


TOPICS = register_mode(
    Mode("topics", "New quiz", "Questions from the topics you choose, in random order.", draw_new)
)
RETRY = register_mode(Mode("retry", "Retry missed", "The questions missed in an earlier quiz."))

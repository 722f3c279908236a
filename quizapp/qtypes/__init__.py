"""The registry of question types: one small module per type (YAML schema, display, grading).

``get_type("choice")`` returns the registered ``QuestionType`` instance; views, templates and
the bank validator look a type up here instead of branching on its name.
"""

from __future__ import annotations

from typing import TypeVar

from .base import Grade, Part, QuestionType, Unreadable

T = TypeVar("T", bound=type[QuestionType])

REGISTRY: dict[str, QuestionType] = {}


def register(cls: T) -> T:
    """Class decorator: register one instance of ``cls`` under ``cls.name``."""
    REGISTRY[cls.name] = cls()
    return cls


def get_type(name: str) -> QuestionType:
    """The question type called ``name``; KeyError when there is none."""
    try:
        return REGISTRY[name]
    except KeyError:
        raise KeyError(f"unknown question type {name!r}") from None


# The type modules register themselves on import.
from . import choice, cloze, date, match, multi, numeric, order, short, truefalse  # noqa: E402

__all__ = [
    "REGISTRY",
    "Grade",
    "QuestionType",
    "choice",
    "cloze",
    "date",
    "get_type",
    "match",
    "multi",
    "numeric",
    "order",
    "Part",
    "register",
    "short",
    "truefalse",
    "Unreadable",
]

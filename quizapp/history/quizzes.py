"""The quiz list's rows: when, which topics, score and duration, ready for the template."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from ..models import Quiz
from ..presentation import format_duration
from ..study.scoring import QuizTally, tally
from .queries import QuizScore

__all__ = ["QuizRow", "quiz_rows", "quiz_state", "topics_text"]

NO_SCORE = QuizScore(tally((), ()), None)
"""A quiz with no answer counted (none given, or its score hidden until a test's due date)."""


def quiz_state(quiz: Quiz, now: datetime) -> str:
    """ "" for a finished quiz, else "unfinished", or "abandoned" once left a day."""
    if quiz.finished:
        return ""
    return "abandoned" if quiz.abandoned(now) else "unfinished"


def topics_text(keys: Iterable[str], titles: Mapping[str, str]) -> str:
    """The quiz's topics by title; "All topics" when it names none."""
    names = [titles.get(key, key) for key in keys]
    return ", ".join(names) if names else "All topics"


@dataclass(frozen=True)
class QuizRow:
    """One line of the quiz list."""

    quiz: Quiz
    started: datetime
    topics: str
    score: QuizTally
    duration: str
    state: str
    """"" when finished, else "unfinished" or "abandoned" (``Quiz.abandoned``)."""


def quiz_rows(
    quizzes: Iterable[Quiz],
    scores: Mapping[int, QuizScore],
    titles: Mapping[str, str],
    tz_name: str,
    now: datetime,
) -> list[QuizRow]:
    """Rows for `quizzes`, times in the user's zone; the time taken as on the end page."""
    zone = ZoneInfo(tz_name)
    rows = []
    for quiz in quizzes:
        score = scores.get(quiz.id, NO_SCORE)
        rows.append(
            QuizRow(
                quiz=quiz,
                started=quiz.started_at.astimezone(zone),
                topics=topics_text(quiz.topics or [], titles),
                score=score.tally,
                duration=format_duration(score.time_taken_ms),
                state=quiz_state(quiz, now),
            )
        )
    return rows

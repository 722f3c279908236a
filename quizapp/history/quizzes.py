"""The quiz list's rows: when, which topics, score and duration, ready for the template."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from ..models import Quiz
from ..presentation import format_duration
from .queries import QuizScore

__all__ = ["QuizRow", "quiz_rows", "topics_text"]

NO_SCORE = QuizScore(0, 0.0, None)


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
    score: QuizScore
    duration: str


def quiz_rows(
    quizzes: Iterable[Quiz],
    scores: Mapping[int, QuizScore],
    titles: Mapping[str, str],
    tz_name: str,
) -> list[QuizRow]:
    """Rows for `quizzes`, times in the user's zone; durations run to the end or last answer."""
    zone = ZoneInfo(tz_name)
    rows = []
    for quiz in quizzes:
        score = scores.get(quiz.id, NO_SCORE)
        end = quiz.finished_at or score.last_answer_at
        seconds = (end - quiz.started_at).total_seconds() if end else None
        rows.append(
            QuizRow(
                quiz=quiz,
                started=quiz.started_at.astimezone(zone),
                topics=topics_text(quiz.topics or [], titles),
                score=score,
                duration=format_duration(
                    None if seconds is None or seconds < 0 else round(seconds * 1000)
                ),
            )
        )
    return rows

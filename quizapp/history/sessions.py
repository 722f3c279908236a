"""The session list's rows: when, which topics, score and duration, ready for the template."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from ..models import QuizSession
from ..presentation import format_duration
from .queries import SessionScore

__all__ = ["SessionRow", "session_rows", "topics_text"]

NO_SCORE = SessionScore(0, 0.0, None)


def topics_text(keys: Iterable[str], titles: Mapping[str, str]) -> str:
    """The session's topics by title; "All topics" when it names none."""
    names = [titles.get(key, key) for key in keys]
    return ", ".join(names) if names else "All topics"


@dataclass(frozen=True)
class SessionRow:
    """One line of the session list."""

    session: QuizSession
    started: datetime
    topics: str
    score: SessionScore
    duration: str


def session_rows(
    sessions: Iterable[QuizSession],
    scores: Mapping[int, SessionScore],
    titles: Mapping[str, str],
    tz_name: str,
) -> list[SessionRow]:
    """Rows for `sessions`, times in the user's zone; durations run to the end or last answer."""
    zone = ZoneInfo(tz_name)
    rows = []
    for session in sessions:
        score = scores.get(session.id, NO_SCORE)
        end = session.finished_at or score.last_answer_at
        seconds = (end - session.started_at).total_seconds() if end else None
        rows.append(
            SessionRow(
                session=session,
                started=session.started_at.astimezone(zone),
                topics=topics_text(session.topics or [], titles),
                score=score,
                duration=format_duration(
                    None if seconds is None or seconds < 0 else round(seconds * 1000)
                ),
            )
        )
    return rows

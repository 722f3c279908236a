"""What the feedback and end pages show, read from a quiz, its attempts and the bank.

Read-only: a question retired since it was answered still shows the recorded answer and
score (its prompt comes from the database copy), just without the right answer.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from ..bank.spec import Bank, QuestionSpec, Source
from ..extensions import db
from ..models import Attempt, Question, Quiz
from ..presentation import ago, format_duration, verdict
from ..qtypes import Part, get_type
from ..scheduling import ensure_utc
from .operations import attempt_at
from .scoring import QuizTally, tally, time_taken


@dataclass(frozen=True)
class Row:
    """One question of a quiz as the pages show it."""

    position: int
    question_id: str
    prompt: str
    spec: QuestionSpec | None
    attempt: Attempt | None
    given: str
    right_answer: str | None
    parts: tuple[Part, ...] = ()
    """The answer marked part by part (match, order, cloze, multi); empty otherwise."""

    @property
    def verdict(self) -> str:
        """``right`` / ``partly right`` / ``wrong``, or ``skipped`` when never answered."""
        if self.attempt is None:
            return "skipped"
        return verdict(self.attempt.score, self.attempt.correct)

    @property
    def css(self) -> str:
        """The CSS class for the verdict (no spaces)."""
        return self.verdict.replace(" ", "-")


def _prompt(question_id: str, spec: QuestionSpec | None) -> str:
    if spec is not None:
        return spec.prompt
    row = db.session.get(Question, question_id)
    return row.prompt if row is not None else question_id


def row(quiz: Quiz, position: int, bank: Bank) -> Row:
    """Slot ``position`` of ``quiz``: the question, the answer given and the right one."""
    question_id = quiz.question_ids[position]
    spec = bank.get(question_id)
    attempt = attempt_at(quiz, position)
    given, right_answer, parts = "", None, ()
    if spec is not None:
        qtype = get_type(spec.type)
        right_answer = qtype.answer_text(spec)
        if attempt is not None:
            given = qtype.answer_display(spec, attempt.raw_answer)
            parts = tuple(qtype.parts(spec, attempt.raw_answer))
    elif attempt is not None:
        given = attempt.normalised
    prompt = _prompt(question_id, spec)
    return Row(position, question_id, prompt, spec, attempt, given, right_answer, parts)


def sources(spec: QuestionSpec, bank: Bank) -> list[Source]:
    """The articles ``spec`` cites, as listed in ``sources.yaml``."""
    return [bank.sources[s] for s in spec.sources if s in bank.sources]


def back_again(quiz: Quiz, position: int, now: datetime) -> str | None:
    """For a re-asked question (``study.requeue``): "you missed this 10 minutes ago".

    None unless an earlier slot of ``quiz`` asked the same question and was answered.
    """
    question_id = quiz.question_ids[position]
    earlier = [
        a for a in quiz.attempts if a.question_id == question_id and (a.position or 0) < position
    ]
    if not earlier:
        return None
    last = max(earlier, key=lambda a: (a.position or 0, a.id))
    done = "answered" if last.correct else "missed"
    return f"you {done} this {ago(ensure_utc(last.created_at), ensure_utc(now))}"


@dataclass(frozen=True)
class Summary:
    """The end page: every slot, the first-try and final scores over the distinct questions."""

    rows: list[Row]
    time_taken_ms: int | None
    tally: QuizTally

    @property
    def share(self) -> float | None:
        """The final score over *all* the quiz's questions (unanswered = 0); see `scoring`."""
        return self.tally.share

    @property
    def points_text(self) -> str:
        """Points without a needless ``.0``: ``7``, ``7.5``, ``6.67``."""
        return f"{self.tally.final_points:g}"

    @property
    def first_points_text(self) -> str:
        """First-try points, as `points_text`."""
        return f"{self.tally.first_points:g}"

    @property
    def missed(self) -> int:
        """How many questions had an answer that was not fully right (a re-ask counts once)."""
        return len(
            {r.attempt.question_id for r in self.rows if r.attempt and not r.attempt.correct}
        )

    @property
    def unanswered(self) -> int:
        """Questions never answered (skipped, or the quiz ended early)."""
        return self.tally.unanswered

    @property
    def time_taken(self) -> str:
        """The time taken, for people."""
        return format_duration(self.time_taken_ms)


def summarise(quiz: Quiz, bank: Bank) -> Summary:
    """The end page's figures for ``quiz``."""
    rows = [row(quiz, position, bank) for position in range(quiz.length)]
    attempts = [r.attempt for r in rows if r.attempt is not None]
    # A question retired before it was reached was skipped, not missed: it does not count.
    asked = [r.question_id for r in rows if r.spec is not None or r.attempt is not None]
    counted = tally(
        asked, ((r.position, r.question_id, r.attempt.score) for r in rows if r.attempt)
    )
    return Summary(
        rows=rows,
        time_taken_ms=time_taken(a.time_taken_ms for a in attempts),
        tally=counted,
    )

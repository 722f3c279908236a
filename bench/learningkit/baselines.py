"""The baselines, simulated without the app but with the same students, memory and timing.

* :func:`random_quiz` -- every day a random quiz of the whole bank (shuffled, starting over
  when it runs out), answered for as long as the student studies that day; no scheduling.
* :func:`matched_random_quiz` -- the same random quiz, answered each day for the minutes the
  app's student spent answering that day (:func:`spending` notes them): the same study time,
  so its ratio to the app is a ratio of recall alone.
* :func:`leitner` -- five Leitner boxes seen every 1, 2, 4, 8 and 16 days: a right answer moves
  a question up a box, a wrong one back to the first; the due boxes first (lowest box first),
  then new questions, at most ``NEW_PER_DAY`` a day (the app's default new-card limit).

Answers are graded by the app's question types, as in the app.
"""

from __future__ import annotations

import math
import random
from collections.abc import Sequence

from quizapp.bank.spec import Bank, QuestionSpec
from quizapp.qtypes import get_type
from quizapp.scheduling import DEFAULT_LIMITS

from .log import MINUTE, Sit, StudyLog
from .students import Mind, answer_seconds

LEITNER_DAYS = (1, 2, 4, 8, 16)
NEW_PER_DAY = DEFAULT_LIMITS.new_per_day


def ask(
    mind: Mind, log: StudyLog, spec: QuestionSpec, at: float, rng: random.Random
) -> tuple[float, bool]:
    """One question asked at ``at``: answered, graded, logged; (when it is in, right?)."""
    seconds = answer_seconds(mind.student, spec, rng)
    _, form = mind.answer(spec, at)
    qtype = get_type(spec.type)
    grade = qtype.grade(spec, qtype.parse_form(form, spec, qtype.display(spec, rng)))
    done = at + seconds / 86400
    log.answered(spec.id, done, seconds, grade.correct, grade.score)
    return done, grade.correct


def random_quiz(bank: Bank, rng: random.Random) -> Sit:
    """A daily random quiz of the bank for the day's minutes."""
    ids = list(bank.questions)

    def sit(mind: Mind, log: StudyLog, start: float, minutes: float) -> None:
        at, end = start, start + minutes * MINUTE
        order: list[str] = []
        while at < end:
            order = order or rng.sample(ids, len(ids))
            at, _ = ask(mind, log, bank.questions[order.pop()], at, rng)
        log.end_sitting(start, at)

    return sit


def spending(sit: Sit, spent: list[float]) -> Sit:
    """``sit``, appending to ``spent`` the minutes each sitting spent answering."""

    def noted(mind: Mind, log: StudyLog, start: float, minutes: float) -> None:
        before = log.minutes
        sit(mind, log, start, minutes)
        spent.append(log.minutes - before)

    return noted


def matched_random_quiz(bank: Bank, rng: random.Random, spent: Sequence[float]) -> Sit:
    """The daily random quiz, answered each day for ``spent``'s minutes of that day (the
    app's, noted by :func:`spending` before this runs) instead of the student's own minutes.

    It stops at the first answer that ends past those minutes, as :func:`random_quiz` does.
    """
    daily = random_quiz(bank, rng)
    days = iter(spent)

    def sit(mind: Mind, log: StudyLog, start: float, minutes: float) -> None:
        daily(mind, log, start, next(days))

    return sit


def leitner(bank: Bank, rng: random.Random) -> Sit:
    """Five Leitner boxes (1, 2, 4, 8, 16 days), new questions in bank order."""
    box: dict[str, int] = {}
    due: dict[str, int] = {}
    new = list(bank.questions)

    def sit(mind: Mind, log: StudyLog, start: float, minutes: float) -> None:
        at, end, today = start, start + minutes * MINUTE, math.floor(start)
        queue = sorted((q for q in box if due[q] <= today), key=lambda q: (box[q], due[q], q))
        introduced = 0
        while at < end:
            if queue:
                question_id = queue.pop(0)
            elif new and introduced < NEW_PER_DAY:
                question_id, introduced = new.pop(0), introduced + 1
                box[question_id] = 0
            else:
                break
            at, right = ask(mind, log, bank.questions[question_id], at, rng)
            box[question_id] = min(box[question_id] + 1, 4) if right else 0
            due[question_id] = today + LEITNER_DAYS[box[question_id]]
        log.end_sitting(start, at)

    return sit

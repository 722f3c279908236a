"""Study modes: the new-quiz draw, and how a later mode plugs into the study page."""

from __future__ import annotations

import random
from collections.abc import Iterator

import pytest

from quizapp.bank.validate import load_bank
from quizapp.study import modes
from quizapp.study.modes import DrawRequest, Mode
from tests.conftest import TINY_BANK

from .conftest import START, quiz_row

BANK = load_bank(TINY_BANK).bank
assert BANK is not None


def request(topics: tuple[str, ...], length: int | None, seed: int = 3) -> DrawRequest:
    return DrawRequest(1, BANK, topics, length, random.Random(seed), START)


def test_draw_new_takes_the_chosen_topics_without_repetition() -> None:
    people = {q.id for q in BANK.topics["people"].questions}
    drawn = modes.draw_new(request(("people",), 3))
    assert len(drawn) == len(set(drawn)) == 3 and set(drawn) <= people
    assert sorted(modes.draw_new(request(("people", "timeline"), None))) == sorted(BANK.questions)
    assert modes.draw_new(request(("people",), 20)) != [] and modes.draw_new(request((), 5)) == []
    assert modes.draw_new(request(("people",), None, 1)) == modes.draw_new(
        request(("people",), None, 1)
    )  # the quiz's seed decides the draw


def test_only_modes_with_a_draw_are_listed() -> None:
    names = [m.name for m in modes.listed_modes()]
    assert names[0] == "topics" and "retry" not in names  # spaced repetition modes follow
    assert modes.mode_label("retry") == "Retry missed" and modes.mode_label("old") == "old"


@pytest.fixture
def review_mode() -> Iterator[Mode]:
    """A stand-in for a later mode such as "Review due", registered for one test."""
    saved = dict(modes.MODES)
    mode = modes.register_mode(
        Mode(
            "review", "Review due", "Cards due now.", lambda r: ["lample-model"], uses_topics=False
        )
    )
    yield mode
    modes.MODES.clear()
    modes.MODES.update(saved)  # the real "review" mode, in its place


def test_a_registered_mode_is_offered_and_started(app, client, auth, student, review_mode) -> None:
    auth.login()
    page = client.get("/study").get_data(as_text=True)
    assert 'value="review"' in page and "Review due" in page
    resp = client.post("/study", data={"mode": "review", "length": "10"})
    quiz = quiz_row(app, int(resp.location.rsplit("/", 1)[1]))
    assert quiz.mode == "review" and quiz.question_ids == ["lample-model"]
    assert "Review due · Question 1 of 1" in client.get(resp.location).get_data(as_text=True)

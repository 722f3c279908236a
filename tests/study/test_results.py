"""The feedback and end pages' rows: answers marked part by part, each row linked to its
explanation."""

from __future__ import annotations

import re
from zoneinfo import ZoneInfo

from quizapp.extensions import db
from quizapp.presentation import format_duration
from quizapp.srs.operations import save_settings

from .conftest import WRONG, start


def answer_until(driver, question_id: str, data: dict) -> str:
    """Answer right up to ``question_id``, answer it with ``data``; its feedback page."""
    while True:
        position, asked = driver.current()
        if asked == question_id:
            break
        driver.answer()
    response = driver.post(position, question_id, data)
    return driver.client.get(response.location).get_data(as_text=True)


def marks(page: str) -> list[tuple[str, str]]:
    """(ok or bad, the part's text) for each part listed on ``page``."""
    found = re.findall(r'<li class="part (ok|bad)">(.*?)</li>', page, re.DOTALL)
    return [(kind, " ".join(re.sub(r"<[^>]+>", " ", text).split())) for kind, text in found]


def test_match_feedback_marks_each_pair(client, auth, student) -> None:
    auth.login()
    data = {"match-0": "Google DeepMind", "match-1": "Google DeepMind", "match-2": "Meta"}
    page = answer_until(start(client, ["people"]), "founders-employers", data)
    assert marks(page) == [
        ("ok", "✓ Right: Arthur Mensch : Google DeepMind"),
        ("bad", "✗ Wrong: Guillaume Lample : Google DeepMind (right: Meta)"),
        ("ok", "✓ Right: Timothée Lacroix : Meta"),
    ]
    assert "<dt>Your answer</dt>" not in page  # the parts replace the one long line


def test_order_cloze_and_multi_feedback_mark_each_part(client, auth, student) -> None:
    auth.login()
    driver = start(client, ["timeline"])
    page = answer_until(driver, "deal-cloze", WRONG["deal-cloze"] | {"blank-1": "Mistral"})
    assert [kind for kind, _ in marks(page)] == ["bad", "ok"]
    assert "Blank 1 : 16 million (right: 15 million)" in marks(page)[0][1]
    driver = start(client, ["timeline"])
    page = answer_until(driver, "timeline-order", WRONG["timeline-order"])
    assert [kind for kind, _ in marks(page)] == ["bad", "ok", "bad"]
    driver = start(client, ["people"])
    page = answer_until(driver, "founders-from-meta", {"answer": ["Guillaume Lample"]})
    assert marks(page) == [  # every option, in the bank's order: ticked or not, and right?
        ("bad", "✗ Wrong: Timothée Lacroix : not ticked (right: ticked)"),
        ("ok", "✓ Right: Guillaume Lample : ticked"),
        ("ok", "✓ Right: Arthur Mensch : not ticked"),
    ]


def test_one_part_answers_keep_the_answer_line(client, auth, student) -> None:
    auth.login()
    page = answer_until(start(client, ["timeline"]), "founded-year", WRONG["founded-year"])
    assert marks(page) == [] and "<dt>Your answer</dt>" in page
    assert '<span class="mark" aria-hidden="true">✗</span>' in page


def test_results_link_each_answer_to_its_explanation(client, auth, student) -> None:
    auth.login()
    driver = start(client, ["people"])
    while client.get(driver.url).status_code == 200:
        driver.answer(right=False)
    page = client.get(f"/quiz/{driver.id}/results").get_data(as_text=True)
    links = re.findall(rf'href="(/quiz/{driver.id}/answers/(\d+))"', page)
    assert [int(position) for _, position in links] == list(range(len(links))) and links
    for url, _ in links:
        assert client.get(url).status_code == 200
    assert "✗</span> wrong" in page  # a symbol beside the word, never colour alone


def test_the_end_page_and_history_show_one_time_taken(client, auth, student, clock) -> None:
    auth.login()
    driver = start(client, ["people"])
    answers = 0
    while client.get(driver.url).status_code == 200:
        clock.advance(seconds=10)  # thinking: counted
        driver.answer()
        answers += 1
        clock.advance(minutes=5)  # reading the feedback: not counted, on either page
    results = client.get(f"/quiz/{driver.id}/results").get_data(as_text=True)
    took = re.search(r"time taken ([^·]+?) ·", results)[1]
    assert took == format_duration(answers * 10_000)
    history = client.get("/history/").get_data(as_text=True)
    assert f"<td>{took}</td>" in history


def test_study_page_times_are_in_the_students_zone(app, client, auth, student, clock) -> None:
    with app.app_context():
        save_settings(student, 0.9, 20, 200, "Asia/Tokyo")
        db.session.commit()
    auth.login()
    start(client, ["people"])
    page = client.get("/study").get_data(as_text=True)
    local = clock.now.astimezone(ZoneInfo("Asia/Tokyo"))
    assert f"started {local.day} {local:%b %Y, %H:%M} JST" in page
    assert "UTC" not in page.split('class="resume')[1].split("</section>")[0]


def test_an_unanswered_quiz_is_discarded_an_answered_one_ended(app, client, auth, student):
    auth.login()
    empty = start(client, ["people"])
    answered = start(client, ["timeline"])
    answered.answer()
    page = client.get("/study").get_data(as_text=True)
    assert f'action="/quiz/{empty.id}/discard"' in page
    response = client.post(f"/quiz/{empty.id}/discard")
    assert response.status_code == 302 and response.location == "/study"
    assert client.get(empty.url).status_code == 404  # deleted: nothing was answered
    client.post(f"/quiz/{answered.id}/discard")
    page = client.get("/study").get_data(as_text=True)
    assert "/discard" not in page and "its 1 answer stay" in page
    assert client.get(answered.url).status_code == 302  # ended: its answer stays in History
    assert f'href="/history/quiz/{answered.id}"' in client.get("/history/").get_data(as_text=True)


def test_a_quiz_left_for_a_day_is_shown_as_abandoned(client, auth, student, clock) -> None:
    auth.login()
    start(client, ["people"])
    assert "abandoned" not in client.get("/study").get_data(as_text=True)
    clock.advance(days=2)
    assert "abandoned (nothing answered" in client.get("/study").get_data(as_text=True)

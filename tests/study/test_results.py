"""The feedback and end pages' rows: answers marked part by part, each row linked to its
explanation."""

from __future__ import annotations

import re

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

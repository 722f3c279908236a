"""A whole quiz through the test client: study page, every question type, feedback, score, retry."""

from __future__ import annotations

import re

from quizapp.bank.validate import load_bank
from tests.conftest import TINY_BANK

from .conftest import RIGHT, WRONG, attempts, quiz_row, start

TINY = load_bank(TINY_BANK).bank
assert TINY is not None


def test_study_needs_login(client) -> None:
    resp = client.get("/study")
    assert resp.status_code == 302
    assert "/auth/login" in resp.location


def test_study_page_offers_modes_topics_and_lengths(client, auth, student) -> None:
    auth.login()
    page = client.get("/study").get_data(as_text=True)
    assert 'name="mode" value="topics"' in page and "New quiz" in page
    assert "Founders and people (5)" in page and "Money and dates (6)" in page
    assert page.count('name="topics"') == 2 and page.count('checked id="topics-') == 2
    for length in ("5", "10", "20", "all"):
        assert f'name="length" type="radio" value="{length}"' in page
    assert "Resume" not in page


def test_starting_needs_a_topic(app, client, auth, student) -> None:
    auth.login()
    resp = client.post("/study", data={"mode": "topics", "length": "5"})
    assert resp.status_code == 200
    assert "Choose at least one topic." in resp.get_data(as_text=True)
    assert client.get("/quiz/1").status_code == 404


def test_one_topic_and_a_length(app, client, auth, student) -> None:
    auth.login()
    quiz = quiz_row(app, start(client, ["people"], "5").id)
    people = {q.id for q in TINY.topics["people"].questions}
    assert quiz.length == 5 and set(quiz.question_ids) == people  # the draft is never served
    assert quiz.mode == "topics" and quiz.topics == ["people"]


def test_all_topics_all_questions_none_twice(app, client, auth, student) -> None:
    auth.login()
    quiz = quiz_row(app, start(client, length="all").id)
    assert sorted(quiz.question_ids) == sorted(TINY.questions)
    quiz = quiz_row(app, start(client, length="10").id)
    assert len(set(quiz.question_ids)) == 10


def test_unknown_topic_is_refused(client, auth, student) -> None:
    auth.login()
    resp = client.post("/study", data={"mode": "topics", "topics": ["nope"], "length": "5"})
    assert resp.status_code == 200
    assert "is not a valid choice" in resp.get_data(as_text=True)


def test_every_type_answered_right(app, client, auth, student, clock) -> None:
    auth.login()
    driver = start(client)
    seen = []
    for _ in range(len(TINY.questions)):
        clock.advance(seconds=12)  # between the redirect and showing the question
        position, question_id = driver.current()
        clock.advance(seconds=30)
        resp = driver.post(position, question_id, RIGHT[question_id])
        assert resp.location == f"/quiz/{driver.id}/answers/{position}"
        page = client.get(resp.location).get_data(as_text=True)
        spec = TINY.questions[question_id]
        assert "<strong>Right</strong>" in page, (question_id, page)
        assert spec.explanation.split()[0] in page
        seen.append(spec.type)
    assert sorted(set(seen)) == sorted(
        ["choice", "multi", "truefalse", "short", "match", "numeric", "date", "order", "cloze"]
    )
    assert client.get(driver.url).location == f"/quiz/{driver.id}/results"
    results = client.get(f"/quiz/{driver.id}/results").get_data(as_text=True)
    assert "11 of 11</strong>" in results and "100%" in results
    assert "time taken 5 min 30 s" in results
    assert "Retry the ones I missed" not in results
    rows = attempts(app)
    assert [a.position for a in rows] == list(range(11))
    assert all(a.correct and a.score == 1.0 and a.time_taken_ms == 30_000 for a in rows)
    quiz = quiz_row(app, driver.id)
    assert quiz.finished_at == clock.now


def test_attempt_records_everything(app, client, auth, student, clock) -> None:
    auth.login()
    driver = start(client, ["people"])
    position, question_id = driver.current()
    clock.advance(seconds=7)
    driver.post(position, question_id, WRONG[question_id])
    (attempt,) = attempts(app)
    spec = TINY.questions[question_id]
    assert (attempt.user_id, attempt.quiz_id, attempt.position) == (student, driver.id, 0)
    assert (attempt.question_id, attempt.question_version) == (spec.id, spec.version)
    assert attempt.kind == "quiz" and attempt.created_at == clock.now
    assert attempt.time_taken_ms == 7000 and attempt.correct is False
    assert attempt.raw_answer not in (None, "") and isinstance(attempt.normalised, str)


def test_feedback_for_partly_right_and_wrong(client, auth, student) -> None:
    auth.login()
    driver = start(client)
    while True:
        position, question_id = driver.current()
        if question_id == "founders-from-meta":
            break
        driver.answer(right=False)
    resp = driver.post(position, question_id, {"answer": ["Guillaume Lample"]})
    page = client.get(resp.location).get_data(as_text=True)
    assert "<strong>Partly right</strong>" in page and "score 50%" in page
    assert "Guillaume Lample, Timothée Lacroix" in page or "Timothée Lacroix, Guillaume" in page
    assert "<cite>An alliance in AI</cite> (2024-02-27)" in page
    assert "data-key-next" in page


def test_wrong_feedback_shows_the_right_answer_and_sources(client, auth, student) -> None:
    auth.login()
    driver = start(client, ["timeline"])
    while driver.current()[1] != "founded-year":
        driver.answer()
    resp = driver.answer(right=False)
    page = client.get(resp.location).get_data(as_text=True)
    assert "<strong>Wrong</strong>" in page and "score 0%" in page
    assert "The right answer" in page and "2023" in page
    assert (
        "<cite>An alliance in AI</cite>" in page and "<cite>Example News</cite> (2024-02)" in page
    )


def test_results_and_retry_the_missed_ones(app, client, auth, student) -> None:
    auth.login()
    driver = start(client, ["people"])
    missed = []
    for index in range(5):
        position, question_id = driver.current()
        right = index % 2 == 0
        driver.post(position, question_id, (RIGHT if right else WRONG)[question_id])
        if not right:
            missed.append(question_id)
    while client.get(driver.url).status_code == 200:  # the misses, asked again, missed again
        position, question_id = driver.current()
        assert question_id in missed
        driver.post(position, question_id, WRONG[question_id])
    page = client.get(f"/quiz/{driver.id}/results").get_data(as_text=True)
    assert "3 of 5</strong>" in page and "60%" in page
    assert "Retry the ones I missed (2)" in page
    for question_id in missed:
        assert re.search(r"<tr class=\"wrong\">", page)
        assert TINY.questions[question_id].prompt.split()[0] in page
    resp = client.post(f"/quiz/{driver.id}/retry")
    retry = quiz_row(app, int(resp.location.rsplit("/", 1)[1]))
    assert retry.mode == "retry" and retry.question_ids == missed and retry.id != driver.id
    assert "Retry missed" in client.get(resp.location).get_data(as_text=True)


def test_choices_keep_their_shuffle_on_reload(client, auth, student) -> None:
    auth.login()
    driver = start(client, ["people"])
    while driver.current()[1] != "mensch-former-lab":
        driver.answer()
    first, again = driver.page(), driver.page()
    order = re.findall(r'value="([^"]+)" data-key-choice', first)
    assert sorted(order) == sorted(RIGHT_CHOICES) and order == re.findall(
        r'value="([^"]+)" data-key-choice', again
    )
    assert "data-keys" in first and "data-key-submit" in first


RIGHT_CHOICES = ["Google DeepMind", "Meta", "OpenAI", "Microsoft Research"]


def test_shuffle_false_keeps_the_yaml_order(client, auth, student) -> None:
    auth.login()
    driver = start(client, ["people"])
    while driver.current()[1] != "founders-from-meta":
        driver.answer()
    order = re.findall(r'type="checkbox" name="answer" value="([^"]+)"', driver.page())
    assert order == ["Timothée Lacroix", "Guillaume Lample", "Arthur Mensch"]


def test_prompt_markdown_is_rendered(client, auth, student) -> None:
    auth.login()
    driver = start(client, ["people"])
    while driver.current()[1] != "mensch-former-lab":
        driver.answer()
    page = driver.page()
    assert "which <em>AI lab</em>?" in page
    assert "<summary>Hint</summary><p>Think of Google.</p>" in page


def test_the_hot_pages_read_the_session_once_and_no_attempts(app, client, auth, student) -> None:
    """The quiz page and the answer are the busiest requests: their reads are pinned here."""
    from tests.history.records import count_queries

    def selects(statements: list[str], table: str) -> int:
        return sum(s.lstrip().startswith("SELECT") and f"FROM {table}" in s for s in statements)

    auth.login()
    quiz = start(client)
    with count_queries(app) as first:
        quiz.page()  # marks the question shown: re-read under the write lock, kept after it
    with count_queries(app) as again:
        position, question_id = quiz.current()
    with count_queries(app) as answer:
        assert quiz.post(position, question_id, RIGHT[question_id]).status_code == 302
    assert [selects(s, "quiz") for s in (first, again, answer)] == [2, 1, 1]
    assert not any(selects(s, "attempt") for s in (first, again, answer))

"""Bad input: empty and overlong answers, re-sent forms, tampering, other people's quizzes."""

from __future__ import annotations

import pytest

from quizapp.grading import MAX_ANSWER_LENGTH
from tests.conftest import PASSWORD

from .conftest import RIGHT, attempts, quiz_row, start


def answer_fields(question_id: str) -> list[str]:
    """The form field names that carry an answer to ``question_id``."""
    return list(RIGHT[question_id])


def empty_of(question_id: str) -> dict[str, str]:
    """Every answer field of the question left blank."""
    return {name: "" for name in answer_fields(question_id)}


def test_empty_answer_is_asked_again(app, client, auth, student) -> None:
    auth.login()
    driver = start(client)
    position, question_id = driver.current()
    resp = driver.post(position, question_id, empty_of(question_id))
    assert resp.status_code == 200
    page = resp.get_data(as_text=True)
    assert "Please answer the question before checking." in page
    assert 'role="alert"' in page and 'aria-describedby="answer-error"' in page
    assert attempts(app) == [] and quiz_row(app, driver.id).position == 0


def test_no_choice_at_all_is_asked_again(app, client, auth, student) -> None:
    auth.login()
    driver = start(client)
    position, question_id = driver.current()
    resp = driver.post(position, question_id, {})
    assert resp.status_code == 200 and "Please answer" in resp.get_data(as_text=True)
    assert attempts(app) == []


@pytest.mark.parametrize(
    ("question_id", "given", "message"),
    [
        ("founders-count", "no idea", "not a number we can read"),
        ("microsoft-investment", "15 milion", "not a number we can read"),
        ("deal-announced", "last winter", "not a date we can read"),
    ],
)
def test_unreadable_numbers_and_dates_are_asked_again_and_kept(
    app, client, auth, student, question_id: str, given: str, message: str
) -> None:
    auth.login()
    driver = start(client, topics=["timeline"])
    while (current := driver.current())[1] != question_id:
        driver.answer()
    resp = driver.post(*current, {"answer": given})
    assert resp.status_code == 200
    page = resp.get_data(as_text=True)
    assert message in page and "Nothing was recorded" in page and 'role="alert"' in page
    assert f'value="{given}"' in page  # what was typed stays in the field
    assert question_id not in {a.question_id for a in attempts(app)}
    assert quiz_row(app, driver.id).position == current[0]


def test_an_order_with_an_item_twice_is_asked_again_and_kept(app, client, auth, student) -> None:
    auth.login()
    driver = start(client, topics=["timeline"])
    while (current := driver.current())[1] != "timeline-order":
        driver.answer()
    first = RIGHT["timeline-order"]["order-0"]
    resp = driver.post(*current, {"order-0": first, "order-1": first})
    page = resp.get_data(as_text=True)
    assert resp.status_code == 200 and "is chosen more than once" in page
    assert f'<option value="{first}" selected>' in page  # the choices made are kept
    assert "timeline-order" not in {a.question_id for a in attempts(app)}


def test_number_words_are_graded_like_digits(app, client, auth, student) -> None:
    auth.login()
    driver = start(client, topics=["timeline"])
    while (current := driver.current())[1] != "founders-count":
        driver.answer()
    resp = driver.post(*current, {"answer": "three"})
    assert resp.status_code == 302 and "/answers/" in resp.location
    assert [a.correct for a in attempts(app) if a.question_id == "founders-count"] == [True]


def test_overlong_answer_is_refused_and_kept(app, client, auth, student) -> None:
    auth.login()
    driver = start(client)
    position, question_id = driver.current()
    field = answer_fields(question_id)[0]
    resp = driver.post(position, question_id, {field: "x" * (MAX_ANSWER_LENGTH + 1)})
    assert resp.status_code == 400
    page = resp.get_data(as_text=True)
    assert f"answers have at most {MAX_ANSWER_LENGTH} characters" in page
    assert "Nothing was recorded" in page
    assert attempts(app) == [] and quiz_row(app, driver.id).position == 0


def test_double_submit_records_one_attempt(app, client, auth, student) -> None:
    auth.login()
    driver = start(client)
    position, question_id = driver.current()
    first = driver.post(position, question_id, RIGHT[question_id])
    again = driver.post(position, question_id, {"answer": "something else"})
    assert first.location == again.location == f"/quiz/{driver.id}/answers/{position}"
    assert len(attempts(app)) == 1
    assert attempts(app)[0].correct


def test_back_button_resubmission_shows_the_old_feedback(app, client, auth, student) -> None:
    auth.login()
    driver = start(client)
    first = driver.current()
    driver.answer()
    driver.answer()
    resp = driver.post(*first, RIGHT[first[1]])
    assert resp.location == f"/quiz/{driver.id}/answers/0"
    assert len(attempts(app)) == 2 and quiz_row(app, driver.id).position == 2


@pytest.mark.parametrize(
    ("position", "question_id", "status"),
    [
        ("0", "not-in-this-quiz", 400),  # the id of another slot, or none at all
        ("1", None, 400),  # a future slot
        ("99", None, 404),  # no such slot
        ("-1", None, 400),
        ("two", None, 400),
        ("", None, 400),
    ],
)
def test_tampered_slots(app, client, auth, student, position, question_id, status) -> None:
    auth.login()
    driver = start(client)
    _, current = driver.current()
    quiz = quiz_row(app, driver.id)
    if question_id is None and position.isdigit() and int(position) < quiz.length:
        question_id = quiz.question_ids[int(position)]
    form = {"position": position, "question_id": question_id or current, **RIGHT[current]}
    assert client.post(driver.url, data=form).status_code == status
    assert attempts(app) == []


def test_missing_question_id_is_a_bad_request(app, client, auth, student) -> None:
    auth.login()
    driver = start(client)
    assert client.post(driver.url, data={"position": "0", "answer": "x"}).status_code == 400


def test_other_students_sessions_are_not_found(app, client, auth, student, make_user) -> None:
    auth.login()
    driver = start(client)
    position, question_id = driver.current()
    driver.answer()
    auth.logout()
    make_user("student2")
    auth.login("student2", PASSWORD)
    base = f"/quiz/{driver.id}"
    for url in (base, f"{base}/answers/0", f"{base}/results"):
        assert client.get(url).status_code == 404, url
    for url in (f"{base}/retry", f"{base}/end"):
        assert client.post(url).status_code == 404, url
    next_position, next_id = quiz_row(app, driver.id).position, None
    next_id = quiz_row(app, driver.id).question_ids[next_position]
    form = {"position": str(next_position), "question_id": next_id, **RIGHT[next_id]}
    assert client.post(base, data=form).status_code == 404
    assert len(attempts(app)) == 1


def test_missing_sessions_and_unanswered_feedback(client, auth, student) -> None:
    auth.login()
    assert client.get("/quiz/12345").status_code == 404
    driver = start(client)
    assert client.get(f"{driver.url}/answers/0").status_code == 404  # not answered yet
    assert client.get(f"{driver.url}/answers/999").status_code == 404


def test_results_before_the_end_go_back_to_the_question(client, auth, student) -> None:
    auth.login()
    driver = start(client)
    assert client.get(f"{driver.url}/results").location == driver.url


def test_answer_after_the_quiz_ended_is_stale(app, client, auth, student) -> None:
    auth.login()
    driver = start(client)
    position, question_id = driver.current()
    client.post(f"{driver.url}/end")
    resp = driver.post(position, question_id, RIGHT[question_id])
    assert resp.location == driver.url
    assert client.get(driver.url).location == f"{driver.url}/results"
    assert attempts(app) == []

"""Confidence-based marking on the study pages, and the misconceptions the teacher sees."""

from __future__ import annotations

import re

from flask import Flask
from sqlalchemy import select

from quizapp.extensions import db
from quizapp.models import Attempt, Card, RatingLog
from quizapp.scheduling import Rating
from quizapp.srs.operations import save_settings
from tests.support.classes import enrol

from .conftest import RIGHT, WRONG, start

LEGEND = "<legend>How sure are you?</legend>"
RADIO = re.compile(r'<input type="radio" name="confidence" value="(\d)"')


def mark_confidence(app: Flask, user_id: int, on: bool = True) -> None:
    with app.app_context():
        save_settings(user_id, 0.9, 20, 200, "UTC", confidence_marking=on)
        db.session.commit()


def attempts(app: Flask) -> list[Attempt]:
    with app.app_context():
        rows = list(db.session.execute(select(Attempt).order_by(Attempt.id)).scalars())
        db.session.expunge_all()
        return rows


def ratings(app: Flask) -> list[int]:
    with app.app_context():
        return list(db.session.execute(select(RatingLog.rating).order_by(RatingLog.id)).scalars())


def test_off_by_default_the_page_does_not_ask(app, client, auth, student) -> None:
    auth.login()
    driver = start(client, ["people"], "5")
    assert LEGEND not in driver.page() and "confidence" not in driver.page()
    driver.answer()
    assert attempts(app)[0].confidence is None
    assert "CBM" not in client.get(f"/quiz/{driver.id}/answers/0").get_data(as_text=True)


def test_when_on_the_page_asks_in_a_fieldset(app, client, auth, student) -> None:
    mark_confidence(app, student)
    auth.login()
    page = start(client, ["people"], "5").page()
    fieldset = page[page.index('<fieldset class="confidence"') :]
    fieldset = fieldset[: fieldset.index("</fieldset>")]
    assert LEGEND in fieldset
    assert RADIO.findall(fieldset) == ["1", "2", "3"]
    assert "1 Not sure" in fieldset and "2 Fairly sure" in fieldset and "3 Very sure" in fieldset
    assert fieldset.count("required") == 3 and "checked" not in fieldset


def test_an_answer_without_confidence_is_asked_again(app, client, auth, student) -> None:
    mark_confidence(app, student)
    auth.login()
    driver = start(client, ["people"], "5")
    position, question_id = driver.current()
    response = driver.post(position, question_id, RIGHT[question_id])
    page = response.get_data(as_text=True)
    assert response.status_code == 200 and "Please choose how sure you are" in page
    assert 'role="alert"' in page and attempts(app) == []  # nothing recorded
    retry = driver.post(position, question_id, RIGHT[question_id] | {"confidence": "9"})
    assert retry.status_code == 200 and attempts(app) == []  # not a level: asked again
    done = driver.post(position, question_id, RIGHT[question_id] | {"confidence": "2"})
    assert done.status_code == 302
    assert attempts(app)[0].confidence == 2


def test_marks_show_beside_the_score(app, client, auth, student) -> None:
    mark_confidence(app, student)
    auth.login()
    driver = start(client, ["people"], "5")
    levels = ["3", "2", "1", "3", "2"]
    for level, right in zip(levels, [True, False, True, False, True], strict=True):
        _, question_id = driver.current()
        form = (RIGHT if right else WRONG)[question_id] | {"confidence": level}
        driver.answer(data=form)
        feedback = client.get(f"/quiz/{driver.id}/answers/{len(attempts(app)) - 1}")
        assert "CBM" in feedback.get_data(as_text=True)
    first = client.get(f"/quiz/{driver.id}/answers/0").get_data(as_text=True)
    assert "CBM 3 (very sure)" in first
    while client.get(driver.url).status_code != 302:
        _, question_id = driver.current()
        driver.answer(data=RIGHT[question_id] | {"confidence": "2"})
    results = client.get(f"/quiz/{driver.id}/results").get_data(as_text=True)
    assert "CBM" in results and "total · average" in results
    # first answers only: 3 − 2 + 1 − 6 + 2; the re-asks, answered after the right answer
    # was shown ("fairly sure", right: +2 each), are not marked again
    assert len(attempts(app)) > len(levels)
    assert "CBM -2 total · average\n      -0.40 over 5 first answers" in results


def test_right_but_unsure_is_hard_and_very_sure_wrong_is_again(app, client, auth, student):
    mark_confidence(app, student)
    auth.login()
    driver = start(client, ["timeline"], "5")  # typed and ordered: no guessing discount
    _, first = driver.current()
    driver.answer(data=RIGHT[first] | {"confidence": "1"})
    _, second = driver.current()
    driver.answer(data=WRONG[second] | {"confidence": "3"})
    assert ratings(app)[:2] == [Rating.Hard, Rating.Again]
    with app.app_context():
        unsure = db.session.execute(select(Card).filter_by(question_id=first)).scalar_one()
        assert unsure.last_review is not None


def test_a_misconception_is_shown_to_the_teacher_only(
    app, client, auth, student, teacher, make_user
) -> None:
    mark_confidence(app, student)
    enrol(app, teacher, [student])
    auth.login()
    driver = start(client, ["people"], "5")
    _, question_id = driver.current()
    driver.answer(data=WRONG[question_id] | {"confidence": "3"})
    auth.logout()
    auth.login("teacher1")
    questions = client.get("/teacher/questions?attempts=all").get_data(as_text=True)
    assert "Misconceptions" in questions
    row = questions[questions.index(f"<code>{question_id}</code>") :]
    row = row[: row.index("</tr>")]
    assert '<td class="misconceptions">1</td>' in row
    one = client.get(f"/teacher/questions/{question_id}?attempts=all").get_data(as_text=True)
    assert "<h2>Misconceptions</h2>" in one and "<p>1 answer to the" in one
    students = client.get("/teacher/students").get_data(as_text=True)
    line = students[students.index(">student1</a>") :]
    assert '<td class="misconceptions">1</td>' in line[: line.index("</tr>")]
    auth.logout()
    make_user("student2")
    auth.login("student2")
    assert client.get("/teacher/questions").status_code in (302, 403)
    assert client.get("/teacher/students").status_code in (302, 403)
    assert "isconception" not in client.get("/history").get_data(as_text=True)

"""Question statistics through the web: figures, sorting, links to the YAML, teachers only."""

from __future__ import annotations

import re

import pytest


@pytest.fixture
def graded_class(make_user, records) -> list[int]:
    """Five students answer 'lample-model' 1, 1, .5, 0, 0 and 'mensch-former-lab' 0, 0, 1, 1, 1.

    Overall scores u1..u5: .5, .5, .75, .5, .5, so the ranking (ties by id) is u3, u1, u2, u4,
    u5 and k = round(27 % of 5) = 1: upper {u3}, lower {u5}.
    """
    users = [make_user(f"stu{i}") for i in range(1, 6)]
    anchor = [1.0, 1.0, 0.5, 0.0, 0.0]
    backwards = [0.0, 0.0, 1.0, 1.0, 1.0]
    wrong = ["Meta", "OpenAI", None, None, None]
    for user, a, b, w in zip(users, anchor, backwards, wrong, strict=True):
        answers = ["LLaMA", w or "Google DeepMind"]
        records.quiz(user, ["lample-model", "mensch-former-lab"], [a, b], answers=answers)
    return users


def rows(page: str) -> list[str]:
    return re.findall(r"<code>([a-z0-9-]+)</code><br>", page)


def test_statistics_figures(client, auth, teacher, graded_class) -> None:
    auth.login("teacher1")
    page = client.get("/teacher/questions").get_data(as_text=True)
    row = re.search(r"<code>mensch-former-lab</code>.*?</tr>", page, re.S)[0]
    assert '5 <span class="muted">(5 students)' in row
    assert "60%" in row  # facility 3/5
    # upper {u3}: 1.0; lower {u5}: 1.0 -> D = 0.00, below 0.2: suspicious
    assert "0.00" in row and "suspicious" in row
    assert "meta ×1<br>openai ×1" in row
    assert 'href="/teacher/questions/mensch-former-lab/yaml#L3"' in row
    assert "tiny/people.yaml:3" in row
    lample = re.search(r"<code>lample-model</code>.*?</tr>", page, re.S)[0]
    # upper {u3}: .5; lower {u5}: 0 -> 0.50; facility 2.5/5
    assert "0.50" in lample and "50%" in lample and "suspicious" not in lample


def test_teachers_own_answers_do_not_count(client, auth, teacher, records) -> None:
    records.quiz(teacher, ["lample-model"], [0.0])
    auth.login("teacher1")
    row = re.search(
        r"<code>lample-model</code>.*?</tr>", client.get("/teacher/questions").text, re.S
    )[0]
    assert "<td>0</td>" in row


def test_sorting(client, auth, teacher, graded_class, questions) -> None:
    auth.login("teacher1")
    bank = rows(client.get("/teacher/questions").text)
    assert bank[:1] == ["mensch-former-lab"] and sorted(bank) == sorted(questions)
    missed = rows(client.get("/teacher/questions?sort=most-missed").text)
    assert missed[:2] == ["lample-model", "mensch-former-lab"]
    suspicious = rows(client.get("/teacher/questions?sort=suspicious").text)
    assert suspicious[:2] == ["mensch-former-lab", "lample-model"]
    assert rows(client.get("/teacher/questions?sort=nonsense").text) == bank


def test_yaml_source_page(client, auth, teacher, questions) -> None:
    auth.login("teacher1")
    page = client.get("/teacher/questions/mensch-former-lab/yaml").get_data(as_text=True)
    assert '<span id="L3" class="marked"' in page and "id: mensch-former-lab" in page
    assert client.get("/teacher/questions/no-such-question/yaml").status_code == 404


def test_yaml_source_refuses_files_outside_the_bank(app, client, auth, teacher, questions):
    from quizapp.extensions import db
    from quizapp.models import Question

    with app.app_context():
        db.session.get(Question, "lample-model").file = "../../pyproject.toml"
        db.session.commit()
    auth.login("teacher1")
    assert client.get("/teacher/questions/lample-model/yaml").status_code == 404

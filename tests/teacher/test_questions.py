"""Question statistics through the web: figures, attempts, versions, options, teachers only."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest

from quizapp.extensions import db
from quizapp.models import Question, User
from tests.history.records import NOW, attempt_row
from tests.support.classes import enrol


class Answers:
    """Insert graded answers as the quiz records them, on the question's current version."""

    def __init__(self, app, teacher) -> None:
        self.app, self.teacher = app, teacher

    def students(self, n: int) -> list[int]:
        """`n` student accounts in teacher1's class that never log in (no password hashing)."""
        with self.app.app_context():
            users = [User(username=f"stu{i}", password_hash="!") for i in range(1, n + 1)]
            db.session.add_all(users)
            db.session.commit()
            ids = [u.id for u in users]
        enrol(self.app, self.teacher, ids)
        return ids

    def add(self, user, question_id, score, answer="an answer", *, minutes=0, version=None):
        with self.app.app_context():
            row = attempt_row(
                user, question_id, score, NOW + timedelta(minutes=minutes), raw_answer=answer
            )
            row.question_version = version or db.session.get(Question, question_id).version
            db.session.add(row)
            db.session.commit()


@pytest.fixture
def answers(app, teacher, questions) -> Answers:
    return Answers(app, teacher)


def row_of(page: str, question_id: str) -> str:
    return re.search(rf"<code>{question_id}</code>.*?</tr>", page, re.S)[0]


def rows(page: str) -> list[str]:
    return re.findall(r"<code>([a-z0-9-]+)</code><br>", page)


@pytest.fixture
def graded_class(answers) -> list[int]:
    """Twenty students answer 'lample-model' and 'mensch-former-lab' once each.

    u1-u10 get both right, u11-u15 only lample, u16-u20 neither. The rest of each question
    is the other one, so DI is the phi coefficient: p(lample) .75, p(mensch) .5, p(both) .5:
    (.5 - .75 * .5) / sqrt(.75 * .25 * .5 * .5) = .125 / .2165 = .58 for both.
    DE: sorted deviations lample 5 x -.75, 15 x .25; mensch 10 x -.5, 10 x .5:
    5 * .375 - 5 * .125 + 10 * .125 = 2.5 = 20 * .125, the covariance sum: 100%.
    """
    users = answers.students(20)
    for i, user in enumerate(users, 1):
        answers.add(user, "lample-model", 1.0 if i <= 15 else 0.0, "llama" if i <= 15 else "gpt")
        right = i <= 10
        answers.add(
            user,
            "mensch-former-lab",
            1.0 if right else 0.0,
            "Google DeepMind" if right else ("Meta" if i <= 17 else "OpenAI"),
        )
    return users


def test_statistics_figures(client, auth, teacher, graded_class) -> None:
    auth.login("teacher1")
    page = client.get("/teacher/questions").get_data(as_text=True)
    mensch = row_of(page, "mensch-former-lab")
    assert '20 <span class="muted">(20 answers)' in mensch
    assert "<td>50%</td>" in mensch  # facility 10/20
    assert "<td>51%</td>" in mensch  # SD sqrt(20 * .25 / 19) = .513
    assert "<td>0.58</td>" in mensch and "<td>100%</td>" in mensch
    assert "meta ×7<br>openai ×3" in mensch
    assert 'href="/teacher/questions/mensch-former-lab/yaml#L3"' in mensch
    assert 'href="/teacher/questions/mensch-former-lab?attempts=first"' in mensch
    assert "Needs checking" in page and 'class="suspicious"' not in mensch
    lample = row_of(page, "lample-model")
    assert "<td>75%</td>" in lample and "<td>0.58</td>" in lample
    # four questions answered by nobody else: consistency of k = 2 from 20 students
    assert re.search(r"Cronbach's alpha\):\s*73% for 2 questions", page)


def test_negative_discrimination_is_flagged(client, auth, teacher, answers) -> None:
    """u1-u10 right on mensch and wrong on lample, u11-u20 the reverse: r = -1."""
    for i, user in enumerate(answers.students(20), 1):
        answers.add(user, "mensch-former-lab", 1.0 if i <= 10 else 0.0)
        answers.add(user, "lample-model", 0.0 if i <= 10 else 1.0)
    auth.login("teacher1")
    page = client.get("/teacher/questions").text
    assert "<td>-1.00</td>" in row_of(page, "mensch-former-lab")
    assert "Negative discrimination: check the key" in row_of(page, "mensch-former-lab")
    assert "undefined: students' scores do not vary together" in page  # every total is 1
    assert rows(client.get("/teacher/questions?sort=suspicious").text)[:2] == [
        "mensch-former-lab",
        "lample-model",
    ]


def test_few_students_show_not_enough_data(client, auth, teacher, answers) -> None:
    for user in answers.students(3):
        answers.add(user, "mensch-former-lab", 0.0)
        answers.add(user, "lample-model", 1.0)
    auth.login("teacher1")
    page = client.get("/teacher/questions").text
    mensch = row_of(page, "mensch-former-lab")
    assert "<td>0%</td>" in mensch and "not enough data (n = 3)" in mensch
    assert "Extremely" not in mensch  # no flag from three students
    assert "not enough data (3 students answered two questions or more; 20 needed)" in page


def test_first_attempts_by_default_all_on_request(client, auth, teacher, answers) -> None:
    """One student: wrong at first, right twice later. First: 0%; all: mean (0+1+1)/3."""
    (user,) = answers.students(1)
    for minutes, score in [(0, 0.0), (5, 1.0), (10, 1.0)]:
        answers.add(user, "mensch-former-lab", score, minutes=minutes)
    auth.login("teacher1")
    first = row_of(client.get("/teacher/questions").text, "mensch-former-lab")
    assert "<td>0%</td>" in first and "(1 answer)" in first
    page = client.get("/teacher/questions?attempts=all&sort=most-missed").text
    assert "<td>67%</td>" in row_of(page, "mensch-former-lab") and "(3 answers)" in page
    assert 'href="/teacher/questions?attempts=first&amp;sort=most-missed"' in page
    assert 'aria-current="true">All attempts' in page
    unknown = client.get("/teacher/questions?attempts=x").text  # the default: first attempts
    assert "<td>0%</td>" in row_of(unknown, "mensch-former-lab")


def test_old_versions_do_not_count(client, auth, teacher, answers) -> None:
    """Two wrong answers to an earlier version, one right to the current one."""
    a, b, c = answers.students(3)
    answers.add(a, "mensch-former-lab", 0.0, version="old1")
    answers.add(b, "mensch-former-lab", 0.0, version="old1")
    answers.add(c, "mensch-former-lab", 1.0)
    auth.login("teacher1")
    row = row_of(client.get("/teacher/questions").text, "mensch-former-lab")
    assert "<td>100%</td>" in row and "1 earlier version with answers" in row
    details = client.get("/teacher/questions/mensch-former-lab").text
    old = re.search(r"<code>old1</code> \(earlier\).*?</tr>", details, re.S)[0]
    assert "<td>0%</td>" in old and '2 <span class="muted">(2 answers)' in old


def test_per_choice_table(client, auth, teacher, graded_class) -> None:
    auth.login("teacher1")
    page = client.get("/teacher/questions/mensch-former-lab").text
    table = page[page.index("Options picked") :]
    assert re.search(
        r'Google DeepMind</th><td><strong class="ok">right</strong></td>\s*'
        r"<td>10</td><td>50%</td>",
        table,
    )
    assert re.search(r"Meta</th><td>—</td>\s*<td>7</td><td>35%</td>", table)
    assert re.search(r"OpenAI</th><td>—</td>\s*<td>3</td><td>15%</td>", table)
    assert "Options picked" not in client.get("/teacher/questions/lample-model").text
    assert client.get("/teacher/questions/no-such-question").status_code == 404


def warm_selects(app, client, path: str) -> list[str]:
    """The SELECT statements of a second request for ``path`` (the first fills the caches)."""
    from tests.history.records import count_queries

    client.get(path)
    with count_queries(app) as statements:
        client.get(path)
    return [s for s in statements if s.lstrip().upper().startswith(("SELECT", "WITH"))]


def test_statistics_run_a_fixed_number_of_queries(app, client, auth, teacher, graded_class):
    auth.login("teacher1")
    selects = warm_selects(app, client, "/teacher/questions")
    # user, bank check, questions, the teacher's students (the cache key), the stored
    # figures, the newest answer (are they exact?), leeches: whatever the school
    assert len(selects) <= 7


def test_teachers_own_answers_do_not_count(client, auth, teacher, answers) -> None:
    answers.add(teacher, "lample-model", 0.0)
    auth.login("teacher1")
    assert "<td>0</td>" in row_of(client.get("/teacher/questions").text, "lample-model")


def test_sorting(client, auth, teacher, graded_class, questions) -> None:
    auth.login("teacher1")
    bank = rows(client.get("/teacher/questions").text)
    assert bank[:1] == ["mensch-former-lab"] and sorted(bank) == sorted(questions)
    missed = rows(client.get("/teacher/questions?sort=most-missed").text)
    assert missed[:2] == ["mensch-former-lab", "lample-model"]
    assert rows(client.get("/teacher/questions?sort=nonsense").text) == bank


def test_yaml_source_page(client, auth, teacher, questions) -> None:
    auth.login("teacher1")
    page = client.get("/teacher/questions/mensch-former-lab/yaml").get_data(as_text=True)
    assert '<span id="L3" class="marked"' in page and "id: mensch-former-lab" in page
    assert client.get("/teacher/questions/no-such-question/yaml").status_code == 404


def test_yaml_source_refuses_files_outside_the_bank(app, client, auth, teacher, questions):
    with app.app_context():
        db.session.get(Question, "lample-model").file = "../../pyproject.toml"
        db.session.commit()
    auth.login("teacher1")
    assert client.get("/teacher/questions/lample-model/yaml").status_code == 404


def test_one_question_runs_a_fixed_number_of_queries(app, client, auth, teacher, graded_class):
    auth.login("teacher1")
    selects = warm_selects(app, client, "/teacher/questions/mensch-former-lab")
    # user, the question, the questions, the teacher's students (one cache key
    # for both tables), stored figures and options picked, the newest answer (twice), the
    # question's leeches, its regrades, settings: whatever the school
    assert sum("sum(" in s and "count(" in s for s in selects) == 1
    assert len(selects) <= 11

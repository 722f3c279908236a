"""The history pages through the test client: overview, quizzes, one quiz, privacy."""

from __future__ import annotations

import re
from datetime import timedelta

from tests.history.records import NOW
from tests.support.classes import enrol


def session_links(page: str) -> list[int]:
    return [int(i) for i in re.findall(r'href="/history/quiz/(\d+)"', page)]


def test_history_needs_login(client) -> None:
    resp = client.get("/history/")
    assert resp.status_code == 302 and "/auth/login" in resp.location


def test_overview_and_session_list(client, auth, student, records, questions) -> None:
    records.quiz(student, questions[:3], [1.0, 0.5, 0.0], topics=["people"])
    auth.login()
    page = client.get("/history/").get_data(as_text=True)
    assert "Your history" in page
    assert "Founders and people" in page
    assert "50%" in page  # 1.5 points over 3 answers
    assert "3 of 3" in page
    assert "1 min 30 s" in page
    assert "Current streak</dt><dd>1 day" in page
    assert page.count("<svg") >= 2 and "<table>" in page
    assert '<th scope="row">2026-03-02</th><td>50%</td><td>3</td>' in page  # chart's table
    assert 'href="/history/export.csv"' in page


def test_the_heatmap_counts_one_day_and_one_answer_in_the_singular(
    client, auth, student, records, questions
) -> None:
    records.quiz(student, questions[:1], [1.0], topics=["people"])
    auth.login()
    page = client.get("/history/").get_data(as_text=True)
    assert "Answers per day over the last year: 1 answer on 1 day." in page
    assert "1 answer on 1 day from" in page  # the chart's description for screen readers
    assert ": 1 answers<" not in page and " on 1 days" not in page


def test_an_unfinished_quiz_scores_over_all_its_questions(
    client, auth, student, records, questions
) -> None:
    # 2 points of 4 questions, 2 never answered: 50 %, the end page's rule (not 2 / 2).
    records.quiz(student, questions[:4], [1.0, 1.0], topics=["people"], finished=False)
    auth.login()
    page = client.get("/history/").get_data(as_text=True)
    assert re.search(r"<td>50%</td>\s*<td>2 of 4</td>", page)
    assert "0 of 5" in page  # mastered: nothing studied yet


def test_a_quiz_with_re_asks_shows_its_first_try_beside_the_final_score(
    client, auth, student, records, questions
) -> None:
    # 3 questions, the 2nd and 3rd missed and asked again: final 3 of 3, first try 1 of 3
    asked = [*questions[:3], questions[1], questions[2]]
    records.quiz(student, asked, [1.0, 0.0, 0.0, 1.0, 1.0], topics=["people"])
    records.quiz(student, questions[:2], [1.0, 0.0], topics=["people"])  # no re-ask
    auth.login()
    page = client.get("/history/").get_data(as_text=True)
    assert re.search(
        r"<td>100%\s*<span class=\"muted first-try\">\(first try 33%\)</span></td>", page
    )
    assert re.search(r"<td>50%</td>\s*<td>2 of 2</td>", page)  # the same: said once
    assert page.count("first try") == 1


def test_sessions_are_paginated_newest_first(client, auth, student, records, questions) -> None:
    ids = [
        records.quiz(student, questions[:1], [1.0], started=NOW - timedelta(days=30 - i))
        for i in range(25)
    ]
    auth.login()
    first = client.get("/history/").get_data(as_text=True)
    assert session_links(first) == ids[::-1][:20]
    assert "Page 1 of 2" in first and 'href="/history/?page=2"' in first
    second = client.get("/history/?page=2").get_data(as_text=True)
    assert session_links(second) == ids[::-1][20:]
    assert client.get("/history/?page=3").status_code == 404


def test_session_page_shows_answer_beside_right_one(client, auth, student, records) -> None:
    quiz = records.quiz(
        student, ["mensch-former-lab"], [0.0], answers=["OpenAI"], topics=["people"]
    )
    auth.login()
    page = client.get(f"/history/quiz/{quiz}").get_data(as_text=True)
    assert "Your answer</dt><dd>OpenAI" in page
    assert "Right answer</dt><dd>Google DeepMind" in page
    assert "He came from Google DeepMind." in page  # the explanation
    assert "<em>AI lab</em>" in page  # the prompt's Markdown


def test_match_answers_are_marked_pair_by_pair(client, auth, student, records) -> None:
    given = {"Arthur Mensch": "Meta", "Guillaume Lample": "Meta", "Timothée Lacroix": "Meta"}
    quiz = records.quiz(student, ["founders-employers"], [2 / 3], answers=[given])
    auth.login()
    page = client.get(f"/history/quiz/{quiz}").get_data(as_text=True)
    assert page.count('<li class="part ok">') == 2 and page.count('<li class="part bad">') == 1
    assert "(right: Google DeepMind)" in page and "<dt>Your answer</dt>" not in page


def test_quizzes_show_mode_names_time_taken_and_abandoned(
    client, auth, student, records, questions
) -> None:
    records.quiz(student, questions[:2], [1.0, 0.0], seconds_each=12)
    records.quiz(student, questions[:3], [1.0], finished=False)  # an hour ago
    records.quiz(student, questions[:3], [1.0], NOW - timedelta(days=3), finished=False)
    auth.login()
    page = client.get("/history/").get_data(as_text=True)
    assert "<td>24 s</td>" in page  # the answers' times, as the end page counts them
    assert "New quiz <span" in page and ">topics<" not in page
    assert "(unfinished)" in page and "(abandoned)" in page


def test_other_students_session_is_404(client, auth, student, make_user, records, questions):
    other = make_user("student2")
    theirs = records.quiz(other, questions[:1], [1.0])
    auth.login()
    assert client.get(f"/history/quiz/{theirs}").status_code == 404
    assert client.get("/history/quiz/99999").status_code == 404
    assert str(theirs) not in " ".join(map(str, session_links(client.get("/history/").text)))


def test_teacher_sees_a_students_history_with_its_own_links(
    app, client, auth, student, teacher, records, questions
) -> None:
    enrol(app, teacher, [student])
    quiz = records.quiz(student, questions[:2], [1.0, 1.0])
    auth.login("teacher1")
    page = client.get(f"/teacher/students/{student}/history").get_data(as_text=True)
    assert "History of student1" in page
    assert f'href="/teacher/students/{student}/history/quiz/{quiz}"' in page
    assert f'href="/teacher/students/{student}/export.csv"' in page
    assert client.get(f"/teacher/students/{student}/history/quiz/{quiz}").status_code == 200
    assert client.get(f"/teacher/students/{teacher}/history/quiz/{quiz}").status_code == 404
    assert client.get("/teacher/students/99999/history").status_code == 404


def test_students_get_403_on_teacher_history_pages(
    client, auth, student, make_user, records, questions
) -> None:
    other = make_user("student2")
    quiz = records.quiz(other, questions[:1], [1.0])
    auth.login()
    for url in (
        f"/teacher/students/{other}/history",
        f"/teacher/students/{other}/history/quiz/{quiz}",
        f"/teacher/students/{other}/export.csv",
        f"/teacher/students/{student}/history",
    ):
        assert client.get(url).status_code == 403, url


def test_misconceptions_are_on_the_students_own_page(
    app, client, auth, student, teacher, make_user, records
) -> None:
    wrong_and_sure = [
        ("mensch-former-lab", 0.0, NOW - timedelta(days=1)),
        ("mensch-former-lab", 0.0, NOW),
    ]
    records.attempts(student, wrong_and_sure, confidence=3)
    records.attempts(student, [("lample-model", 0.0, NOW)], confidence=2)  # wrong, not sure
    records.attempts(student, [("deal-cloze", 1.0, NOW)], confidence=3)  # right and sure
    other = make_user("student2")
    records.attempts(other, [("founders-count", 0.0, NOW)], confidence=3)
    auth.login()
    page = client.get("/history/").get_data(as_text=True)
    section = page[page.index('id="misconceptions-title"') : page.index("<h2>Quizzes</h2>")]
    assert "Arthur Mensch worked at which" in section and "Google DeepMind" in section
    assert "<td>2</td>" in section  # twice
    for left_out in ("lample", "LLaMA", "How many", "fifteen"):
        assert left_out not in section, left_out
    auth.logout()
    enrol(app, teacher, [student])  # a teacher sees the students of their classes
    auth.login("teacher1")
    page = client.get(f"/teacher/students/{student}/history").get_data(as_text=True)
    assert "Misconceptions" in page and "Arthur Mensch worked at which" in page


def test_no_misconceptions_no_section(client, auth, student, records) -> None:
    records.attempts(student, [("lample-model", 0.0, NOW)])
    auth.login()
    assert "Misconceptions" not in client.get("/history/").get_data(as_text=True)

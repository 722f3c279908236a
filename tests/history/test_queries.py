"""The history queries: exact local days from SQL buckets, and a bounded number of queries."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from sqlalchemy import inspect

from quizapp.analytics import daily_activity
from quizapp.extensions import db
from quizapp.history import queries
from tests.history.records import NOW, count_queries, learned
from tests.support.classes import enrol


def test_buckets_split_at_local_midnight(app, student, records, questions) -> None:
    # 18:29 UTC is 23:59 in Kolkata (UTC+5:30), 18:30 UTC is midnight there.
    late = datetime(2026, 3, 1, 18, 29, 59, 999000, tzinfo=UTC)
    records.attempts(
        student, [(questions[0], 1.0, late), (questions[1], 0.0, late + timedelta(seconds=1))]
    )
    records.attempts(student, [(questions[2], 1.0, late)], kind="flashcard")
    with app.app_context():
        buckets = queries.activity_buckets(student, NOW - timedelta(days=7), NOW)
    assert sorted((b.answers, b.graded, b.score_sum) for b in buckets) == [(1, 1, 0.0), (2, 1, 1.0)]
    assert daily_activity(buckets, "Asia/Kolkata") == {date(2026, 3, 1): 2, date(2026, 3, 2): 1}
    assert daily_activity(buckets, "UTC") == {date(2026, 3, 1): 3}
    assert daily_activity(buckets, "America/New_York") == {date(2026, 3, 1): 3}


def test_buckets_respect_the_window_and_the_user(app, student, make_user, records, questions):
    other = make_user("student2")
    records.attempts(student, [(questions[0], 1.0, NOW - timedelta(days=400))])
    records.attempts(other, [(questions[0], 1.0, NOW)])
    with app.app_context():
        assert queries.activity_buckets(student, NOW - timedelta(days=380), NOW) == []


def fill(records, users: list[int], questions: list[str], quizzes: range) -> None:
    """Ten answers per quiz for each user, one quiz a day going back from NOW.

    Each user also gets a card on the question of each new quiz's day (up to ten).
    """
    for user in users:
        for day in quizzes:
            if day < 10:
                records.card(user, questions[day], learned(NOW - timedelta(days=day), lapses=day))
            started = NOW - timedelta(days=day, hours=1)
            scores = [(day + i) % 3 / 2 for i in range(10)]
            records.quiz(user, questions[:10], scores, started=started)
            records.attempts(user, [(questions[day % 10], 1.0, started)], kind="flashcard")


def measure(client, auth, username: str, urls: list[str]) -> dict[str, int]:
    """SQL statements run by each page, after a warm-up request of each (which loads the bank,
    and brings the cached question statistics up to date with the answers)."""
    auth.login(username)
    for url in urls:
        client.get(url).get_data()
    counts = {}
    for url in urls:
        with count_queries(client.application) as statements:
            resp = client.get(url)
            assert resp.status_code == 200, url
            resp.get_data()  # streamed bodies run their query now
        counts[url] = len(statements)
    auth.logout()
    return counts


def test_pages_run_the_same_number_of_queries_for_10_and_500_answers(
    app, client, auth, student, teacher, make_user, records, questions
) -> None:
    other = make_user("student2")
    enrol(app, teacher, [student, other])
    records.settings(student, timezone="Europe/Paris")
    fill(records, [student, other], questions, range(1))  # 10 graded + 1 flashcard each
    first_session = 1
    student_urls = ["/history/", f"/history/quiz/{first_session}", "/history/export.csv"]
    teacher_urls = [
        "/teacher/students",
        "/teacher/questions",
        "/teacher/questions?sort=suspicious",
        f"/teacher/students/{student}/history",
        f"/teacher/students/{student}/history/quiz/{first_session}",
        f"/teacher/students/{student}/export.csv",
    ]
    small = measure(client, auth, "student1", student_urls)
    small |= measure(client, auth, "teacher1", teacher_urls)

    fill(
        records, [student, other], questions, range(1, 50)
    )  # now 500 graded, 50 flashcards, 10 cards
    large = measure(client, auth, "student1", student_urls)
    large |= measure(client, auth, "teacher1", teacher_urls)

    assert large == small
    assert max(small.values()) <= 14, small  # 14: the calibration and the misconceptions too


def test_attempts_are_indexed_by_user_and_time(app) -> None:
    # The history pages read a user's attempts by time, so the table keeps that index.
    with app.app_context():
        indexes = inspect(db.engine).get_indexes("attempt")
    assert ["user_id", "created_at"] in [index["column_names"] for index in indexes]

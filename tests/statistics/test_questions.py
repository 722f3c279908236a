"""Question statistics from item_score: the same figures as the pure arithmetic, per set of
students, and the school's cached with their age."""

from __future__ import annotations

import random
from datetime import timedelta

import pytest
from sqlalchemy import event, select

from quizapp.analytics import MIN_STUDENTS, item_scores, item_statistics
from quizapp.extensions import db
from quizapp.models import ItemScore, StatisticsCache, User
from quizapp.statistics.cache import running_refreshes
from quizapp.statistics.questions import compute, figures, served_versions
from tests.analytics import reference
from tests.history.records import NOW, attempt_row


@pytest.fixture
def school(app, questions) -> list[int]:
    """Six students answer three questions: first wrong then right on the first question."""
    with app.app_context():
        users = [User(username=f"kid{i}", password_hash="!") for i in range(6)]
        db.session.add_all(users)
        db.session.flush()
        for i, user in enumerate(users):
            for k, question in enumerate(questions[:3]):
                score = 1.0 if (i + k) % 3 else 0.0
                when = NOW - timedelta(hours=10 - k)
                db.session.add(attempt_row(user.id, question, score, when))
            db.session.add(attempt_row(user.id, questions[0], 1.0, NOW))
        db.session.commit()
        return [u.id for u in users]


def test_figures_equal_the_arithmetic_on_the_answers(app, school, questions) -> None:
    """What item_statistics gives from hand-listed responses, compute gives from item_score."""
    responses = []
    for i, user in enumerate(school):
        for k, question in enumerate(questions[:3]):
            first = 1.0 if (i + k) % 3 else 0.0
            responses.append((question, "v1", user, first, 1))
    with app.app_context():
        result = compute(served_versions(), "first")
        assert result.items == item_statistics(responses)
        everything = compute(served_versions(), "all").items[(questions[0], "v1")]
    assert everything.answers == 12 and everything.students == 6


def test_a_set_of_students_gets_its_own_figures(app, school, questions) -> None:
    with app.app_context():
        some = select(User.id).where(User.id.in_(school[:2]))
        item = compute(served_versions(), "first", some).items[(questions[2], "v1")]
        cached = figures(served_versions(), "first", some, "teacher:1")
        again = figures(served_versions(), "first", some, "teacher:1")
        assert again.computed_at == cached.computed_at  # stored under the teacher's scope
        assert db.session.get(StatisticsCache, "questions:first:teacher:1") is not None
        more = select(User.id).where(User.id.in_(school[:3]))  # a student joined a class
        grown = figures(served_versions(), "first", more, "teacher:1")
    assert item.students == 2 and item.facility == 0.5  # kid0 right, kid1 wrong
    assert cached.value.items[(questions[2], "v1")] == item
    assert grown.value.items[(questions[2], "v1")].students == 3  # recomputed, not the old


def test_the_school_is_cached_and_exact_until_an_answer_comes(app, school, questions) -> None:
    with app.app_context():
        first = figures(served_versions(), "first")
        again = figures(served_versions(), "first")
        assert again.computed_at == first.computed_at and not again.behind
        db.session.add(attempt_row(school[0], questions[3], 1.0, NOW))
        db.session.commit()
        cheap = figures(served_versions(), "first")  # it took well under 50 ms: recomputed now
        assert not cheap.behind
        assert cheap.value.items[(questions[3], "v1")].students == 1


def test_costly_figures_are_served_with_their_age_then_refreshed(app, school, questions) -> None:
    app.config.update(STATISTICS_INLINE_SECONDS=0.0, STATISTICS_MAX_AGE=3600)
    with app.app_context():
        figures(served_versions(), "first")
        db.session.add(attempt_row(school[0], questions[3], 1.0, NOW))
        db.session.commit()
        stale = figures(served_versions(), "first")
        assert stale.behind and (questions[3], "v1") not in stale.value.items
        assert running_refreshes() == []  # younger than STATISTICS_MAX_AGE
        app.config["STATISTICS_MAX_AGE"] = 0
        figures(served_versions(), "first")  # starts the background refresh
        db.session.rollback()
    for thread in running_refreshes():
        thread.join(timeout=30)
    with app.app_context():
        fresh = figures(served_versions(), "first")
        assert not fresh.behind and (questions[3], "v1") in fresh.value.items


def test_an_edited_bank_recomputes_at_once(app, school, questions) -> None:
    app.config.update(STATISTICS_INLINE_SECONDS=0.0, STATISTICS_MAX_AGE=3600)
    with app.app_context():
        served = served_versions()
        figures(served, "first")
        served[questions[0]] = "v2"
        db.session.add(attempt_row(school[0], questions[3], 1.0, NOW))
        db.session.commit()
        assert not figures(served, "first").behind
        assert db.session.get(StatisticsCache, "questions:first").value["key"]


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_streamed_figures_equal_the_arithmetic_on_every_row_at_once(app, questions, seed) -> None:
    """A random school (some answers on an older version, some retried): compute, which
    streams item_score student by student, gives what the pure functions give from every
    row read at once in another order (the materialising first version of the arithmetic);
    the consistency over the served versions only."""
    rng = random.Random(seed)
    with app.app_context():
        served, s = served_versions(), ItemScore
        users = [User(username=f"pupil{i}", password_hash="!") for i in range(50)]
        db.session.add_all(users)
        db.session.flush()
        for user in users:
            for k, question in enumerate(rng.sample(questions, rng.randint(1, len(questions)))):
                for again in range(rng.choice([1, 1, 2, 3])):
                    when = NOW - timedelta(hours=50 - k, minutes=again)
                    row = attempt_row(user.id, question, rng.choice([0.0, 0.5, 1.0]), when)
                    row.question_version = rng.choice([served[question]] * 3 + ["old"])
                    db.session.add(row)
        db.session.commit()
        for attempts, score, count, counted in (
            ("first", s.first_score, 1, s.first_attempt_id.is_not(None)),
            ("all", s.score_sum, s.answers, True),
        ):
            result = compute(served, attempts)
            query = select(s.question_id, s.version, s.user_id, score, count).where(counted)
            rows = [(q, v, u, float(x), int(n)) for q, v, u, x, n in db.session.execute(query)]
            rng.shuffle(rows)
            expected = reference.item_statistics(rows, MIN_STUDENTS)
            assert result.items.keys() == expected.keys()
            assert all(reference.same(result.items[k], expected[k]) for k in expected)
            current = item_scores(r for r in rows if served.get(r[0]) == r[1])
            consistency = reference.internal_consistency(current, MIN_STUDENTS)
            assert reference.same(result.consistency, consistency)
            assert result.consistency.alpha is not None
            assert any(item.discrimination is not None for item in result.items.values())


def test_item_score_is_streamed_ordered_by_student(app, school) -> None:
    """compute reads item_score in batches (yield_per: a server-side cursor on PostgreSQL)
    ordered by student, so the school's rows are never all in memory at once."""
    seen = []

    def record(conn, cursor, statement, parameters, context, executemany) -> None:
        if "FROM item_score" in statement and "ORDER BY item_score.user_id" in statement:
            seen.append(context.execution_options.get("yield_per"))

    with app.app_context():
        event.listen(db.engine, "before_cursor_execute", record)
        try:
            compute(served_versions(), "first")
            compute(served_versions(), "all")
        finally:
            event.remove(db.engine, "before_cursor_execute", record)
    assert len(seen) == 2 and all(seen)

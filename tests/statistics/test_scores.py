"""item_score follows every write of an answer (triggers) and matches a full recount."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select, update

from quizapp.account.operations import delete_account
from quizapp.extensions import db
from quizapp.models import Attempt, ItemScore, Quiz, User
from quizapp.statistics.scores import rebuild_scores, score_differences
from tests.history.records import NOW, attempt_row
from tests.support.answers import record_answer


def scores(app) -> list[tuple]:
    with app.app_context():
        rows = db.session.execute(select(ItemScore).order_by(ItemScore.question_id)).scalars()
        return [
            (r.user_id, r.question_id, r.version, r.answers, r.score_sum, r.misconceptions,
             r.first_score, r.first_correct, r.first_normalised)
            for r in rows
        ]  # fmt: skip


def matches_recount(app) -> bool:
    with app.app_context():
        return score_differences() == []


def test_answers_are_summed_per_student_and_version(app, records, questions, student) -> None:
    q = questions[0]
    records.quiz(student, [q, q, questions[1]], [0.0, 1.0, 0.5])
    assert set(scores(app)) == {
        (student, q, "v1", 2, 1.0, 0, 0.0, False, "answer 0"),
        (student, questions[1], "v1", 1, 0.5, 0, 0.5, False, "answer 2"),
    }
    assert matches_recount(app)


def test_flashcards_do_not_count(app, records, questions, student) -> None:
    records.attempts(student, [(questions[0], 1.0, NOW)], kind="flashcard")
    assert scores(app) == []


def test_first_answer_is_the_earliest_and_may_be_an_older_version(app, records, student) -> None:
    records.attempts(student, [("lample-model", 1.0, NOW)])
    with app.app_context():
        earlier = attempt_row(student, "lample-model", 0.0, NOW - timedelta(days=1))
        earlier.question_version = "v0"
        earlier.confidence = 3
        db.session.add(earlier)
        db.session.commit()
    rows = {r[2]: r for r in scores(app)}
    assert rows["v0"][3:] == (1, 0.0, 1, 0.0, False, "an answer")
    assert rows["v1"][6:] == (None, None, None)  # its answer was not the first
    assert matches_recount(app)


def test_a_regrade_and_a_deletion_are_followed(app, records, questions, student) -> None:
    records.quiz(student, [questions[0], questions[0]], [0.0, 0.0])
    with app.app_context():
        db.session.execute(update(Attempt).values(score=1.0, correct=True))
        db.session.commit()
    assert scores(app)[0][3:8] == (2, 2.0, 0, 1.0, True)
    with app.app_context():
        first = db.session.execute(select(Attempt).order_by(Attempt.id)).scalars().first()
        db.session.delete(first)
        db.session.commit()
    assert scores(app)[0][3:7] == (1, 1.0, 0, 1.0)
    assert matches_recount(app)


def test_a_deleted_account_leaves_no_rows(app, records, questions, student) -> None:
    records.quiz(student, questions[:3], [1.0, 0.0, 1.0])
    with app.app_context():
        delete_account(db.session.get(User, student))
        db.session.commit()
    assert scores(app) == []
    assert matches_recount(app)


def test_quiz_answers_through_the_app_are_counted(app, questions, student) -> None:
    from quizapp.bank.webapp import current_bank

    with app.app_context():
        bank = current_bank()
        quiz = Quiz(user_id=student, question_ids=questions[:2], topics=[], mode="topics")
        db.session.add(quiz)
        db.session.commit()
        spec = bank.questions[questions[0]]
        record_answer(quiz, spec, {"answer": "no idea"}, NOW)
        db.session.commit()
    assert scores(app)[0][3] == 1
    assert matches_recount(app)


def test_rebuild_recounts_a_table_gone_wrong(app, records, questions, student) -> None:
    records.quiz(student, questions[:3], [1.0, 0.0, 1.0])
    with app.app_context():
        db.session.execute(update(ItemScore).values(answers=99))
        db.session.add(ItemScore(
            user_id=12345, question_id="ghost", version="v1", answers=1, score_sum=1.0,
            misconceptions=0,
        ))  # fmt: skip
        db.session.commit()
        assert len(score_differences()) == 4
        assert rebuild_scores() == 3
        db.session.commit()
    assert matches_recount(app)

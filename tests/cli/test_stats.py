"""``flask stats rebuild|check|refresh``."""

from __future__ import annotations

from sqlalchemy import func, select, update

from quizapp.extensions import db
from quizapp.models import ItemScore, StatisticsCache
from tests.history.records import NOW, attempt_row


def test_check_rebuild_and_refresh(app, runner, student) -> None:
    from quizapp.bank.webapp import current_bank

    with app.app_context():
        question = next(iter(current_bank().questions))
        db.session.add(attempt_row(student, question, 1.0, NOW))
        db.session.commit()
    result = runner.invoke(args=["stats", "check"])
    assert result.exit_code == 0 and "matches a full recount" in result.output
    with app.app_context():
        db.session.execute(update(ItemScore).values(score_sum=7.0))
        db.session.commit()
    result = runner.invoke(args=["stats", "check"])
    assert result.exit_code == 1 and "stats rebuild" in result.output
    assert "stored (1, 7.0" in result.output
    result = runner.invoke(args=["stats", "refresh"])
    assert result.exit_code == 0 and "questions:first, questions:all" in result.output
    result = runner.invoke(args=["stats", "rebuild"])
    assert result.exit_code == 0 and "1 rows" in result.output
    assert runner.invoke(args=["stats", "check"]).exit_code == 0
    with app.app_context():
        assert db.session.execute(select(func.count()).select_from(StatisticsCache)).scalar() == 0

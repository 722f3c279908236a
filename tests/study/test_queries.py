"""Looking a quiz up: by owner first, then id; another student's is not found."""

from __future__ import annotations

import pytest
from flask import Flask
from werkzeug.exceptions import NotFound

from quizapp.bank.webapp import current_bank
from quizapp.extensions import db
from quizapp.study import operations as ops
from quizapp.study.queries import find_quiz, quiz_or_404

from .conftest import START


def test_quiz_or_404_finds_only_the_owners_session(app: Flask, student: int, make_user) -> None:
    other = make_user("student2")
    with app.app_context():
        current_bank()
        quiz = ops.create_quiz(student, "topics", ["lample-model"], START, topics=[], seed=1)
        db.session.commit()
        assert quiz_or_404(student, quiz.id) is quiz is find_quiz(student, quiz.id)
        assert find_quiz(other, quiz.id) is None
        with pytest.raises(NotFound):
            quiz_or_404(other, quiz.id)
        with pytest.raises(NotFound):
            quiz_or_404(student, quiz.id + 1)

"""A quiz's score over its distinct questions: first try, final, unanswered = 0, progress."""

from __future__ import annotations

from quizapp.study.scoring import first_answers, progress, quiz_score, tally

IDS = ["a", "b", "c", "a", "d"]  # "a" asked again at slot 3


def test_first_try_and_final_scores_count_each_question_once() -> None:
    counted = tally(IDS, [(0, "a", 0.0), (1, "b", 1.0), (2, "c", 0.5), (3, "a", 1.0)])
    assert (counted.questions, counted.answered, counted.reasked) == (4, 3, 1)
    assert (counted.first_points, counted.final_points) == (1.5, 2.5)
    assert counted.first_share == 1.5 / 4 and counted.share == 2.5 / 4  # "d" unanswered: 0
    assert counted.unanswered == 1


def test_ended_early_scores_over_the_whole_quiz() -> None:
    # 7 points over 12 questions, 5 never answered: 58 %, not 7 / 7.
    ids = [f"q{i}" for i in range(12)]
    counted = tally(ids, [(i, ids[i], 1.0) for i in range(7)])
    assert round(counted.share * 100) == 58 and counted.unanswered == 5
    assert quiz_score(0.0, 12, answered=0) is None and quiz_score(3.0, 0) is None


def test_progress_counts_reasks_apart() -> None:
    assert progress(IDS, 2).text == "Question 3 of 4"
    again = progress(IDS, 3)
    assert again.reask and again.text == "Question 3 of 4 · 1 asked again"
    assert progress(IDS, 4).text == "Question 4 of 4 · 1 asked again"


def test_first_answers_take_each_questions_lowest_slot() -> None:
    answers = [(3, "b", "b again"), (0, "a", "a first"), (1, "b", "b first"), (2, "a", "a again")]
    assert first_answers(answers) == {"a": "a first", "b": "b first"}
    assert first_answers([]) == {}

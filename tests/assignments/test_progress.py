"""A student's status: not started, in progress, done, late; overdue beside the first two."""

from __future__ import annotations

from datetime import timedelta

from quizapp.assignments.progress import Status, Try, assigned_to, progress_of
from quizapp.models import Assignment

from .conftest import START, make_assignment

DUE = START + timedelta(days=1)


def homework() -> Assignment:
    return Assignment(opens_at=START, due_at=DUE, reveal="each")


def test_statuses_from_tries() -> None:
    a = homework()
    before, after = DUE - timedelta(hours=1), DUE + timedelta(hours=1)
    assert progress_of(a, [], before).status is Status.NOT_STARTED
    assert progress_of(a, [], after).label == "not started (overdue)"
    started = Try(1, START, None)
    assert progress_of(a, [started], before).status is Status.IN_PROGRESS
    assert progress_of(a, [started], after).label == "in progress (overdue)"
    on_time = Try(1, START, before)
    assert progress_of(a, [on_time], after).label == "done"
    late = Try(1, START, after)
    assert progress_of(a, [late], after + timedelta(hours=1)).status is Status.LATE


def test_the_first_hand_in_decides_late_and_later_tries_do_not_undo_it() -> None:
    a = homework()
    first = Try(1, START, DUE - timedelta(minutes=1))
    again = Try(2, DUE + timedelta(hours=2), DUE + timedelta(hours=3))
    progress = progress_of(a, [again, first], DUE + timedelta(days=1))
    assert progress.status is Status.DONE
    assert progress.last_finished == again and progress.unfinished is None


def test_due_exactly_on_time_is_not_late() -> None:
    assert progress_of(homework(), [Try(1, START, DUE)], DUE).status is Status.DONE


def test_home_lists_the_classes_work_and_drops_old_done_work(app, school, clock) -> None:
    soon = make_assignment(app, school.class_a, title="Soon")
    other = make_assignment(app, school.class_b, title="Other class")
    with app.app_context():
        listed = assigned_to(school.ann, clock.now)
        assert [a.id for a, _ in listed] == [soon]
        assert other not in [a.id for a, _ in assigned_to(school.ann, clock.now)]
        # not handed in: stays listed, overdue, however old
        later = DUE + timedelta(days=30)
        assert [p.label for _, p in assigned_to(school.ann, later)] == ["not started (overdue)"]

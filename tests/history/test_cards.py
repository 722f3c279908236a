"""Card figures on the history and teacher pages: mastery, retention, due cards, leeches."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

from quizapp.scheduling import CardState, Rating, State, new_card, rate
from tests.history.records import NOW, learned
from tests.support.classes import enrol


def review(stability: float, days_ago: float) -> CardState:
    """A card in review with `stability` days, last rated `days_ago` before NOW."""
    last = NOW - timedelta(days=days_ago)
    return CardState(State.Review, None, stability, 5.0, last + timedelta(days=stability), last)


def stages(page: str, title: str) -> tuple[str, ...]:
    """A mastery row's new, learning, young, mastered, total and percentage."""
    row = re.search(
        rf"{title}</th><td>(\d+)</td><td>(\d+)</td><td>(\d+)</td>\s*<td>(\d+) of (\d+)</td>"
        r"\s*<td><span class=\"stage-bar\" aria-hidden=\"true\">[^<]*</span> (\d+)%",
        page,
    )
    return row.groups()


def test_mastery_and_retention_on_the_history_page(client, auth, student, records) -> None:
    records.card(student, "mensch-former-lab", learned(NOW - timedelta(minutes=5)))  # young
    records.card(student, "lample-model", review(30.0, 30))  # mastered; recall 0.9 (t = S)
    records.card(student, "founders-from-meta", review(2.0, 2))  # young; recall 0.9
    records.card(student, "mistral-is-french", review(40.0, 1), suspended=True)
    records.card(student, "deal-cloze", new_card(NOW))  # new
    records.card(student, "founded-year", rate(new_card(NOW), Rating.Again, NOW).new_state)
    auth.login()
    page = client.get("/history/").get_data(as_text=True)
    # 5 served people questions: 1 new, 0 learning, 2 young, 1 mastered, 1 suspended -> 20 %.
    assert stages(page, "Founders and people") == ("1", "0", "2", "1", "5", "20")
    assert "(1 suspended)" in page
    assert stages(page, "Money and dates") == ("5", "1", "0", "0", "6", "0")
    # Only the two cards rated before today count; the one rated 5 minutes ago does not.
    retention = re.search(r"Average predicted retention</dt>\s*<dd>(\d+)%", page)
    assert retention[1] == "90"
    assert "if asked now; 2 cards." in page


def test_one_sitting_shows_no_mastery_and_no_retention(client, auth, student, records) -> None:
    records.card(student, "mensch-former-lab", learned(NOW - timedelta(minutes=5)))
    records.card(student, "lample-model", rate(new_card(NOW), Rating.Easy, NOW).new_state)
    auth.login()
    page = client.get("/history/").get_data(as_text=True)
    assert stages(page, "Founders and people") == ("3", "0", "2", "0", "5", "0")
    assert "Average predicted retention</dt>\n        <dd>—</dd>" in page
    assert "Predicted retention shows — until a card you studied before today" in page


def test_settings_set_the_day_boundary(client, auth, student, records, questions) -> None:
    # 23:30 UTC on 1 March is 08:30 on 2 March in Tokyo: today there, yesterday in UTC.
    late = datetime(2026, 3, 1, 23, 30, tzinfo=UTC)
    records.attempts(student, [(questions[0], 1.0, late)])
    auth.login()
    utc_page = client.get("/history/").get_data(as_text=True)
    assert '<th scope="row">2026-03-01</th><td>1</td>' in utc_page
    assert "Current streak</dt><dd>1 day" in utc_page
    records.settings(student, timezone="Asia/Tokyo", desired_retention=0.95)
    tokyo_page = client.get("/history/").get_data(as_text=True)
    assert '<th scope="row">2026-03-02</th><td>1</td>' in tokyo_page
    assert "midnight to midnight in Asia/Tokyo" in tokyo_page


def test_unknown_saved_timezone_falls_back_to_utc(client, auth, student, records) -> None:
    records.settings(student, timezone="Mars/Olympus")
    auth.login()
    assert "midnight to midnight in UTC" in client.get("/history/").get_data(as_text=True)


def test_class_overview_counts_due_cards_and_leeches(
    app, client, auth, teacher, student, records
) -> None:
    enrol(app, teacher, [student])
    records.card(student, "mensch-former-lab", learned(NOW - timedelta(days=30)))  # due
    records.card(student, "lample-model", learned(NOW))  # not due
    records.card(student, "deal-cloze", new_card(NOW - timedelta(days=1)))  # new: not counted
    records.card(student, "founded-year", learned(NOW - timedelta(days=30)), suspended=True)
    records.card(student, "founders-count", learned(NOW, lapses=8), suspended=True)  # leech
    records.card(teacher, "founders-count", learned(NOW, lapses=9))  # teachers do not count
    auth.login("teacher1")
    page = client.get("/teacher/students").get_data(as_text=True)
    row = re.search(r"student1</a>.*?</tr>", page, re.S)[0]
    assert re.findall(r"<td>(\d+)</td>\s*</tr>", row) == ["1"]  # leeches, last column
    assert re.findall(r"<td>(\d+)</td>\s*<td>\d+</td>\s*</tr>", row) == ["1"]  # due
    questions_page = client.get("/teacher/questions").get_data(as_text=True)
    leech_row = re.search(r"<code>founders-count</code>.*?</tr>", questions_page, re.S)[0]
    assert re.search(r"<td>(\d+)</td>\s*</tr>$", leech_row)[1] == "1"
    one = client.get("/teacher/questions/founders-count").get_data(as_text=True)
    assert "1 of the students' cards on this question is a leech" in one
    other = client.get("/teacher/questions/lample-model").get_data(as_text=True)
    assert "0 of the students' cards on this question are leeches" in other

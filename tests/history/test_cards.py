"""Card figures on the history and teacher pages: mastery, retention, due cards, leeches."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

from quizapp.scheduling import new_card
from tests.history.records import NOW, learned


def test_mastery_and_retention_on_the_history_page(client, auth, student, records) -> None:
    records.card(student, "mensch-former-lab", learned(NOW - timedelta(minutes=5)))
    records.card(student, "lample-model", learned(NOW - timedelta(days=200)))  # faded
    records.card(student, "mistral-is-french", learned(NOW), suspended=True)
    records.card(student, "deal-cloze", new_card(NOW))
    auth.login()
    page = client.get("/history/").get_data(as_text=True)
    people = re.search(r"Founders and people</th><td>(\d+) of (\d+)", page)
    assert people.groups() == ("1", "5")  # only the fresh card is mastered
    timeline = re.search(r"Money and dates</th><td>(\d+) of (\d+)", page)
    assert timeline.groups() == ("0", "6")
    assert "at least your desired retention (90%)" in page
    retention = re.search(r"Average predicted retention</dt>\s*<dd>(\d+)%", page)
    assert 50 < int(retention[1]) < 100  # mean of ~100 % and a faded card


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
    assert "desired retention (95%)" in tokyo_page


def test_unknown_saved_timezone_falls_back_to_utc(client, auth, student, records) -> None:
    records.settings(student, timezone="Mars/Olympus")
    auth.login()
    assert "midnight to midnight in UTC" in client.get("/history/").get_data(as_text=True)


def test_class_overview_counts_due_cards_and_leeches(
    client, auth, teacher, student, records
) -> None:
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

"""The settings page: defaults, saving, validation messages, and their effect on the queue."""

from __future__ import annotations

import re

import pytest

from quizapp.auth.identity import load_session_user
from quizapp.extensions import db
from quizapp.models import UserSettings
from tests.study.conftest import start

VALID = {
    "desired_retention": "0.85",
    "new_per_day": "5",
    "reviews_per_day": "50",
    "timezone": "Europe/Paris",
    "shortcuts": "y",  # a ticked checkbox; an unticked one is not posted
}
SHORTCUTS = re.compile(r'<input[^>]*name="shortcuts"[^>]*>')


def saved(app, user_id: int) -> UserSettings | None:
    with app.app_context():
        row = db.session.get(UserSettings, user_id)
        db.session.expunge_all()
        return row


def test_defaults_are_shown(client, auth, student) -> None:
    auth.login()
    page = client.get("/settings").get_data(as_text=True)
    assert re.search(r'<input[^>]*name="desired_retention"[^>]*value="90"', page)
    assert 'value="20"' in page and 'value="200"' in page
    assert '<option selected value="UTC">UTC</option>' in page
    assert "checked" in SHORTCUTS.search(page)[0]  # keyboard shortcuts are on
    assert '<a href="/settings" aria-current="page">Settings</a>' in page  # in the nav


def test_saving(app, client, auth, student) -> None:
    auth.login()
    resp = client.post("/settings", data=VALID)
    assert resp.status_code == 302 and resp.location == "/settings"
    page = client.get("/settings").get_data(as_text=True)
    assert "Settings saved." in page and 'value="85"' in page
    row = saved(app, student)
    assert (row.desired_retention, row.new_per_day, row.reviews_per_day, row.timezone) == (
        0.85,
        5,
        50,
        "Europe/Paris",
    )
    assert row.shortcuts is True


def test_the_shortcuts_checkbox_is_labelled_and_described(client, auth, student) -> None:
    auth.login()
    page = client.get("/settings").get_data(as_text=True)
    box = SHORTCUTS.search(page)[0]
    assert 'type="checkbox"' in box and 'aria-describedby="shortcuts-help"' in box
    assert re.search(r"<label><input[^>]*name=\"shortcuts\"[^>]*> Keyboard shortcuts \(1–9,", page)
    assert '<small id="shortcuts-help">Number keys choose answers' in page


def test_switching_shortcuts_off_and_on(app, client, auth, student) -> None:
    auth.login()
    off = {key: value for key, value in VALID.items() if key != "shortcuts"}
    assert client.post("/settings", data=off).status_code == 302
    assert saved(app, student).shortcuts is False
    assert "checked" not in SHORTCUTS.search(client.get("/settings").get_data(as_text=True))[0]
    assert client.post("/settings", data=VALID).status_code == 302
    assert saved(app, student).shortcuts is True


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("desired_retention", "0.79", "Desired retention must be between 80% and 97%."),
        ("desired_retention", "98", "Desired retention must be between 80% and 97%."),
        ("desired_retention", "9", "Desired retention must be between 80% and 97%."),
        ("desired_retention", "high", "Type a percentage, e.g. 90."),
        ("desired_retention", "", "Enter a desired retention."),
        ("new_per_day", "-1", "Use a whole number from 0 to 10000."),
        ("new_per_day", "2.5", "Not a valid integer value."),
        ("reviews_per_day", "100000", "Use a whole number from 0 to 10000."),
        ("reviews_per_day", "9" * 400, "That number has too many digits."),  # not a 500
        ("new_per_day", "-" + "1" * 40, "That number has too many digits."),
        ("timezone", "Mars/Olympus_Mons", "Choose a time zone from the list, e.g. Europe/Paris."),
    ],
)
def test_invalid_values_are_refused(app, client, auth, student, field, value, message) -> None:
    auth.login()
    resp = client.post("/settings", data={**VALID, field: value})
    assert resp.status_code == 200
    page = resp.get_data(as_text=True)
    assert message in page and 'aria-invalid="true"' in page
    assert saved(app, student) is None


def test_a_refused_form_keeps_the_shortcuts_choice(client, auth, student) -> None:
    auth.login()
    off = {key: value for key, value in VALID.items() if key != "shortcuts"}
    page = client.post("/settings", data={**off, "new_per_day": "-1"}).get_data(as_text=True)
    assert "checked" not in SHORTCUTS.search(page)[0]


@pytest.mark.parametrize(
    ("typed", "retention"),
    [("0.80", 0.80), ("0.97", 0.97), ("90", 0.90), ("85 %", 0.85), ("0,9", 0.90), ("97", 0.97)],
)
def test_retention_is_typed_as_a_percent_or_a_fraction(
    app, client, auth, student, typed, retention
) -> None:
    auth.login()
    assert client.post("/settings", data={**VALID, "desired_retention": typed}).status_code == 302
    assert saved(app, student).desired_retention == retention
    page = client.get("/settings").get_data(as_text=True)
    assert f'value="{round(retention * 100)}"' in page


def test_retention_changes_the_intervals(app, client, auth, student) -> None:
    auth.login()

    def good_interval() -> str:
        page = client.get("/flashcards/q/lample-model?flipped=1").get_data(as_text=True)
        return re.search(r'value="3".*?<small>([^<]+)</small>', page, re.S)[1]

    client.post("/settings", data={**VALID, "desired_retention": "0.97"})
    often = good_interval()
    client.post("/settings", data={**VALID, "desired_retention": "0.80"})
    seldom = good_interval()
    assert often != seldom


def study_pages(client) -> dict[str, str]:
    """The flashcard front and back, a quiz question and its feedback, as the student sees them."""
    quiz = start(client, ["people"])
    question = quiz.page()
    feedback = client.get(quiz.answer().location).get_data(as_text=True)
    return {
        "front": client.get("/flashcards/").get_data(as_text=True),
        "back": client.get("/flashcards/q/lample-model?flipped=1").get_data(as_text=True),
        "question": question,
        "feedback": feedback,
    }


@pytest.mark.parametrize("on", [True, False])
def test_shortcuts_setting_marks_the_study_pages(client, auth, student, on) -> None:
    auth.login()
    form = VALID if on else {key: value for key, value in VALID.items() if key != "shortcuts"}
    client.post("/settings", data=form)
    for name, page in study_pages(client).items():
        assert ("data-keys" in page) == on, name
        assert ('class="kbd-help"' in page) == on, name


def test_the_account_carries_the_shortcuts_setting(app, client, auth, student) -> None:
    with app.app_context():
        assert load_session_user(f"{student}.0").shortcuts is True  # nothing saved yet
    auth.login()
    client.post("/settings", data={k: v for k, v in VALID.items() if k != "shortcuts"})
    with app.app_context():
        assert load_session_user(f"{student}.0").shortcuts is False


def test_confidence_marking_is_off_by_default_and_can_be_switched_on(app, client, auth, student):
    auth.login()
    page = client.get("/settings").get_data(as_text=True)
    box = re.search(r'<input[^>]*name="confidence_marking"[^>]*>', page)[0]
    assert "checked" not in box and "How sure are you?" in page
    assert client.post("/settings", data=VALID | {"confidence_marking": "y"}).status_code == 302
    assert saved(app, student).confidence_marking is True
    with app.app_context():
        assert load_session_user(f"{student}.0").confidence_marking is True
    assert client.post("/settings", data=VALID).status_code == 302
    assert saved(app, student).confidence_marking is False


def test_until_a_zone_is_saved_settings_ask_for_one(client, auth, student) -> None:
    auth.login()
    page = client.get("/settings").get_data(as_text=True)
    assert 'id="zone-prompt"' in page and "Choose your time zone" in page
    client.post("/settings", data=VALID)
    assert 'id="zone-prompt"' not in client.get("/settings").get_data(as_text=True)


def test_the_browser_zone_is_adopted_once_and_never_over_a_saved_one(
    app, client, auth, student
) -> None:
    auth.login()
    assert 'data-zone-url="/settings/zone"' in client.get("/").get_data(as_text=True)
    assert client.post("/settings/zone", data={"zone": "Not/AZone"}).status_code == 400
    assert saved(app, student) is None
    assert client.post("/settings/zone", data={"zone": "Asia/Tokyo"}).status_code == 204
    row = saved(app, student)
    assert row.timezone == "Asia/Tokyo" and row.desired_retention == 0.9  # defaults otherwise
    assert "data-zone-url" not in client.get("/").get_data(as_text=True)  # asked once
    client.post("/settings", data=VALID)  # the student's choice (Europe/Paris) wins
    assert client.post("/settings/zone", data={"zone": "America/Lima"}).status_code == 204
    assert saved(app, student).timezone == "Europe/Paris"


def test_the_zone_endpoint_needs_a_csrf_token(app, client, auth, student) -> None:
    app.config["WTF_CSRF_ENABLED"] = True
    auth.login()
    assert client.post("/settings/zone", data={"zone": "Asia/Tokyo"}).status_code == 400
    assert saved(app, student) is None

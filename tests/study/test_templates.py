"""The answer partials (one per type) and safe rendering of bank text."""

from __future__ import annotations

import random
import re
import shutil
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pytest
from flask import Flask, render_template
from werkzeug.datastructures import MultiDict

from quizapp.bank.validate import load_bank
from quizapp.grading import MAX_ANSWER_LENGTH
from quizapp.qtypes import REGISTRY, get_type
from tests.conftest import TINY_BANK

from .conftest import RIGHT, hidden, start

BANK = load_bank(TINY_BANK).bank
assert BANK is not None


def render_partial(app: Flask, question_id: str, form: dict[str, object] | None) -> str:
    """A question's partial, as re-shown with the answer ``form`` filled in."""
    spec = BANK.questions[question_id]
    qtype = get_type(spec.type)
    display = qtype.display(spec, random.Random(5))
    given = qtype.parse_form(MultiDict(form), spec, display) if form else None
    with app.test_request_context():
        return render_template(
            qtype.template, display=display, given=given, max_answer_length=MAX_ANSWER_LENGTH
        )


def test_every_registered_type_has_a_partial(app: Flask) -> None:
    assert {spec.type for spec in BANK.questions.values()} == set(REGISTRY)
    for name, qtype in REGISTRY.items():
        assert (Path(app.root_path) / "templates" / qtype.template).is_file(), name


@pytest.mark.parametrize("question_id", sorted(RIGHT))
def test_partials_keep_the_given_answer(app: Flask, question_id: str) -> None:
    blank = render_partial(app, question_id, None)
    filled = render_partial(app, question_id, RIGHT[question_id])
    assert " checked" not in blank and " selected" not in blank
    for name, values in RIGHT[question_id].items():
        for value in values if isinstance(values, list) else [values]:
            if 'type="text"' in filled:
                assert re.search(rf'name="{name}" value="{re.escape(value)}"', filled), value
            elif "<select" in filled:
                select = filled[filled.index(f'name="{name}"') :].split("</select>")[0]
                assert f'value="{value}" selected' in select, (name, value)
            else:
                assert re.search(rf'value="{re.escape(value)}"[^>]*checked', filled), value


@pytest.mark.parametrize("name", sorted(REGISTRY))
def test_a_type_promises_number_keys_only_when_its_partial_has_them(app: Flask, name: str) -> None:
    partial = (Path(app.root_path) / "templates" / REGISTRY[name].template).read_text()
    assert REGISTRY[name].choice_keys == ("data-key-choice" in partial)


def test_choice_keys_are_numbered(app: Flask) -> None:
    page = render_partial(app, "mensch-former-lab", None)
    assert page.count("data-key-choice") == 4
    assert [int(k) for k in re.findall(r'<kbd class="key"[^>]*>(\d)</kbd>', page)] == [1, 2, 3, 4]


@pytest.fixture
def app_config(clock, tmp_path: Path) -> dict[str, object]:
    """A copy of the tiny bank whose texts carry HTML and Markdown."""
    bank = tmp_path / "bank"
    shutil.copytree(TINY_BANK, bank)
    people = bank / "people.yaml"
    text = people.read_text(encoding="utf-8")
    text = text.replace(
        "explanation: He came from Google DeepMind.",
        'explanation: "<script>alert(1)</script> He came from **Google DeepMind**, see'
        ' [the article](https://example.com/a) and [this](javascript:alert(2))."',
    )
    text = text.replace("hint: Think of Google.", 'hint: "<b>Google</b>"')
    people.write_text(text, encoding="utf-8")
    return {"CLOCK": clock, "QUESTIONS_DIR": str(bank)}


def test_bank_text_is_never_raw_html(client, auth, student) -> None:
    auth.login()
    driver = start(client, ["people"])
    while driver.current()[1] != "mensch-former-lab":
        driver.answer()
    question = driver.page()
    assert "<b>Google</b>" not in question and "&lt;b&gt;Google&lt;/b&gt;" in question
    page = client.get(driver.answer().location).get_data(as_text=True)
    assert "<script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<strong>Google DeepMind</strong>" in page
    assert 'href="https://example.com/a"' in page and 'href="javascript' not in page


def test_the_question_page_names_only_the_keys_that_work(client, auth, student) -> None:
    auth.login()
    quiz = start(client, topics=list(BANK.topics))
    seen: dict[str, str] = {}
    while (response := client.get(quiz.url)).status_code == 200:
        page = response.get_data(as_text=True)
        keys = page.split('class="kbd-help"')[1].split("</p>")[0]
        seen[BANK.questions[hidden(page, "question_id")].type] = keys
        quiz.answer()
    assert set(seen) == set(REGISTRY)
    for name, keys in seen.items():
        assert ("1</kbd>–<kbd>9" in keys) == REGISTRY[name].choice_keys, name
        assert "check" in keys and "next question" not in keys  # N and → go on from feedback
        # On a drop-down list Enter opens the list: the hint says so instead of "Enter check".
        assert ("on a list opens it" in keys) == REGISTRY[name].lists, name


def first_control(page: str) -> str:
    """The first input or select inside the answer fieldset of a question page."""
    fieldset = page.split("<fieldset", 1)[1].split("</fieldset>", 1)[0]
    return re.search(r"<(?:input|select)\b[^>]*>", fieldset)[0]


def test_the_first_answer_control_has_focus(client, auth, student) -> None:
    auth.login()
    quiz = start(client, topics=list(BANK.topics))
    types = set()
    while (response := client.get(quiz.url)).status_code == 200:
        page = response.get_data(as_text=True)
        types.add(BANK.questions[hidden(page, "question_id")].type)
        assert "autofocus" in first_control(page), first_control(page)
        assert page.count("autofocus") == 1
        quiz.answer()
    assert types == set(REGISTRY)


def test_long_list_texts_are_listed_in_full_and_lettered(app: Flask) -> None:
    page = render_partial(app, "timeline-order", None)
    spec = BANK.questions["timeline-order"]
    listed = re.findall(r'<span class="letter">([A-Z])</span> ([^<]+)</li>', page)
    assert sorted(text for _, text in listed) == sorted(spec.fields["items"])
    for letter, text in listed:  # each option names its item by the letter shown above
        assert f">{letter} — {text}</option>" in page


class _Ids(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: Counter[str] = Counter()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.ids.update(value or "" for name, value in attrs if name == "id")


def repeated_ids(page: str) -> list[str]:
    """The ``id`` values that more than one element of ``page`` carries."""
    parser = _Ids()
    parser.feed(page)
    parser.close()
    return sorted(value for value, count in parser.ids.items() if count > 1)


def test_no_question_or_feedback_page_repeats_an_id(client, auth, student) -> None:
    auth.login()
    quiz = start(client, topics=list(BANK.topics))
    types: set[str] = set()
    while (response := client.get(quiz.url)).status_code == 200:
        page = response.get_data(as_text=True)
        assert repeated_ids(page) == [], hidden(page, "question_id")
        types.add(BANK.questions[hidden(page, "question_id")].type)
        feedback = quiz.answer(right=False)
        if feedback.status_code == 302:
            feedback = client.get(feedback.location)
        assert repeated_ids(feedback.get_data(as_text=True)) == []
    assert types == set(REGISTRY)

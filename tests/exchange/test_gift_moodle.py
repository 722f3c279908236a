"""GIFT as Moodle writes and reads it: the files that crashed or came in wrong (issue cases).

The fixtures are written from Moodle's GIFT rules (qformat_gift): a block with no ``=`` or
``~`` is a short answer; ``[html]`` text and ``// [id:] [tag:]`` comments as Moodle 4 and 5
export them; a Windows-1252 file.
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from quizapp.exchange import import_bank_file
from quizapp.exchange.gift import export_gift
from quizapp.exchange.gift_import import import_gift
from quizapp.exchange.gift_parse import parse_gift

from .helpers import bank_of

MOODLE_EXPORT = """\
// question: 12  name: Who's there
// [id:knock-1] [tag:jokes] [tag:difficulty-easy]
::Who's there::[html]<p>Who&\\#x27;s <strong>there</strong>?</p>{
\t=<p>It&\\#x27;s me</p>
\t~[moodle]Nobody
\t~[plain]Somebody else
\t####<p>Because <em>I</em> knocked.</p>
}
"""


def _gift(text: str, **options):
    return import_gift(text, topic="T", default_sources=["harmony"], **options)


def test_an_answer_block_without_marks_is_a_short_answer() -> None:
    imported = _gift("Capital of France? {Paris}")
    [question] = imported.questions
    assert (question["type"], question["answer"]) == ("short", "Paris")
    assert imported.problems == ()


def test_text_before_the_first_mark_is_an_answer_as_in_moodle() -> None:
    [question] = _gift("Capital of France? {Paris =Paris, France}").questions
    assert (question["answer"], question["accept"]) == ("Paris", ["Paris, France"])


MOODLE_ORDERING = """\
// question: 7  name: Timeline
// [id:timeline-1]
::Timeline::[html]<p>Put them in order</p>{>3 ALL VERTICAL ALL_OR_NOTHING SHOW 123
Founded
Seed round
Deal
}

::Q::Sure?{TRUE}
"""


def test_a_moodle_ordering_question_becomes_an_order_question() -> None:
    """The syntax of qtype_ordering's import_from_gift/export_to_gift (Moodle 4.4+ core)."""
    imported = _gift(MOODLE_ORDERING)
    [order, truefalse] = imported.questions
    assert order["id"] == "timeline-1" and truefalse["type"] == "truefalse"
    assert (order["type"], order["prompt"]) == ("order", "Put them in order")
    assert order["items"] == ["Founded", "Seed round", "Deal"]
    assert [(p.line, p.message) for p in imported.problems] == [
        (3, "Moodle grades it 'all or nothing'; here each neighbouring pair put in the right"
            " order earns its share"),
    ]  # fmt: skip


def test_an_ordering_block_without_options_shows_a_random_subset_in_moodle() -> None:
    imported = _gift("Order the rounds. {>2\nSeed\nSeries A\nSeries B\n}")
    [order] = imported.questions
    assert order["items"] == ["Seed", "Series A", "Series B"]
    messages = [p.message for p in imported.problems]
    subset = "Moodle shows 2 of the 3 items (chosen at random); here all are ordered"
    assert messages[0] == subset
    assert "'relative next exclude last'" in messages[1]


def test_ordering_options_are_read_from_the_first_line_only() -> None:
    """Items that look like option words ("H...", "ALL ...") stay whole on later lines."""
    [order] = _gift("Order them. {>3\nHello\nALL hands\nVoting\n}").questions
    assert order["items"] == ["Hello", "ALL hands", "Voting"]


def test_an_item_on_the_options_line_and_escapes_are_kept() -> None:
    [order] = _gift("Order them. {>2 ALL First \\= one\nSecond\n}").questions
    assert order["items"] == ["First = one", "Second"]


def test_an_ordering_block_with_one_item_is_skipped_with_its_line() -> None:
    imported = _gift("Intro line\nOrder it. {>2\nAlone\n}")
    assert imported.questions == ()
    assert [(p.line, p.message) for p in imported.problems] == [
        (1, "an ordering question needs two items: skipped")
    ]


def test_an_ordering_block_that_is_not_moodle_syntax_stays_a_short_answer() -> None:
    """Without a number after '>', Moodle's ordering reader declines the block."""
    text = "::Order::Put them in order {\n>Founded\n>Seed round\n}\n\n::Q::Sure?{TRUE}\n"
    assert [q["type"] for q in _gift(text).questions] == ["short", "truefalse"]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("{}=~#:\\%->[]/ \nabT1.\t"), max_size=80))
def test_any_text_imports_without_raising(text: str) -> None:
    imported = _gift(text)
    assert all(problem.line >= 1 for problem in imported.problems)


def test_a_windows_1252_file_is_read_with_a_note() -> None:
    data = "::cafe::Où est le café?{=Paris}\n".encode("cp1252")
    imported = import_bank_file(data, "gift", topic="T", default_sources=["harmony"])
    assert imported.questions[0]["prompt"] == "Où est le café?"
    assert imported.problems[0].line == 1
    assert "not UTF-8: read as Windows-1252" in imported.problems[0].message


def test_a_binary_file_is_refused_with_its_line() -> None:
    imported = import_bank_file(b"Q?{TRUE}\n\n\x00\x01", "gift", topic="T")
    assert imported.questions == ()
    assert [(p.line, "NUL" in p.message) for p in imported.problems] == [(3, True)]


def test_moodle_html_becomes_markdown_and_ids_and_tags_come_from_the_comment() -> None:
    imported = _gift(MOODLE_EXPORT)
    [question] = imported.questions
    assert question["id"] == "knock-1"
    assert question["prompt"] == "Who's **there**?"
    assert question["choices"] == ["It's me", "Nobody", "Somebody else"]
    assert question["explanation"] == "Because *I* knocked."
    assert (question["tags"], question["difficulty"]) == (["jokes"], "easy")


def test_format_markers_never_stay_in_the_text() -> None:
    [question] = parse_gift("Q?{=[markdown]Yes#[plain]fine ~[html]<b>No</b>####[plain]Why.}")
    assert [(a.text, a.format) for a in question.answers] == [
        ("Yes", "markdown"), ("<b>No</b>", "html"),
    ]  # fmt: skip
    assert question.answers[0].feedback == "fine" and question.feedback == "Why."


def test_a_choice_that_looks_like_a_weight_stays_a_choice(tmp_path: Path) -> None:
    bank = bank_of(
        tmp_path,
        """\
  - id: stake
    type: choice
    prompt: How much?
    choices: ["%50% of shares", "[html] tags", None]
    answer: "%50% of shares"
    explanation: Half.
    sources: [harmony]
""",
    )
    text = export_gift(bank).content.decode()
    assert "=[markdown]%50% of shares" in text and "~[markdown][html] tags" in text
    [question] = [q for q in parse_gift(text) if q.kind == "multichoice"]
    assert [(a.text, a.weight) for a in question.answers] == [
        ("%50% of shares", None), ("[html] tags", None), ("None", None),
    ]  # fmt: skip


def test_the_export_gives_moodle_ids_tags_and_sources(tiny_bank) -> None:
    text = export_gift(tiny_bank).content.decode()
    assert "// [id:mensch-former-lab] [tag:founders] [tag:difficulty-easy]\n" in text
    assert "\\n\\nSource\\: An alliance in AI" in text
    assert text.startswith(f"// {len(tiny_bank) - 1} questions exported")


def test_sources_come_back_from_the_feedback_when_the_bank_knows_them(tiny_bank) -> None:
    text = "\n".join(
        line
        for line in export_gift(tiny_bank).content.decode().splitlines()
        if not line.startswith("// quizapp:")
    )  # as Moodle exports it again: our comment is gone
    imported = import_gift(text, topic="T", known_sources=tiny_bank.sources)
    by_id = {q["id"]: q for q in imported.questions}
    assert by_id["mistral-is-french"]["sources"] == ["harmony", "explainer"]
    assert by_id["mistral-is-french"]["explanation"] == "It is a Paris start-up."
    assert by_id["mensch-former-lab"]["tags"] == ["founders"]

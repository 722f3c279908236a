"""``bank.lint``: every rule with a question that trips it and one that passes, and the real bank.

Questions are written as YAML into a small bank folder and loaded like any bank, so each
example reads as a teacher would write it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from quizapp.bank.lint import GUIDELINES, LintWarning, lint_bank
from quizapp.bank.spec import Bank
from quizapp.bank.validate import load_bank
from tests.conftest import ROOT

SOURCES = """sources:
  - id: harmony
    title: An alliance in AI
    author: Ann Writer
    date: 2024-02-27
    file: harmony.txt
  - id: explainer
    description: "FAQ explainer: the deal (untitled)"
    date: "2024-02"
    file: explainer.txt
"""


def make_bank(tmp_path: Path, *questions: str) -> Bank:
    """A bank of ``questions`` (YAML list items) citing ``harmony`` unless they say otherwise."""
    folder = tmp_path / "questions"
    folder.mkdir(exist_ok=True)
    (folder / "sources.yaml").write_text(SOURCES)
    body = "".join(q if "sources:" in q else q + "    sources: [harmony]\n" for q in questions)
    (folder / "topic.yaml").write_text("topic: Topic\nquestions:\n" + body)
    result = load_bank(folder)
    assert result.errors == []
    return result.bank


def choice(qid: str, prompt: str, answer: str, *wrong: str, tags: str = "") -> str:
    """A choice question as YAML."""
    options = ", ".join(f'"{o}"' for o in (answer, *wrong))
    return (
        f'  - id: {qid}\n    type: choice\n    prompt: "{prompt}"\n'
        f'    choices: [{options}]\n    answer: "{answer}"\n    explanation: Because.\n'
        + (f"    tags: [{tags}]\n" if tags else "")
    )


def truefalse(qid: str, answer: bool) -> str:
    return (
        f'  - id: {qid}\n    type: truefalse\n    prompt: "True or false: statement {qid}."\n'
        f"    answer: {str(answer).lower()}\n    explanation: Because.\n"
    )


def found(bank: Bank, rule: str, **kwargs: object) -> list[LintWarning]:
    """The warnings of one rule (each test looks at its own rule only)."""
    return [w for w in lint_bank(bank, **kwargs) if w.rule == rule]  # type: ignore[arg-type]


def test_every_rule_names_its_guideline() -> None:
    assert all(("HDR" in g or "Frisbie" in g or "quizapp" in g) for g in GUIDELINES.values())


def test_true_false_balance(tmp_path: Path) -> None:
    all_false = make_bank(tmp_path, *(truefalse(f"s{i}", False) for i in range(4)))
    assert found(all_false, "true-false-balance")
    warning = found(all_false, "true-false-balance")[0]
    assert "0 of 4" in warning.message and "Frisbie" in str(warning)
    half = make_bank(tmp_path, *(truefalse(f"s{i}", i % 2 == 0) for i in range(4)))
    assert not found(half, "true-false-balance")


def test_answer_length_per_question(tmp_path: Path) -> None:
    long_right = choice(
        "q1", "Who?", "A very long and carefully qualified answer", "Short", "Brief"
    )
    assert found(make_bank(tmp_path, long_right), "answer-length")
    short_right = choice(
        "q1", "Who?", "Meta", "Google's research lab in London", "Microsoft Research in Asia"
    )
    assert found(make_bank(tmp_path, short_right), "answer-length")
    even = choice("q1", "Who?", "Google DeepMind", "Meta AI Research", "Microsoft Research")
    assert not found(make_bank(tmp_path, even), "answer-length")


def test_answer_length_share_across_the_bank(tmp_path: Path) -> None:
    longest = [
        choice(f"q{i}", f"Which {i}?", f"Answer {i}xx", f"Wrong {i}", f"Other {i}")
        for i in range(3)
    ]
    bank = make_bank(tmp_path, *longest)
    assert found(bank, "answer-length-share")
    assert "3 of 3" in found(bank, "answer-length-share")[0].message
    mixed = [
        choice(f"q{i}", f"Which {i}?", f"Answer {i}", f"Wrong {i}xx", f"Other {i}")
        for i in range(3)
    ]
    assert not found(make_bank(tmp_path, *mixed), "answer-length-share")


def test_all_or_none_of_the_above(tmp_path: Path) -> None:
    bad = choice("q1", "Which?", "All of the above", "Paris", "Lyon")
    assert found(make_bank(tmp_path, bad), "all-none-of-the-above")
    good = choice("q1", "Which city?", "Paris", "Lyons", "Nice")
    assert not found(make_bank(tmp_path, good), "all-none-of-the-above")


def test_negative_stem_needs_emphasis(tmp_path: Path) -> None:
    plain = choice("q1", "Which lab did Mensch not work at?", "Meta", "DeepMind", "Google")
    assert found(make_bank(tmp_path, plain), "negative-stem")
    bold = choice("q1", "Which lab did Mensch **NOT** work at?", "Meta", "DeepMind", "Google")
    assert not found(make_bank(tmp_path, bold), "negative-stem")


def test_stem_clue(tmp_path: Path) -> None:
    clang = choice("q1", "Which cloud platform sells the model?", "The Azure cloud", "AWS", "GCP")
    assert found(make_bank(tmp_path, clang), "stem-clue")
    shared = choice(
        "q1", "Which cloud platform sells the model?", "Azure cloud", "Oracle cloud", "IBM cloud"
    )
    assert not found(make_bank(tmp_path, shared), "stem-clue")


def test_repeated_opening(tmp_path: Path) -> None:
    repeated = choice(
        "q1",
        "What happened?",
        "The deal was signed",
        "The deal was dropped",
        "The deal was delayed",
    )
    assert found(make_bank(tmp_path, repeated), "repeated-opening")
    moved = choice("q1", "What happened to the deal?", "Signed", "Dropped", "Delayed")
    assert not found(make_bank(tmp_path, moved), "repeated-opening")


def test_unit_mismatch(tmp_path: Path) -> None:
    odd = choice("q1", "How much?", "€15 million", "€10 million", "$15 million", "€15 billion")
    warnings = found(make_bank(tmp_path, odd), "unit-mismatch")
    assert {w.message.split("'")[1] for w in warnings} == {"$15 million", "€15 billion"}
    same = choice("q1", "How much?", "€15 million", "€10 million", "€20 million")
    assert not found(make_bank(tmp_path, same), "unit-mismatch")
    dates = choice("q1", "When?", "26 February 2024", "2023", "27 February 2024")
    assert found(make_bank(tmp_path, dates), "unit-mismatch")


def test_too_few_options(tmp_path: Path) -> None:
    coin = choice("q1", "Which?", "Paris", "Lyon")
    assert found(make_bank(tmp_path, coin), "too-few-options")
    two_pairs = (
        "  - id: m1\n    type: match\n    prompt: Match them.\n    pairs:\n"
        "      - Mensch: DeepMind\n      - Lample: Meta\n    explanation: Because.\n"
    )
    assert found(make_bank(tmp_path, two_pairs), "too-few-options")
    assert not found(
        make_bank(tmp_path, choice("q1", "Which?", "Paris", "Lyon", "Nice")), "too-few-options"
    )


def test_near_duplicates(tmp_path: Path) -> None:
    first = choice(
        "q1", "Where did Arthur Mensch work before Mistral?", "DeepMind", "Meta", "OpenAI"
    )
    again = choice(
        "q2", "Before Mistral, where did Arthur Mensch work?", "DeepMind", "Meta", "Apple"
    )
    warnings = found(make_bank(tmp_path, first, again), "near-duplicate")
    assert [w.question_id for w in warnings] == ["q2"]
    other = choice("q2", "Which model did Guillaume Lample lead?", "LLaMA", "GPT-4", "Gemini")
    assert not found(make_bank(tmp_path, first, other), "near-duplicate")


def test_gives_away(tmp_path: Path) -> None:
    recall = (
        "  - id: s1\n    type: short\n    prompt: Which chatbot did Mistral launch?\n"
        "    answer: Le Chat\n    explanation: Because.\n"
    )
    telling = choice("q1", "Who built Le Chat?", "Mistral", "OpenAI", "Google")
    warnings = found(make_bank(tmp_path, recall, telling), "gives-away")
    assert [w.question_id for w in warnings] == ["q1"]
    assert "'Le Chat', the answer to 's1'" in warnings[0].message
    quiet = choice("q1", "Who built the new chatbot?", "Mistral", "OpenAI", "Google")
    assert not found(make_bank(tmp_path, recall, quiet), "gives-away")


def test_source_named(tmp_path: Path) -> None:
    named = choice("q1", "According to Ann Writer, who?", "Paris", "Lyon", "Nice")
    assert found(make_bank(tmp_path, named), "source-named")
    claim = choice("q1", "According to Ann Writer, who?", "Paris", "Lyon", "Nice", tags="claim")
    assert not found(make_bank(tmp_path, claim), "source-named")
    everyone = {"harmony": True, "explainer": True}
    assert not found(make_bank(tmp_path, claim), "source-named", available=everyone)
    absent = {"harmony": False, "explainer": True}
    assert found(make_bank(tmp_path, claim), "source-named", available=absent)
    uncited = choice(
        "q1", "What does the FAQ explainer say?", "Paris", "Lyon", "Nice", tags="claim"
    )
    assert "does not cite it" in found(make_bank(tmp_path, uncited), "source-named")[0].message
    fact = choice("q1", "Which city is Mistral based in?", "Paris", "Lyon", "Nice")
    assert not found(make_bank(tmp_path, fact), "source-named")


def test_a_warning_says_where_what_how_and_which_guideline(tmp_path: Path) -> None:
    bank = make_bank(tmp_path, choice("q1", "Which?", "All of the above", "Paris", "Lyon"))
    text = str(found(bank, "all-none-of-the-above")[0])
    assert text.startswith("questions/topic.yaml:3: question 'q1': the option")
    assert " — replace it" in text and "[all-none-of-the-above; HDR 25 and 26" in text


@pytest.fixture(scope="module")
def real_bank() -> Bank:
    bank = load_bank(ROOT / "questions").bank
    assert bank is not None
    return bank


def test_the_real_bank_has_no_lint_warnings(real_bank: Bank) -> None:
    everyone = {sid: True for sid in real_bank.sources}
    assert [str(w) for w in lint_bank(real_bank, available=everyone)] == []


def test_the_real_bank_meets_the_issue_targets(real_bank: Bank) -> None:
    """40-60 % of true/false statements true; the longest option right in at most 35 %."""
    keys = [q.fields["answer"] for q in real_bank.questions.values() if q.type == "truefalse"]
    assert 0.4 <= sum(keys) / len(keys) <= 0.6
    choice_questions = [q for q in real_bank.questions.values() if q.type == "choice"]
    longest = [
        q
        for q in choice_questions
        if len(q.fields["answer"])
        > max(len(c) for c in q.fields["choices"] if c != q.fields["answer"])
    ]
    assert len(longest) / len(choice_questions) <= 0.35

"""Bank values: how errors read, question versions, bank lookups."""

from __future__ import annotations

from pathlib import Path

from quizapp.bank.spec import Bank, BankError, content_version
from quizapp.bank.validate import load_bank

TINY = Path(__file__).resolve().parent.parent / "data" / "bank" / "tiny"


def test_an_error_reads_file_line_column_question_message() -> None:
    error = BankError(
        "questions/founders.yaml",
        42,
        5,
        "mensch-employer",
        "answer 'Meta' is not one of the choices — copy it exactly from 'choices'",
    )
    assert str(error) == (
        "questions/founders.yaml:42:5: question 'mensch-employer': answer 'Meta' is not one of"
        " the choices — copy it exactly from 'choices'"
    )


def test_an_error_about_a_whole_file_has_no_position() -> None:
    assert str(BankError("q/x.yaml", None, None, None, "bad")) == "q/x.yaml: bad"
    assert str(BankError("q/x.yaml", 3, None, None, "bad")) == "q/x.yaml:3: bad"


def test_version_is_a_short_hash_of_the_canonical_content() -> None:
    content = {"prompt": "P", "choices": ["a", "b"], "answer": "a"}
    version = content_version(content)
    assert len(version) == 12 and int(version, 16) >= 0
    assert content_version(dict(reversed(list(content.items())))) == version
    assert content_version({**content, "answer": "b"}) != version
    assert content_version({**content, "choices": ["b", "a"]}) != version


def _copy_tiny(tmp_path: Path) -> Path:
    target = tmp_path / "questions"
    target.mkdir()
    for path in TINY.iterdir():
        (target / path.name).write_text(path.read_text())
    return target


def test_versions_ignore_position_id_and_status_but_not_content(tmp_path: Path) -> None:
    before = load_bank(TINY, include_drafts=True).bank
    bank_dir = _copy_tiny(tmp_path)
    people = bank_dir / "people.yaml"
    text = people.read_text()
    # Move the file's questions down, reformat a list, publish the draft, reword one prompt.
    text = text.replace("questions:\n", "questions:\n\n\n")
    text = text.replace("accept: [Meta LLaMA]", "accept:\n      - Meta LLaMA")
    text = text.replace("    status: draft\n", "")
    text = text.replace("Which founders came from Meta?", "Which founders worked at Meta?")
    people.write_text(text)
    after = load_bank(bank_dir).bank
    assert before is not None and after is not None
    changed = {q.id for q in after.questions.values() if before.get(q.id).version != q.version}
    assert changed == {"founders-from-meta"}
    assert after.get("mensch-title").line != before.get("mensch-title").line


def test_versions_are_stable_across_loads() -> None:
    first = load_bank(TINY).bank
    second = load_bank(TINY).bank
    assert {q.id: q.version for q in first.questions.values()} == {
        q.id: q.version for q in second.questions.values()
    }
    assert first.get("mistral-is-french").version == content_version(
        first.get("mistral-is-french").content
    )


def test_a_bank_finds_questions_by_id() -> None:
    bank = load_bank(TINY).bank
    assert len(bank) == 11
    assert "deal-cloze" in bank and "nope" not in bank
    assert bank.get("deal-cloze").topic == "timeline"
    assert bank.get("nope") is None
    assert list(bank.topics) == ["people", "timeline"]
    assert bank.topics["people"].title == "Founders and people"
    assert bank.sources["explainer"].publisher == "Example News"


def test_an_empty_bank_is_allowed() -> None:
    empty = Bank(topics={}, sources={})
    assert len(empty) == 0 and empty.get("x") is None

"""Editing one bank file safely: names, the check on a staging copy, atomic writes, the lock."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from quizapp.bank.editing import (
    BadName,
    check_text,
    edit_lock,
    editable_files,
    file_path,
    normalise,
    read_text,
    text_hash,
    text_problem,
    write_atomic,
)
from quizapp.bank.yamlload import MAX_FILE_BYTES

GOOD = "    answer: Google DeepMind\n"
BAD = "    answer: Google Deepmind Labs\n"


@pytest.mark.parametrize(
    "name",
    [
        "../people.yaml", "..", "../../etc/passwd", "/etc/passwd.yaml", "sub/people.yaml",
        ".hidden.yaml", "_wip.yaml", "People.yaml", "people.txt", "people.yaml/..", "",
        "people.yaml\x00", "a" * 90 + ".yaml", "..\\people.yaml",
    ],
)  # fmt: skip
def test_unsafe_names_are_refused(bank_dir: Path, name: str) -> None:
    with pytest.raises(BadName):
        file_path(bank_dir, name)


@pytest.mark.parametrize("name", ["people.yaml", "new-topic.yml", "sources.yaml", "a_b-2.yaml"])
def test_plain_names_are_files_of_the_folder(bank_dir: Path, name: str) -> None:
    assert file_path(bank_dir, name) == bank_dir.resolve() / name


def test_editable_files_are_sources_then_topics(bank_dir: Path) -> None:
    names = [p.name for p in editable_files(bank_dir)]
    assert names[0] == "sources.yaml"
    assert "people.yaml" in names and "README.md" not in names


def test_normalise_line_ends() -> None:
    assert normalise("a\r\nb\rc") == "a\nb\nc\n"
    assert normalise("") == ""


def test_hash_of_a_missing_file_is_empty(bank_dir: Path) -> None:
    assert read_text(bank_dir / "nope.yaml") is None
    assert text_hash(None) == ""
    text = read_text(bank_dir / "people.yaml")
    assert text_hash(text) == text_hash((bank_dir / "people.yaml").read_text())


def test_binary_text_is_named_with_its_position() -> None:
    problem = text_problem("topic: x\nquestions:\n  - id: \x01bad\n", "questions/x.yaml")
    assert problem is not None
    assert (problem.line, problem.column) == (3, 9)
    assert "binary data (U+0001)" in problem.message
    assert "binary" in text_problem("caf\ufffd", "f").message  # type: ignore[union-attr]


def test_too_large_text_is_refused_before_any_yaml_check() -> None:
    problem = text_problem("#" * (MAX_FILE_BYTES + 1), "questions/x.yaml")
    assert problem is not None and problem.line is None
    assert "at most 1024 KiB" in problem.message


def test_a_broken_text_gets_the_validators_errors_and_nothing_is_written(bank_dir: Path) -> None:
    path = bank_dir / "people.yaml"
    before = path.read_bytes()
    text = before.decode().replace(GOOD, BAD)
    line = text.splitlines().index(BAD.rstrip("\n")) + 1
    check = check_text(bank_dir, "people.yaml", text)
    assert not check.ok
    [error] = check.errors
    assert error.file == "questions/people.yaml"  # named as `bank check` names it
    assert (error.line, error.question_id) == (line, "mensch-former-lab")
    assert str(error).startswith(f"questions/people.yaml:{line}:")
    assert path.read_bytes() == before
    assert sorted(p.name for p in bank_dir.iterdir()) == sorted(
        p.name for p in bank_dir.iterdir() if not p.name.startswith(".")
    )


def test_a_duplicate_id_in_another_file_is_caught(bank_dir: Path) -> None:
    text = "topic: Copy\nquestions:\n" + "\n".join(
        (bank_dir / "people.yaml").read_text().split("questions:\n", 1)[1].splitlines()[:11]
    )
    check = check_text(bank_dir, "copy.yaml", text + "\n")
    assert not check.ok
    assert any("mensch-former-lab" in str(e) for e in check.errors + check.caused)
    assert not (bank_dir / "copy.yaml").exists()


def test_errors_already_in_other_files_do_not_block(bank_dir: Path) -> None:
    dates = bank_dir / "dates.yaml"
    dates.write_text(dates.read_text() + "oops: [\n")
    text = (bank_dir / "people.yaml").read_text().replace("difficulty: easy", "difficulty: hard", 1)
    check = check_text(bank_dir, "people.yaml", text)
    assert check.ok
    assert [e.file for e in check.existing] == ["questions/dates.yaml"]


def test_write_atomic_replaces_the_file_and_leaves_no_temp(bank_dir: Path) -> None:
    path = bank_dir / "people.yaml"
    inode = path.stat().st_ino
    write_atomic(path, "topic: x\n")
    assert path.read_text() == "topic: x\n"
    assert path.stat().st_ino != inode  # a new file renamed over the old one
    assert oct(path.stat().st_mode & 0o777) == oct(0o644)
    assert [p for p in bank_dir.iterdir() if p.name.endswith(".tmp")] == []


def test_a_failed_write_leaves_the_old_file(bank_dir: Path, monkeypatch) -> None:
    path = bank_dir / "people.yaml"
    before = path.read_bytes()

    def no_disk(_fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", no_disk)
    with pytest.raises(OSError):
        write_atomic(path, "topic: x\n")
    assert path.read_bytes() == before
    assert [p for p in bank_dir.iterdir() if p.name.endswith(".tmp")] == []


def test_the_edit_lock_lets_one_save_in_at_a_time(bank_dir: Path) -> None:
    order: list[str] = []
    inside = threading.Event()

    def other() -> None:
        with edit_lock(bank_dir):
            order.append("other")

    with edit_lock(bank_dir):
        thread = threading.Thread(target=other)
        thread.start()
        inside.wait(0.2)
        order.append("first")
    thread.join(5)
    assert order == ["first", "other"]

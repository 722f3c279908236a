"""``flask bank export`` and ``flask bank import``."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from quizapp.bank.validate import load_file

from .conftest import GIFT_DATA


@pytest.fixture
def app_config(bank_dir: Path) -> dict[str, object]:
    return {"QUESTIONS_DIR": str(bank_dir)}


@pytest.fixture
def foreign(tmp_path: Path) -> Path:
    return Path(shutil.copy(GIFT_DATA / "foreign.gift", tmp_path / "foreign.gift"))


def _export(runner, fmt: str, out: Path):
    return runner.invoke(args=["bank", "export", "--format", fmt, str(out)])


@pytest.mark.parametrize(
    ("fmt", "start"),
    [
        ("anki", b"PK"),
        ("gift", b"// 10 questions"),
        ("moodle-xml", b"<?xml"),
        ("qti", b"PK"),
        ("csv", b"\xef\xbb\xbfid,"),
    ],  # fmt: skip
)
def test_export_writes_each_format(runner, tmp_path: Path, fmt: str, start: bytes) -> None:
    out = tmp_path / f"bank.{fmt}"
    result = _export(runner, fmt, out)
    assert result.exit_code == 0, result.output
    assert out.read_bytes().startswith(start)
    assert "Exported" in result.stdout


def test_export_lists_what_the_format_cannot_express_on_stderr(runner, tmp_path: Path) -> None:
    result = _export(runner, "gift", tmp_path / "bank.txt")
    assert "not expressible in gift: deal-cloze: GIFT has one blank" in result.stderr
    assert "not expressible in gift: timeline-order:" in result.stderr
    assert "10 questions" in result.stdout and "1 skipped" in result.stdout


def test_export_refuses_a_broken_bank(runner, bank_dir: Path, tmp_path: Path) -> None:
    people = bank_dir / "people.yaml"
    people.write_text(people.read_text().replace("type: choice", "type: choise", 1))
    out = tmp_path / "bank.csv"
    result = _export(runner, "csv", out)
    assert result.exit_code == 1
    assert "choise" in result.stderr and not out.exists()


def _import(runner, gift: Path, out: Path, *extra: str):
    return runner.invoke(
        args=["bank", "import", "--format", "gift", str(gift), "--out", str(out), *extra]
    )


def test_import_with_a_source_passes_bank_check(runner, bank_dir: Path, foreign: Path) -> None:
    out = bank_dir / "geography.yaml"
    result = _import(runner, foreign, out, "--source", "explainer")
    assert result.exit_code == 0, result.output
    assert "It passes bank check." in result.stdout
    assert f"{foreign}:10: essay questions" in result.stderr
    assert load_file(out, bank_dir=bank_dir).errors == []
    assert runner.invoke(args=["bank", "check", str(bank_dir)]).exit_code == 0


def test_import_without_sources_marks_them_and_says_so(runner, bank_dir: Path, foreign) -> None:
    out = bank_dir / "geography.yaml"
    result = _import(runner, foreign, out)
    assert result.exit_code == 0, result.output
    assert "It passes bank check." in result.stdout
    assert "todo-set-source" in result.stderr
    assert "import again with --source" in result.stderr
    assert "# TODO: set sources" in out.read_text()
    assert runner.invoke(args=["bank", "check", str(bank_dir)]).exit_code == 0
    # Drafts with the placeholder are not served; going live without real sources is an error.
    assert load_file(out, bank_dir=bank_dir, include_drafts=False).bank.questions == {}
    out.write_text(out.read_text().replace("status: draft", "status: live"))
    errors = [str(e) for e in load_file(out, bank_dir=bank_dir).errors]
    assert errors and all("is a placeholder" in e for e in errors)


def test_import_is_stable_and_never_overwrites_by_accident(runner, bank_dir, foreign) -> None:
    out = bank_dir / "geography.yaml"
    assert _import(runner, foreign, out, "--source", "harmony").exit_code == 0
    first = out.read_text()
    refused = _import(runner, foreign, out, "--source", "harmony")
    assert refused.exit_code == 1 and "--force" in refused.stderr
    assert _import(runner, foreign, out, "--source", "harmony", "--force").exit_code == 0
    assert out.read_text() == first


def test_import_rejects_an_unknown_source(runner, bank_dir: Path, foreign: Path) -> None:
    result = _import(runner, foreign, bank_dir / "x.yaml", "--source", "nope")
    assert result.exit_code == 1 and "nope" in result.stderr
    assert not (bank_dir / "x.yaml").exists()


def test_our_own_export_imports_back_next_to_the_bank(runner, bank_dir, tmp_path) -> None:
    exported = tmp_path / "bank.txt"
    assert _export(runner, "gift", exported).exit_code == 0
    out = bank_dir / "again.yaml"
    result = _import(runner, exported, out)
    assert result.exit_code == 0, result.output  # sources come from the quizapp comments
    assert "id: mensch-former-lab-2" in out.read_text()  # the bank already uses the id
    assert runner.invoke(args=["bank", "check", str(bank_dir)]).exit_code == 0


def _import_as(runner, fmt: str, path: Path, out: Path, *extra: str):
    return runner.invoke(
        args=["bank", "import", "--format", fmt, str(path), "--out", str(out), *extra]
    )


def test_a_bad_out_name_is_refused_before_anything_is_written(runner, bank_dir, foreign) -> None:
    out = bank_dir / "_wip.yaml"
    result = _import(runner, foreign, out, "--source", "harmony")
    assert result.exit_code == 1
    assert "'_wip.yaml' is not a valid topic file name" in result.stderr
    assert "nothing written" in result.stderr and not out.exists()


def test_a_windows_1252_gift_file_imports_with_a_note(runner, bank_dir, tmp_path) -> None:
    gift = tmp_path / "cafe.gift"
    gift.write_bytes("::cafe::Où est le café?{=Paris####À Paris.}\n".encode("cp1252"))
    result = _import(runner, gift, bank_dir / "cafe.yaml", "--source", "harmony")
    assert result.exit_code == 0, result.output
    assert f"{gift}:1: the file is not UTF-8: read as Windows-1252" in result.stderr
    assert "Où est le café?" in (bank_dir / "cafe.yaml").read_text(encoding="utf-8")


def test_a_binary_file_writes_nothing_and_names_the_line(runner, bank_dir, tmp_path) -> None:
    junk = tmp_path / "junk.gift"
    junk.write_bytes(b"Q?{TRUE}\n\x00\xff")
    result = _import(runner, junk, bank_dir / "junk.yaml")
    assert result.exit_code == 1 and f"{junk}:2:" in result.stderr
    assert not (bank_dir / "junk.yaml").exists()


def test_moodle_xml_and_aiken_import_from_the_command_line(runner, bank_dir, tmp_path) -> None:
    xml = GIFT_DATA / "foreign-moodle.xml"
    result = _import_as(runner, "moodle-xml", xml, bank_dir / "geo.yaml", "--source", "harmony")
    assert result.exit_code == 0, result.output
    assert f"{xml}:17: question type 'essay'" in result.stderr
    aiken = tmp_path / "quiz.txt"
    aiken.write_text("Where?\nA. Paris\nB. Rome\nANSWER: A\n", encoding="utf-8")
    result = _import_as(runner, "aiken", aiken, bank_dir / "aiken.yaml", "--source", "harmony")
    assert result.exit_code == 0, result.output
    assert runner.invoke(args=["bank", "check", str(bank_dir)]).exit_code == 0


def test_qti_and_moodle_xml_exports_import_back_by_command(runner, bank_dir, tmp_path) -> None:
    exported = tmp_path / "bank.xml"
    assert _export(runner, "moodle-xml", exported).exit_code == 0
    result = _import_as(runner, "moodle-xml", exported, bank_dir / "again.yaml")
    assert result.exit_code == 0, result.output
    assert runner.invoke(args=["bank", "check", str(bank_dir)]).exit_code == 0

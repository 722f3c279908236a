"""Small banks written inline for the exchange tests (fixtures from the formats' rules)."""

from __future__ import annotations

import re
import shutil
from decimal import Decimal
from pathlib import Path

from quizapp.bank.spec import Bank
from quizapp.bank.validate import load_bank

from ..conftest import TINY_BANK


def bank_of(tmp_path: Path, questions_yaml: str, topic: str = "Extra") -> Bank:
    """A bank folder holding the tiny bank's sources and one topic file of ``questions_yaml``."""
    folder = tmp_path / "inline"
    folder.mkdir(exist_ok=True)
    shutil.copy(TINY_BANK / "sources.yaml", folder)
    (folder / "extra.yaml").write_text(f"topic: {topic}\nquestions:\n{questions_yaml}", "utf-8")
    result = load_bank(folder)
    assert result.bank is not None, result.errors
    return result.bank


def moodle_score(fractions: dict[str, float], ticked: set[str]) -> float:
    """Moodle's multichoice (several answers) grade: the ticked fractions added, kept in 0..1."""
    return min(1.0, max(0.0, sum(fractions[c] for c in ticked) / 100))


def moodle_numerical_value(response: str, units: dict[str, Decimal]) -> Decimal | None:
    """The value Moodle's numerical question grades for ``response`` when units are optional
    (``qtype_numerical_answer_processor::apply_units``, units after the number): spaces go,
    a comma is a decimal mark unless a dot or a second comma is there, the number is read at
    the start, and the rest, if it is exactly a known unit, divides it by the unit's
    multiplier; an unknown rest is ignored. None when no number starts the response."""
    text = response.replace(" ", "")
    text = text.replace(",", "") if "." in text or text.count(",") > 1 else text.replace(",", ".")
    found = re.match(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[-+]?\d+)?", text)
    if found is None:
        return None
    number, rest = Decimal(found[0]), text[found.end() :]
    return number / units[rest] if rest in units else number

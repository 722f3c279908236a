"""Fixtures for the exchange tests: the tiny bank as values, GIFT samples, a bank folder."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from quizapp.bank.spec import Bank
from quizapp.bank.validate import load_bank

from ..conftest import DATA, TINY_BANK

GIFT_DATA = DATA / "gift"


@pytest.fixture
def tiny_bank() -> Bank:
    """The tests' tiny bank (every type, drafts left out)."""
    result = load_bank(TINY_BANK)
    assert result.bank is not None, result.errors
    return result.bank


@pytest.fixture
def bank_dir(tmp_path: Path) -> Path:
    """A writable copy of the tiny bank."""
    target = tmp_path / "questions"
    shutil.copytree(TINY_BANK, target)
    return target


@pytest.fixture
def empty_bank_dir(tmp_path: Path) -> Path:
    """A bank folder with the tiny bank's sources and no topic files yet."""
    target = tmp_path / "empty"
    target.mkdir()
    shutil.copy(TINY_BANK / "sources.yaml", target)
    return target

"""Fixtures for the exchange tests: the tiny bank as values, GIFT samples, a bank folder,
and the official IMS QTI 1.2.1 DTD (fetched from PyPI, see ``support/registry.py``)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from quizapp.bank.spec import Bank
from quizapp.bank.validate import load_bank

from ..conftest import DATA, TINY_BANK
from ..support.registry import PinnedFile, Unavailable

GIFT_DATA = DATA / "gift"
QTI_DTD = PinnedFile(
    package="pyslet",
    version="0.7.20170805",
    sdist_sha256="d4cbb85e16d58a8f990e15e711266ec2fe30a4dc4626c4d839bb7b7824afdf6c",
    member="pyslet-0.7.20170805/unittests/data_imsqtiv1p2p1/ims_qtiasiv1p2p1.dtd",
    member_sha256="c991ca648247cde8f228500a4ffb7e3578505c451f54150f43258b7f1ab445bd",
)
"""IMS's ``ims_qtiasiv1p2p1.dtd`` (QTI ASI 1.2.1, 14 Feb 2003), as pyslet's sdist ships it
for its own tests. Not committed here: the IMS licence does not clearly allow redistributing
it."""


def unavailable(reason: str) -> None:
    """Skip (locally) or fail (``CI=true``) when a reference file cannot be fetched."""
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason} (CI=true: this check may not be skipped)", pytrace=False)
    pytest.skip(f"skipped without the registry: {reason}")


@pytest.fixture(scope="session")
def qti_dtd(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The official QTI 1.2.1 DTD, downloaded once into pytest's cache folder."""
    cache = getattr(request.config, "cache", None)  # None under -p no:cacheprovider
    folder = cache.mkdir("ims-qti-dtd") if cache else tmp_path_factory.mktemp("ims-qti-dtd")
    try:
        return QTI_DTD.fetch(Path(folder))
    except Unavailable as exc:
        unavailable(f"the IMS QTI 1.2.1 DTD comes from PyPI ({exc})")
        raise  # unreachable: unavailable() always raises


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

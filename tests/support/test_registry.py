"""The pinned-file fetcher behind the official QTI DTD check: it fails loudly, never quietly."""

from __future__ import annotations

import hashlib
import io
import tarfile
from pathlib import Path

import pytest

from ..exchange.conftest import QTI_DTD, unavailable
from .registry import ChecksumMismatch, PinnedFile, Unavailable


def _sdist(folder: Path, name: str, member: str, data: bytes) -> str:
    """Write a tar.gz holding ``member``; its sha256."""
    path = folder / name
    with tarfile.open(path, "w:gz") as archive:
        info = tarfile.TarInfo(member)
        info.size = len(data)
        archive.addfile(info, io.BytesIO(data))
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_registry_out_of_reach_raises_unavailable_naming_the_package(tmp_path: Path) -> None:
    with pytest.raises(Unavailable, match="pyslet==0.7.20170805"):
        QTI_DTD.fetch(tmp_path, pip_args=["--no-index"])


def test_a_member_that_is_not_the_pinned_file_is_refused(tmp_path: Path) -> None:
    member = "pkg-1.0/data/spec.dtd"
    sdist_sha = _sdist(tmp_path, "pkg-1.0.tar.gz", member, b"<!ELEMENT changed EMPTY>")
    pinned = PinnedFile("pkg", "1.0", sdist_sha, member, hashlib.sha256(b"original").hexdigest())
    with pytest.raises(ChecksumMismatch, match="not the pinned"):
        pinned.fetch(tmp_path, pip_args=["--no-index"])
    assert not (tmp_path / "spec.dtd").exists()


def test_the_pinned_member_is_extracted_once_and_then_read_from_the_cache(tmp_path: Path) -> None:
    member, data = "pkg-1.0/data/spec.dtd", b"<!ELEMENT spec EMPTY>"
    sdist_sha = _sdist(tmp_path, "pkg-1.0.tar.gz", member, data)
    pinned = PinnedFile("pkg", "1.0", sdist_sha, member, hashlib.sha256(data).hexdigest())
    assert pinned.fetch(tmp_path, pip_args=["--no-index"]).read_bytes() == data
    (tmp_path / "pkg-1.0.tar.gz").unlink()
    assert pinned.fetch(tmp_path, pip_args=["--no-index"]).read_bytes() == data


def test_in_ci_a_missing_registry_fails_the_test(monkeypatch) -> None:
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="CI=true"):
        unavailable("no network")


def test_locally_a_missing_registry_skips_with_the_reason(monkeypatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="no network"):
        unavailable("no network")

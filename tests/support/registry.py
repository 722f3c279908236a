"""A file from inside a package's source archive on PyPI, at a pinned version and checksum.

Some reference files the tests check against (the IMS QTI 1.2.1 DTD) may not be committed
here, but ship inside a published package. ``PinnedFile.fetch`` runs ``pip download`` once
(the ordinary client, with ``--require-hashes``) into a cache folder, checks the archive's
sha256, extracts the one member with ``tarfile`` and checks its sha256 too. Later runs read
the cache. A registry that cannot be reached raises ``Unavailable``; a checksum that does
not match raises ``ChecksumMismatch`` (never a reason to skip).
"""

from __future__ import annotations

import hashlib
import subprocess
import sys
import tarfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

PIP_TIMEOUT = 60
"""Seconds pip waits on the network before giving up (it builds metadata too: ~30 s)."""


class Unavailable(Exception):
    """The package could not be downloaded (no network, registry down, pip failed)."""


class ChecksumMismatch(Exception):
    """A downloaded or cached file is not the pinned one."""


def sha256_of(path: Path) -> str:
    """The hex sha256 of a file's bytes."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


@dataclass(frozen=True)
class PinnedFile:
    """``member`` of the sdist of ``package==version``, both pinned by sha256."""

    package: str
    version: str
    sdist_sha256: str
    member: str
    member_sha256: str

    @property
    def requirement(self) -> str:
        return f"{self.package}=={self.version}"

    @property
    def sdist_name(self) -> str:
        return f"{self.package}-{self.version}.tar.gz"

    def fetch(self, cache: Path, pip_args: Sequence[str] = ()) -> Path:
        """The member's path in ``cache``, downloading and extracting it the first time."""
        target = cache / Path(self.member).name
        if target.is_file() and sha256_of(target) == self.member_sha256:
            return target
        sdist = cache / self.sdist_name
        if not (sdist.is_file() and sha256_of(sdist) == self.sdist_sha256):
            self._download(cache, pip_args)
        self._check(sdist, self.sdist_sha256)
        with tarfile.open(sdist) as archive:
            try:
                extracted = archive.extractfile(self.member)
            except KeyError:
                extracted = None
            if extracted is None:
                raise ChecksumMismatch(f"{self.sdist_name} holds no file {self.member}")
            data = extracted.read()
        if hashlib.sha256(data).hexdigest() != self.member_sha256:
            raise ChecksumMismatch(
                f"{self.member} in {self.sdist_name} has sha256 "
                f"{hashlib.sha256(data).hexdigest()}, not the pinned {self.member_sha256}"
            )
        partial = target.with_suffix(".part")
        partial.write_bytes(data)
        partial.replace(target)
        return target

    def _download(self, cache: Path, pip_args: Sequence[str]) -> None:
        cache.mkdir(parents=True, exist_ok=True)
        pinned = cache / "requirements.txt"
        pinned.write_text(f"{self.requirement} --hash=sha256:{self.sdist_sha256}\n", "utf-8")
        command = [
            sys.executable, "-m", "pip", "download", "--no-deps", "--no-binary", ":all:",
            "--require-hashes", "-r", str(pinned), "-d", str(cache), "--disable-pip-version-check",
            "--timeout", str(PIP_TIMEOUT), "--retries", "1", *pip_args,
        ]  # fmt: skip
        done = subprocess.run(command, capture_output=True, text=True, check=False)  # noqa: S603
        if done.returncode != 0:
            tail = "\n".join((done.stderr or done.stdout).strip().splitlines()[-3:])
            if "HASHES" in tail.upper() and "MATCH" in tail.upper():
                raise ChecksumMismatch(f"pip: {self.requirement} is not the pinned file: {tail}")
            raise Unavailable(f"could not download {self.requirement} with pip: {tail}")

    def _check(self, path: Path, expected: str) -> None:
        if not path.is_file():
            raise Unavailable(f"pip reported success but {path.name} is not in {path.parent}")
        if (found := sha256_of(path)) != expected:
            raise ChecksumMismatch(f"{path.name} has sha256 {found}, not the pinned {expected}")

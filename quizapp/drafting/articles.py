"""Articles: find the .txt/.md files to draft from, read them, and give each a source id.

An article whose file name is the ``file`` of a source in the bank's ``sources.yaml`` takes
that source's id; any other gets an id made from its file name and a suggested source entry.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from quizapp.bank.slugs import slugify

from .furniture import Header, clean

SUFFIXES = (".txt", ".md")
MAX_BYTES = 512 * 1024
"""Longest article read; longer files are refused rather than truncated."""


@dataclass(frozen=True)
class KnownSource:
    """What drafting needs from a bank source: its id, how to name it, its date."""

    id: str
    seed: str
    title: str | None = None
    author: str | None = None
    date: str | None = None


@dataclass(frozen=True)
class Article:
    """One readable article: where it came from, its text and the source it stands for."""

    path: Path
    text: str
    source_id: str
    known: KnownSource | None = None
    header: Header = Header()

    @property
    def date(self) -> str | None:
        """The article's date: the known source's, else the one in its header lines."""
        return (self.known and self.known.date) or self.header.date

    @property
    def name(self) -> str:
        """The file name, as shown in evidence and reports."""
        return self.path.name

    @property
    def title(self) -> str | None:
        """The known source's title, else a short first line that reads like a headline."""
        if self.known and self.known.title:
            return self.known.title
        if self.header.headline:
            return self.header.headline
        first = self.text.strip().split("\n", 1)[0].strip().lstrip("#").strip()
        looks_like_headline = 0 < len(first) <= 120 and not first.endswith((".", ":"))
        return first if looks_like_headline else None

    @property
    def label(self) -> str:
        """How prompts refer to the article: by its author, else its title, else its id."""
        if self.known and self.known.author:
            return f"{self.known.author}'s article"
        title = self.title
        if title and len(title) <= 50:
            return f"the article '{title}'"
        return f"the article {self.source_id}"


@dataclass(frozen=True)
class ReadProblem:
    """A file that could not be drafted from, and why."""

    path: Path
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


def source_slug(path: Path) -> str:
    """A source id from a file name: lowercase words joined by hyphens."""
    return slugify(path.stem, 60) or "article"


def collect(paths: Iterable[Path]) -> tuple[list[Path], list[ReadProblem]]:
    """The article files named by ``paths``: files as given, folders searched recursively."""
    found: list[Path] = []
    problems: list[ReadProblem] = []
    for path in paths:
        if path.is_dir():
            found += sorted(p for p in path.rglob("*") if p.suffix in SUFFIXES and p.is_file())
        elif path.is_file():
            found.append(path)
        else:
            problems.append(ReadProblem(path, "no such file or folder"))
    unique = list(dict.fromkeys(found))
    return unique, problems


def read(path: Path, known: Mapping[str, KnownSource] | None = None) -> Article | ReadProblem:
    """Read one article as UTF-8 text; a ReadProblem says why it cannot be used."""
    if path.suffix not in SUFFIXES:
        return ReadProblem(path, f"not an article: only {', '.join(SUFFIXES)} files are read")
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except OSError as exc:
        return ReadProblem(path, f"cannot read the file ({exc.strerror or exc})")
    if len(data) > MAX_BYTES:
        return ReadProblem(path, f"file is larger than {MAX_BYTES // 1024} KiB — split it")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return ReadProblem(path, "file is not UTF-8 text — save it as UTF-8")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not any(ch.isalpha() for ch in text):
        return ReadProblem(path, "file is empty (no text to draft from)")
    cleaned = clean(text)
    if cleaned.language is not None:
        return ReadProblem(path, f"the article reads like {cleaned.language}, not English — "
                                 "the drafter only reads English articles")  # fmt: skip
    source = (known or {}).get(path.name)
    source_id = source.id if source else source_slug(path)
    return Article(path, cleaned.text, source_id, source, cleaned.header)


def suggested_source(article: Article, date: str | None) -> dict[str, str]:
    """A ``sources.yaml`` entry for an article the bank does not list yet."""
    entry = {"id": article.source_id}
    if article.title:
        entry["title"] = article.title
    if date:
        entry["date"] = date
    entry["file"] = article.name
    return entry

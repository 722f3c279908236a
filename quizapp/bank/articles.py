"""The articles' texts, read at run time from the articles folder (never from the repository).

``sources.yaml`` names each article's text file (``file``); the folder is ``ARTICLES_DIR``
(``instance/articles/`` unless configured; development and tests use ``../shared/seeds``).
An article whose file is absent is simply not shown: nothing else depends on it.
Offsets everywhere are indices into the file's text decoded as UTF-8, newlines as written.
"""

from __future__ import annotations

from pathlib import Path
from stat import S_ISREG

from .spec import Bank, BankError, Evidence, QuestionSpec, Source

MAX_ARTICLE_BYTES = 1024 * 1024
"""Larger files are not articles: they are not read."""


def article_path(directory: str | Path | None, source: Source) -> Path | None:
    """The article file of ``source`` in ``directory`` when it is there (a plain file)."""
    if not directory or "/" in source.text_file or "\\" in source.text_file:
        return None
    path = Path(directory) / source.text_file
    try:
        found = path.stat()
    except OSError:
        return None
    return path if S_ISREG(found.st_mode) and found.st_size <= MAX_ARTICLE_BYTES else None


def read_article(directory: str | Path | None, source: Source) -> str | None:
    """The text of ``source``'s article, or None when its file is absent or unreadable."""
    path = article_path(directory, source)
    if path is None:
        return None
    try:
        return path.read_bytes().decode("utf-8", errors="replace")
    except OSError:
        return None


def locate(text: str, phrase: str) -> list[tuple[int, int]]:
    """Every ``(start, end)`` where ``phrase`` occurs in ``text`` (for writing evidence)."""
    spans, start = [], text.find(phrase)
    while phrase and start >= 0:
        spans.append((start, start + len(phrase)))
        start = text.find(phrase, start + 1)
    return spans


def _check_one(spec: QuestionSpec, found: Evidence, texts: dict[str, str | None]) -> str | None:
    text = texts.get(found.source)
    if text is None:
        return None
    if found.end > len(text):
        return (
            f"evidence '{found}' ends after the article, which has {len(text)} characters —"
            " find the passage again with `flask bank locate`"
        )
    if not text[found.start : found.end].strip():
        return f"evidence '{found}' points at blank space — find the passage again"
    return None


def check_evidence(bank: Bank, directory: str | Path | None) -> list[BankError]:
    """Errors for evidence that points outside its article (checked when the file is present);
    only the articles some evidence points into are read."""
    cited = {found.source for spec in bank.questions.values() for found in spec.evidence}
    texts = {sid: read_article(directory, s) for sid, s in bank.sources.items() if sid in cited}
    errors = []
    for spec in bank.questions.values():
        for found in spec.evidence:
            message = _check_one(spec, found, texts)
            if message:
                errors.append(BankError(spec.file, spec.line, None, spec.id, message))
    return errors

"""Load a bank folder, validating everything and reporting every error in one pass.

A bank folder holds ``sources.yaml`` and one ``<topic>.yaml`` per topic; the topic key is the
file stem. Files starting with ``_`` or ``.``, and files in sub-folders (``drafts/``), are not
part of the bank; ``load_file`` checks such a file on its own against the bank's sources.
Errors name files as ``<folder name>/<path in the folder>``, e.g. ``questions/people.yaml``.
"""

from __future__ import annotations

import gc
import re
from collections import Counter
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from .slugs import slugify
from .sources import load_sources
from .spec import Bank, BankError, Source, Topic
from .topics import Ids, validate_topic
from .yamlload import YamlError, YamlList, YamlMap, load_yaml

TOPIC_SUFFIXES = (".yaml", ".yml")
SOURCES_FILE = "sources.yaml"
TOPIC_KEY = re.compile(r"[a-z0-9][a-z0-9_-]*")


@dataclass(frozen=True)
class LoadResult:
    """A bank (None when there is any error), all errors in file order, and the files read."""

    bank: Bank | None
    errors: list[BankError]
    files: tuple[Path, ...]

    @property
    def ok(self) -> bool:
        """True when the bank loaded without a single error."""
        return not self.errors


def topic_files(root: Path) -> list[Path]:
    """The topic files of a bank folder, in name order."""
    return sorted(
        path
        for path in root.iterdir()
        if path.suffix in TOPIC_SUFFIXES
        and path.name != SOURCES_FILE
        and not path.name.startswith(("_", "."))
        and path.is_file()
    )


def _namer(root: Path) -> Callable[[Path], str]:
    """How files are named in errors: relative to the bank folder's parent, when inside it."""
    base = root.resolve()

    def name(path: Path) -> str:
        try:
            return (Path(base.name) / path.resolve().relative_to(base)).as_posix()
        except ValueError:
            return path.as_posix()

    return name


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while loading: a bank is many small acyclic objects
    (freed by reference counting anyway), and collections would take half the load time."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _by_position(errors: list[BankError]) -> list[BankError]:
    return sorted(errors, key=lambda e: (e.line or 0, e.column or 0))


def topic_name_problem(path: Path) -> str | None:
    """Why ``path`` cannot name a topic file ("what — how to fix"), or None when it can."""
    if TOPIC_KEY.fullmatch(path.stem):
        return None
    fix = slugify(path.stem) or "people"
    return (
        f"'{path.name}' is not a valid topic file name — use lowercase letters, digits and"
        f" dashes, e.g. '{fix}{path.suffix}'"
    )


def _check_topic(
    path: Path, file: str, sources: Mapping[str, Source] | None, ids: Ids
) -> tuple[Topic | None, list[BankError]]:
    errors: list[BankError] = []
    if message := topic_name_problem(path):
        errors.append(BankError(file, None, None, None, message))
    topic, topic_errors = validate_topic(path, file, sources=sources, ids=ids)
    return (topic if not errors else None), _by_position(errors + topic_errors)


def _served(topics: list[Topic], include_drafts: bool) -> tuple[dict[str, Topic], list[str]]:
    """Topics with drafts left out unless ``include_drafts``, and the draft ids left out."""
    served: dict[str, Topic] = {}
    drafts: list[str] = []
    for topic in topics:
        keep = tuple(q for q in topic.questions if include_drafts or not q.is_draft)
        drafts += [q.id for q in topic.questions if q.is_draft and not include_drafts]
        if keep:
            served[topic.key] = Topic(topic.key, topic.title, topic.file, keep)
    return served, drafts


def _result(
    topics: list[Topic],
    sources: Mapping[str, Source] | None,
    errors: list[BankError],
    files: list[Path],
    name: Callable[[Path], str],
    include_drafts: bool,
) -> LoadResult:
    if errors or sources is None:
        return LoadResult(None, errors, tuple(files))
    served, drafts = _served(topics, include_drafts)
    names = tuple(name(path) for path in files)
    bank = Bank(served, dict(sources), files=names, drafts=tuple(drafts))
    return LoadResult(bank, [], tuple(files))


def load_bank(path: str | Path, *, include_drafts: bool = False) -> LoadResult:
    """Load and validate the bank folder ``path``; drafts are served only if ``include_drafts``."""
    with _gc_paused():
        return _load_bank(Path(path), include_drafts)


def _load_bank(root: Path, include_drafts: bool) -> LoadResult:
    if not root.is_dir():
        message = "not a folder — pass the folder holding sources.yaml and the topic files"
        return LoadResult(None, [BankError(root.as_posix(), None, None, None, message)], ())
    name = _namer(root)
    sources_path = root / SOURCES_FILE
    sources, errors = load_sources(sources_path, name(sources_path))
    errors = _by_position(errors)
    files, topics, ids = [sources_path], [], Ids()
    paths = topic_files(root)
    if not paths:
        message = "no topic files — add one, e.g. people.yaml starting with 'topic: People'"
        errors.append(BankError(name(root), None, None, None, message))
    for topic_path in paths:
        files.append(topic_path)
        topic, topic_errors = _check_topic(topic_path, name(topic_path), sources, ids)
        errors += topic_errors
        if topic is not None:
            topics.append(topic)
    return _result(topics, sources, errors, files, name, include_drafts)


def _find_root(path: Path) -> Path | None:
    for folder in path.resolve().parents:
        if (folder / SOURCES_FILE).is_file():
            return folder
    return None


def _claim_ids(path: Path, file: str, ids: Ids) -> None:
    """Record the ids a bank file uses, quietly: its own errors are not ours to report."""
    try:
        data = load_yaml(path, file)
    except YamlError:
        return
    questions = data.get("questions") if isinstance(data, YamlMap) else None
    if not isinstance(questions, YamlList):
        return
    for raw in questions:
        if isinstance(raw, YamlMap) and isinstance(raw.get("id"), str):
            ids.seen.setdefault(raw["id"].strip(), (file, raw.where("id")))


def _ids_besides(root: Path, path: Path, name: Callable[[Path], str]) -> Ids:
    """The ids the bank folder's other topic files use (``path`` itself aside)."""
    ids = Ids()
    for other in topic_files(root) if root.is_dir() else []:
        if other.resolve() != path.resolve():
            _claim_ids(other, name(other), ids)
    return ids


def taken_ids(root: Path, besides: Path) -> set[str]:
    """Question ids already used in bank folder ``root``, the file ``besides`` aside."""
    return set(_ids_besides(root, besides, _namer(root)).seen)


def load_file(
    path: str | Path, *, bank_dir: str | Path | None = None, include_drafts: bool = True
) -> LoadResult:
    """Validate one extra topic file (e.g. ``drafts/x.yaml``) against a bank folder.

    The bank folder (default: the nearest folder above holding ``sources.yaml``) provides the
    sources and the ids already taken. The result's bank holds just this file's topic.
    """
    path = Path(path)
    root = Path(bank_dir) if bank_dir is not None else _find_root(path)
    if root is None:
        message = "no sources.yaml in this folder or above — pass the bank folder explicitly"
        return LoadResult(None, [BankError(path.as_posix(), None, None, None, message)], ())
    name = _namer(root)
    sources_path = root / SOURCES_FILE
    sources, errors = load_sources(sources_path, name(sources_path))
    ids = _ids_besides(root, path, name)
    topic, topic_errors = _check_topic(path, name(path), sources, ids)
    topics = [topic] if topic is not None else []
    errors = _by_position(errors) + topic_errors
    return _result(topics, sources, errors, [sources_path, path], name, include_drafts)


def summary(bank: Bank) -> str:
    """The success message of ``bank check``: files, questions per topic and per type."""
    questions = list(bank.questions.values())
    lines = [
        f"{len(questions)} questions in {len(bank.topics)} topics, "
        f"{len(bank.files)} files, {len(bank.sources)} sources"
    ]
    if bank.drafts:
        noun = "draft" if len(bank.drafts) == 1 else "drafts"
        lines[0] += f" ({len(bank.drafts)} {noun} not served)"
    width = max((len(key) for key in bank.topics), default=0)
    lines.append("Per topic:")
    for key, topic in bank.topics.items():
        lines.append(f"  {key:<{width}}  {len(topic.questions):>4}  {topic.title}")
    types = Counter(q.type for q in questions)
    lines.append("Per type: " + ", ".join(f"{name} {n}" for name, n in sorted(types.items())))
    return "\n".join(lines)

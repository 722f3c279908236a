"""How good are the drafts? Recovered curated answers, and drafts that pass validation.

A curated ``numeric`` or ``date`` question counts as recovered when some draft citing one
of its sources accepts the same value (an amount, or a date at the same precision), or when
drafting skipped a draft as its duplicate (same answer, similar prompt).
Validation runs the bank's own ``load_file`` on each draft file against the bank's sources.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from quizapp.bank.spec import QuestionSpec
from quizapp.bank.validate import load_file
from quizapp.presentation import percent

from .drafts import answer_keys

_DUPLICATE_LINE = re.compile(r"^#\s+\S+ ~ (\S+) \(", re.MULTILINE)
"""A "draft-id ~ bank-id (...)" line of the skipped-duplicates list ``render`` writes."""


@dataclass
class Share:
    """Curated questions of one kind, and which of them the drafts recover."""

    total: list[str] = field(default_factory=list)
    recovered: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        if not self.total:
            return "0/0"
        found, total = len(self.recovered), len(self.total)
        return f"{found}/{total} ({percent(found / total)})"

    @property
    def missed(self) -> list[str]:
        """Ids of curated questions no draft recovers."""
        return [q for q in self.total if q not in self.recovered]


@dataclass
class Evaluation:
    """The figures ``bank draft-eval`` prints."""

    drafts: int = 0
    valid: int = 0
    per_type: Counter[str] = field(default_factory=Counter)
    amounts: Share = field(default_factory=Share)
    numbers: Share = field(default_factory=Share)
    dates: Share = field(default_factory=Share)
    errors: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class DraftFile:
    """The questions of one draft file as written, and how many pass validation."""

    questions: list[dict[str, Any]]
    valid: int
    errors: list[str]
    duplicates_of: frozenset[str] = frozenset()
    """Bank questions the drafting skipped drafts for (listed in the file's header)."""


def check_file(path: Path, bank_dir: Path) -> DraftFile:
    """Read a draft file's questions and validate it against the bank folder."""
    try:
        text = path.read_text(encoding="utf-8")
        data = yaml.safe_load(text)
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        return DraftFile([], 0, [f"{path}: cannot read ({exc})"])
    raw = data.get("questions") if isinstance(data, dict) else None
    questions = [q for q in raw or [] if isinstance(q, dict)]
    duplicates = frozenset(_DUPLICATE_LINE.findall(text))
    result = load_file(path, bank_dir=bank_dir)
    errors = [str(e) for e in result.errors]
    if any(e.question_id is None for e in result.errors):
        return DraftFile(questions, 0, errors, duplicates)
    broken = {e.question_id for e in result.errors}
    valid = sum(1 for q in questions if str(q.get("id", "")).strip() not in broken)
    return DraftFile(questions, valid, errors, duplicates)


def _money(spec: QuestionSpec) -> bool:
    amount = spec.fields.get("answer")
    return getattr(amount, "currency", None) is not None


def _targets(spec: QuestionSpec) -> set[str]:
    """The keys a draft must accept to recover ``spec``: amount value or dates."""
    if spec.type == "numeric":
        return {f"amount:{spec.fields['answer'].value.normalize():f}"}
    if spec.type == "date":
        dates = [spec.fields["answer"], *spec.fields.get("accept", ())]
        return {f"date:{date}" for date in dates}
    return set()


def evaluate(files: Sequence[DraftFile], curated: Iterable[QuestionSpec]) -> Evaluation:
    """Compare draft files with the curated bank's numeric and date questions."""
    report = Evaluation()
    drafted: list[tuple[set[str], set[str]]] = []
    skipped = {bank_id for file in files for bank_id in file.duplicates_of}
    for file in files:
        report.drafts += len(file.questions)
        report.valid += file.valid
        report.errors += file.errors
        for question in file.questions:
            qtype = str(question.get("type", ""))
            report.per_type[qtype] += 1
            sources = {str(s) for s in question.get("sources") or []}
            drafted.append((answer_keys(qtype, question), sources))
    for spec in curated:
        targets = _targets(spec)
        if not targets:
            continue
        if spec.type == "date":
            share = report.dates
        else:
            share = report.amounts if _money(spec) else report.numbers
        share.total.append(spec.id)
        cited = set(spec.sources)
        if spec.id in skipped or any(k & targets and s & cited for k, s in drafted):
            share.recovered.append(spec.id)
    return report

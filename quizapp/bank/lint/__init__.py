"""PURE: ``bank lint`` — item-writing checks a teacher runs beside ``bank check``.

Lint warnings are advice, not errors: a bank with warnings still loads and serves. Each names
the rule, the guideline it applies (``guidelines.py``: Haladyna, Downing & Rodriguez 2002 and
others) and how to fix it. ``questions/README.md`` explains every rule.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from ..spec import Bank
from .bankwide import bank_findings
from .guidelines import GUIDELINES
from .items import RULES


@dataclass(frozen=True)
class LintWarning:
    """One piece of item-writing advice: where, which rule and guideline, what and how to fix."""

    rule: str
    file: str | None
    line: int | None
    question_id: str | None
    message: str
    fix: str

    @property
    def guideline(self) -> str:
        """The guideline the rule applies, as printed."""
        return GUIDELINES[self.rule]

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}: " if self.file else "the bank: "
        about = f"question '{self.question_id}': " if self.question_id else ""
        return f"{where}{about}{self.message} — {self.fix} [{self.rule}; {self.guideline}]"


def lint_bank(bank: Bank, *, available: Mapping[str, bool] | None = None) -> list[LintWarning]:
    """Every warning for ``bank``: per question in file order, then across the bank.

    ``available`` maps source ids to whether the article's text can be opened here; None
    skips that part of the ``source-named`` rule (no articles folder to look in).
    """
    found: list[LintWarning] = []
    for spec in bank.questions.values():
        for rule, message, fix in (f for check in RULES for f in check(spec)):
            found.append(LintWarning(rule, spec.file, spec.line, spec.id, message, fix))
    for spec, rule, message, fix in bank_findings(bank, available):
        file, line, qid = (spec.file, spec.line, spec.id) if spec else (None, None, None)
        found.append(LintWarning(rule, file, line, qid, message, fix))
    return found


__all__ = ["GUIDELINES", "LintWarning", "lint_bank"]

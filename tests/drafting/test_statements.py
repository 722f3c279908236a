"""True/false statements from bound facts and links."""

from __future__ import annotations

from types import SimpleNamespace

from quizapp.drafting.facts import Fact
from quizapp.drafting.links import Link
from quizapp.drafting.statements import fact_statement, link_statement


def fact(predicate: str, kind: str = "amount", **kw) -> Fact:
    mention = SimpleNamespace(kind=kind)
    return Fact(predicate, kw.pop("subject", "Korvana"), mention, "x", **kw)  # type: ignore[arg-type]


def test_fact_statements() -> None:
    assert fact_statement(fact("raise", when="in May 2024"), "€40 million") == (
        "Korvana raised €40 million in May 2024."
    )
    assert fact_statement(fact("investment", subject="Halvorsen", target="Korvana"), "€5m") == (
        "Halvorsen invested €5m in Korvana."
    )
    assert fact_statement(fact("founding", kind="date"), "2019") == "Korvana was founded in 2019."
    assert fact_statement(fact("investment", kind="date"), "2019") is None  # no such statement
    assert fact_statement(fact("raise", subject=None), "€40 million") is None


def test_link_statements() -> None:
    led = Link("led", "Korvana", "Halvorsen", 0, 9, "who led Korvana's funding round")
    assert link_statement(led, "Nvidia", "in May 2024") == (
        "Nvidia led Korvana's funding round in May 2024."
    )
    based = Link("based", "Korvana", "Lyon", 0, 4, "in which city is Korvana based", kind="place")
    assert link_statement(based, "Lyon") is None

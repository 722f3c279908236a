"""The wording of drafted questions: gap clauses that name what they ask about."""

from __future__ import annotations

from quizapp.drafting.prompts import gap_clause, names_something


def test_a_gap_clause_that_names_nobody_is_widened_until_it_does(mentions_of) -> None:
    mentions = mentions_of(
        "Korvana Robotics has raised money from 40 investors, and it includes stakes as small "
        "as $5,000, according to its filing with the Securities and Exchange Commission."
    )
    stake = next(m for m in mentions if m.kind == "amount")
    clause = gap_clause(stake)
    assert clause is not None and "as small as ____" in clause
    assert names_something(clause)  # "…Securities and Exchange Commission", not "…as small as ____"


def test_names_something() -> None:
    assert names_something("…the filing with the US ____ on Thursday.")
    assert not names_something("The company closed a round in ____, which then valued it.")

"""Facts (a value and what it measures) and conflicts between articles."""

from __future__ import annotations

from pathlib import Path

import pytest

from quizapp.drafting.articles import Article
from quizapp.drafting.facts import fact_of, find_conflicts
from quizapp.drafting.gazetteer import Gazetteer
from quizapp.drafting.mentions import Mention, extract
from quizapp.drafting.pipeline import facts_of

from .conftest import FUNDING, PROFILE


def mentions(text: str, gazetteer: Gazetteer, source: str = "a") -> list[Mention]:
    return extract(Article(Path(f"{source}.txt"), text, source), gazetteer)


@pytest.mark.parametrize(
    ("text", "predicate", "subject"),
    [
        ("Founded in 2023 by three researchers from Google and Meta, Mistral AI grew.",
         "founding", "Mistral AI"),
        ("Founded in 2022, Mistral initially open-sourced all its models.", "founding", "Mistral"),
        ("Microsoft has invested 15 million euros in the startup.", "investment", "Microsoft"),
        ("The deal includes a €15 million investment by Microsoft.", "investment", "Microsoft"),
        ("In its Series B round, Korvana Robotics raised €45 million.", "raise",
         "Korvana Robotics"),
        ("Investors are valuing the company at $157 billion.", None, None),
        ("SoftBank, which put in around $500 million, joined.", "investment", "SoftBank"),
        ("Bloomberg reported that Acme AI was seeking funding at a $40 billion valuation.",
         "valuation sought", "Acme AI"),
        ("Its first machine, the Ferret picker, was launched on 3 June 2021.", "launch", "Ferret"),
        ("It comes with a €12 million loan from the European Investment Bank.", None, None),
    ],
)  # fmt: skip
def test_fact_of(text: str, predicate: str | None, subject: str | None, gazetteer) -> None:
    found = mentions(text, gazetteer)
    [value] = [m for m in found if m.kind in ("amount", "date")]
    fact = facts_of(found).get(value)
    found = (fact.predicate, fact.subject) if fact else (None, None)
    assert found == (predicate, subject)


def test_people_are_never_subjects(gazetteer: Gazetteer) -> None:
    text = (
        "Sofia Brandt, an analyst at Kessler Research, says the valuation of €300 million is high."
    )
    found = mentions(text, gazetteer)
    [value] = [m for m in found if m.kind == "amount"]
    assert facts_of(found).get(value) is None  # neither the analyst nor her firm is valued


def article_facts(gazetteer: Gazetteer):
    found = []
    for path in (FUNDING, PROFILE):
        article = Article(path, path.read_text(encoding="utf-8"), path.stem)
        found += list(facts_of(extract(article, gazetteer)).values())
    return found


def test_conflicts_between_the_two_articles(gazetteer: Gazetteer) -> None:
    conflicts = find_conflicts(article_facts(gazetteer))
    table = [(c.label, [(f.mention.surface, f.mention.article.source_id) for f in c.facts])
             for c in conflicts]  # fmt: skip
    assert table == [
        ("founding (Korvana Robotics)",
         [("2019", "korvana_funding"), ("2020", "korvana_profile")]),
        ("raise (Korvana Robotics)",
         [("€40 million", "korvana_funding"), ("€45 million", "korvana_profile")]),
    ]  # fmt: skip


def test_agreeing_and_less_precise_values_are_not_conflicts(gazetteer: Gazetteer) -> None:
    a = mentions("Korvana was founded in 2019 in Lyon.", gazetteer, "one")
    b = mentions("Korvana was founded in March 2019 in a garage.", gazetteer, "two")
    c = mentions("Korvana was founded in 2019, its founder says.", gazetteer, "three")
    facts = [f for m in a + b + c if (f := fact_of(m))]
    assert len(facts) == 3
    assert find_conflicts(facts) == []


def test_one_article_alone_never_conflicts(gazetteer: Gazetteer) -> None:
    text = "Korvana was founded in 2019. Korvana was founded in 2020, says another page."
    facts = [f for m in mentions(text, gazetteer) if (f := fact_of(m))]
    assert len(facts) == 2
    assert find_conflicts(facts) == []

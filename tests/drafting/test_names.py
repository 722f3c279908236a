"""People near a role or affiliation, and organisations from the gazetteer."""

from __future__ import annotations

from pathlib import Path

import pytest

from quizapp.drafting.gazetteer import Gazetteer, GazetteerError
from quizapp.drafting.names import find_orgs, find_people


def people(text: str, gazetteer: Gazetteer) -> list[tuple[str, str, str | None]]:
    orgs = find_orgs(text, gazetteer)
    return [(p.name, p.role, p.affiliation) for p in find_people(text, orgs, gazetteer)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The deal, announced by Microsoft President Brad Smith, involves investing.",
            [("Brad Smith", "President", "Microsoft")],
        ),
        (
            "As Mistral founder Arthur Mensch has previously discussed, ML is open.",
            [("Arthur Mensch", "founder", "Mistral")],
        ),
        (
            "European Parliament member Kim van Sparrentak said it was a front.",
            [("Kim van Sparrentak", "European Parliament member", None)],
        ),
        (
            "Member of the European Parliament Pieter Vos wants the act to change.",
            [("Pieter Vos", "Member of the European Parliament", None)],
        ),
        (
            "It was set up by Lena Marchetti, its chief executive, and Tomasz Wierzbicki, "
            "formerly at Siemens, who runs the engineering team.",
            [
                ("Lena Marchetti", "chief executive", None),
                ("Tomasz Wierzbicki", "formerly at", "Siemens"),
            ],
        ),
        (
            "Sofia Brandt, an analyst at Kessler Research, is not convinced.",
            [("Sofia Brandt", "analyst", "Kessler Research")],
        ),
        (
            "Halvorsen Capital partner Ingrid Dahl said the fund had waited.",
            [("Ingrid Dahl", "partner", "Halvorsen Capital")],
        ),
        (  # a bare title before the name: the one company of the sentence
            "Products by Korvana Robotics will shine, chief executive Lena Marchetti said.",
            [("Lena Marchetti", "chief executive", "Korvana Robotics")],
        ),
        (  # two companies: whose chief is not said
            "Korvana Robotics and Halvorsen Capital agreed, CEO Lena Marchetti said.",
            [("Lena Marchetti", "CEO", None)],
        ),
    ],
)
def test_people(text: str, expected: list, gazetteer: Gazetteer) -> None:
    assert people(text, gazetteer) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Their flagship model, Mistral Large, is claimed to be on par with GPT-4.",
        "James Morales",  # a byline: no role, so not drafted as a person
        "The European Commission had opened a probe before the Federal Trade Commission did.",
        "Key Takeaways from the Big Tech firm's founder day",
    ],
)
def test_not_people(text: str, gazetteer: Gazetteer) -> None:
    assert people(text, gazetteer) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Following investigations by the Federal Trade Commission and the UK's "
            "Competitions and Markets Authority, the Commission is looking into it.",
            [
                ("Federal Trade Commission", "regulator", "Federal Trade Commission"),
                ("Competition and Markets Authority", "regulator",
                 "Competitions and Markets Authority"),
                ("European Commission", "regulator", "Commission"),
            ],
        ),
        (
            "The FTC and the CMA followed the EU’s AI Act debate.",
            [
                ("Federal Trade Commission", "regulator", "FTC"),
                ("Competition and Markets Authority", "regulator", "CMA"),
                ("EU AI Act", "law", "EU’s AI Act"),
            ],
        ),
        (
            "Lacroix came from Meta Platforms Inc. and backers include Halvorsen Capital.",
            [("Meta", "company", "Meta Platforms Inc."),
             ("Halvorsen Capital", "company", "Halvorsen Capital")],
        ),
        (
            "a French AI startup, a European AI developer and Unveiling Mistral AI",
            [("Mistral AI", "company", "Mistral AI")],
        ),
    ],
)  # fmt: skip
def test_organisations(text: str, expected: list, gazetteer: Gazetteer) -> None:
    orgs = find_orgs(text, gazetteer)
    assert [(o.name, o.kind, o.surface) for o in orgs] == expected
    assert all(text[o.start : o.end] == o.surface for o in orgs)


def test_teachers_extend_the_gazetteer(tmp_path: Path) -> None:
    extra = tmp_path / "mine.yaml"
    extra.write_text(
        "entries:\n  - name: Agence du numérique\n    kind: regulator\n    aliases: [ADN]\n",
        encoding="utf-8",
    )
    gazetteer = Gazetteer.load([extra])
    found = find_orgs("The ADN and the CNIL disagreed.", gazetteer)
    assert [(o.name, o.kind) for o in found] == [
        ("Agence du numérique", "regulator"),
        ("CNIL", "regulator"),
    ]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("names: []\n", "expected a top-level 'entries:' list"),
        ("entries:\n  - kind: law\n", "entry 1 needs a 'name'"),
        ("entries:\n  - name: X\n    kind: club\n", "kind must be one of"),
        ("entries: [\n", "cannot read the gazetteer"),
    ],
)
def test_broken_gazetteer(tmp_path: Path, content: str, message: str) -> None:
    extra = tmp_path / "broken.yaml"
    extra.write_text(content, encoding="utf-8")
    with pytest.raises(GazetteerError, match=message):
        Gazetteer.load([extra])

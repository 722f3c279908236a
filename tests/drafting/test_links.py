"""Links between names within a sentence: leads, bases, investors, names of products."""

from __future__ import annotations

from pathlib import Path

from quizapp.drafting.articles import Article
from quizapp.drafting.gazetteer import Gazetteer
from quizapp.drafting.mentions import extract
from quizapp.drafting.pipeline import links_of


def links(text: str, gazetteer: Gazetteer) -> list[tuple[str, str, str, tuple[str, ...]]]:
    found = links_of(extract(Article(Path("a.txt"), text, "a"), gazetteer))
    return [(link.relation, link.subject, link.answer, link.others) for link, _ in found]


def test_a_round_is_led_by_the_name_after_led_by(gazetteer: Gazetteer) -> None:
    text = "Korvana Robotics's round was led by Norway's Halvorsen Capital."
    assert links(text, gazetteer) == [("led", "Korvana Robotics", "Halvorsen Capital", ())]


def test_a_company_led_by_people_is_not_a_round(gazetteer: Gazetteer) -> None:
    assert links("Korvana Robotics, led by former researchers at Google, grew.", gazetteer) == []


def test_based_investors_and_product_names(gazetteer: Gazetteer) -> None:
    text = (
        "Lyon-based Korvana Robotics raised money from investors including Nvidia, Oracle "
        "and Halvorsen Capital. Its chatbot called Ferret talks to staff."
    )
    found = links(text, gazetteer)
    assert ("based", "Korvana Robotics", "Lyon", ()) in found
    assert ("investor", "Korvana Robotics", "Nvidia", ("Oracle", "Halvorsen Capital")) in found
    assert ("called", "Korvana Robotics", "Ferret", ()) in found


def test_investors_after_a_comma_and_a_list_with_and_inside_a_name(gazetteer: Gazetteer) -> None:
    text = (
        "Many of Korvana Robotics' investors, including Nvidia, Research and Fund Company "
        "and Oracle, are glad."
    )
    [found] = links(text, gazetteer)
    assert found[:3] == ("investor", "Korvana Robotics", "Nvidia")
    assert "Oracle" in found[3]

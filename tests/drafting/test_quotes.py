"""Quoted speakers: who said the words in quotation marks."""

from __future__ import annotations

from quizapp.drafting.quotes import find_quotes


def quotes(mentions, text: str) -> list[tuple[str, str]]:
    people = [m for m in mentions if m.kind == "person"]
    return [(q.speaker.answer, q.words) for q, _, _ in find_quotes(text, people)]


def test_the_speaker_after_or_before_a_quotation(mentions_of) -> None:
    mentions = mentions_of("Lena Marchetti, chief executive of Korvana Robotics, is pleased.")
    assert quotes(mentions, '"We will build robots for every shop," said Lena Marchetti.') == [
        ("Lena Marchetti", "We will build robots for every shop")
    ]
    text = "Marchetti tweeted: “It has been a long road for all of us.”"
    assert quotes(mentions, text) == [("Lena Marchetti", "It has been a long road for all of us")]


def test_no_name_or_a_short_phrase_is_not_asked(mentions_of) -> None:
    mentions = mentions_of("Lena Marchetti, chief executive of Korvana Robotics, is pleased.")
    assert quotes(mentions, '"We will build robots for every shop," she said.') == []
    assert quotes(mentions, 'It goes "to new heights," Lena Marchetti said.') == []

"""Sentence splitting with offsets, and clauses trimmed out of sentences."""

from __future__ import annotations

import pytest

from quizapp.drafting.sentences import split_sentences, trim_around

TEXT = """Headline of the story

Korvana Inc. raised €40 million. Dr. Lena Marchetti said so! Is it 3.5 times more? Yes.
  • A bullet point without a full stop
Cell one | Cell two
"""


def test_sentences_and_offsets() -> None:
    sentences = split_sentences(TEXT)
    assert [s.text for s in sentences] == [
        "Headline of the story",
        "Korvana Inc. raised €40 million.",
        "Dr. Lena Marchetti said so!",
        "Is it 3.5 times more?",
        "Yes.",
        "A bullet point without a full stop",
        "Cell one",
        "Cell two",
    ]
    assert all(TEXT[s.start : s.end] == s.text for s in sentences)
    assert [s.index for s in sentences] == list(range(len(sentences)))


def test_a_quotation_with_sentences_inside_stays_with_its_speaker() -> None:
    text = 'Vell said "we are glad! You will like it," wrote Ana Ruiz. She left. "Yes." Ok.'
    assert [s.text for s in split_sentences(text)] == [
        'Vell said "we are glad! You will like it," wrote Ana Ruiz.',
        "She left.",
        '"Yes."',
        "Ok.",
    ]
    curly = "It said “fine. Good.” Then it left."
    assert [s.text for s in split_sentences(curly)] == ["It said “fine. Good.”", "Then it left."]


SENTENCE = (
    "Korvana Robotics, a warehouse-automation startup founded in 2019, has raised €40 million "
    "in a Series B round led by Halvorsen Capital."
)


@pytest.mark.parametrize(
    ("target", "expected"),
    [
        ("2019", "…a warehouse-automation startup founded in ____…"),
        ("€40 million", "…has raised ____ in a Series B round led by Halvorsen Capital."),
        ("Korvana Robotics", "____, a warehouse-automation startup founded in 2019…"),
    ],
)
def test_trim_around(target: str, expected: str) -> None:
    start = SENTENCE.index(target)
    assert trim_around(SENTENCE, start, start + len(target), "____") == expected


def test_trimmed_text_is_never_the_whole_sentence() -> None:
    sentence = "The European Commission is examining the deal closely this spring."
    start = sentence.index("European Commission")
    trimmed = trim_around(sentence, start, start + len("European Commission"), "X")
    assert trimmed is not None
    assert len(trimmed.replace("…", "").split()) < len(sentence.split())
    assert trim_around("It was 2019.", 7, 11, "X") is None


def test_a_preferred_cut_is_taken_off_the_centre() -> None:
    sentence = "Together the companies have a 70-80% market share in Britain."
    start = sentence.index("70-80%")
    end = start + len("70-80%")
    assert trim_around(sentence, start, end, "__") == "…the companies have a __ market share in…"
    named = trim_around(sentence, start, end, "__", prefer=lambda c: "Britain" in c)
    assert named == "…companies have a __ market share in Britain."

"""cloze: blanks in a sentence, each matched like a short answer; partial credit by blank."""

from __future__ import annotations

import random

import pytest

from quizapp.qtypes import get_type
from quizapp.qtypes.cloze import split_cloze

from .specs import errors_of, make_spec

CLOZE = get_type("cloze")
SPEC = make_spec(
    "cloze",
    "text: Mistral AI is based in {{Paris}}; Mensch came from {{DeepMind|Google DeepMind}}.\n",
)
YEARS = make_spec("cloze", "text: Founded in {{2023}}, it raised money in {{2024}}.\n")
NAMES = make_spec("cloze", "text: '{{Lample}} and {{Lacroix}} came from Meta.'\ntypos: 2\n")


@pytest.mark.parametrize(
    ("spec", "answer", "score", "correct"),
    [
        (SPEC, ["Paris", "DeepMind"], 1.0, True),
        (SPEC, ["paris", "google deepmind"], 1.0, True),
        (SPEC, ["Pariss", "Deepmind"], 1.0, True),
        (SPEC, ["Lyon", "DeepMind"], 0.5, False),
        (SPEC, ["Paris"], 0.5, False),
        (SPEC, ["", ""], 0.0, False),
        (SPEC, "Paris", 0.5, False),
        (SPEC, None, 0.0, False),
        (YEARS, ["2023", "2024"], 1.0, True),
        (YEARS, ["2024", "2023"], 0.0, False),
        (NAMES, ["Lample", "Lacroix"], 1.0, True),
        (NAMES, ["Lacroix", "Lample"], 0.0, False),
        (NAMES, ["Lampel", "Lacroi"], 1.0, True),
    ],
)
def test_partial_credit_by_blank(spec, answer: object, score: float, correct: bool) -> None:
    grade = CLOZE.grade(spec, answer)
    assert grade.score == pytest.approx(score)
    assert grade.correct is correct


def test_a_blank_never_accepts_another_blanks_answer_through_typos() -> None:
    spec = make_spec("cloze", "text: '{{Lample}} then {{Lamble}}'\ntypos: 3\n")
    assert CLOZE.grade(spec, ["Lamble", "Lample"]).score == 0.0
    assert CLOZE.grade(spec, ["Lample", "Lamble"]).correct


def test_split_into_segments_and_blanks() -> None:
    assert split_cloze("In {{Paris | Paname}} since {{2023}}") == (
        ("In ", 0, " since ", 1),
        (("Paris", "Paname"), ("2023",)),
    )
    assert SPEC.fields["blanks"] == (("Paris",), ("DeepMind", "Google DeepMind"))


def test_display_form_and_texts() -> None:
    shown = CLOZE.display(SPEC, random.Random(0))
    assert shown == {
        "segments": [
            {"text": "Mistral AI is based in "},
            {"blank": 0, "name": "blank-0", "size": 5},
            {"text": "; Mensch came from "},
            {"blank": 1, "name": "blank-1", "size": 15},
            {"text": "."},
        ],
        "names": ["blank-0", "blank-1"],
    }
    assert CLOZE.parse_form({"blank-1": " DeepMind "}, SPEC) == ["", "DeepMind"]
    assert CLOZE.is_empty(["", " "]) and not CLOZE.is_empty(["", "x"])
    grade = CLOZE.grade(SPEC, ["Pariss", "DeepMind"])
    assert grade.normalised == "pariss | deepmind"
    assert grade.note == "blank 1: accepted with a small difference — the exact answer is 'Paris'"
    assert CLOZE.answer_text(SPEC) == "Mistral AI is based in [Paris]; Mensch came from [DeepMind]."
    assert (
        CLOZE.answer_display(SPEC, ["Lyon"])
        == "Mistral AI is based in [Lyon]; Mensch came from []."
    )


@pytest.mark.parametrize(
    ("fields", "errors"),
    [
        (
            "text: No blanks here.\n",
            [
                "t.yaml:6:7: question 'q1': the text has no blanks — mark each blank with double"
                " braces, e.g. 'Mistral AI is based in {{Paris}}'"
            ],
        ),
        (
            "text: An {{open blank.\n",
            [
                "t.yaml:6:7: question 'q1': the blank opened at character 4 of the text is not"
                " closed — write each blank as {{answer}}, e.g. 'Mistral AI is based in {{Paris}}'"
            ],
        ),
        (
            "text: In {{Paris, founded in {{2023}}.\n",
            [
                "t.yaml:6:7: question 'q1': the blank opened at character 4 of the text is not"
                " closed before the next '{{' — close each blank with '}}', e.g. 'Mistral AI is"
                " based in {{Paris}}'"
            ],
        ),
        (
            "text: In Paris}}, founded in {{2023}}.\n",
            [
                "t.yaml:6:7: question 'q1': '}}' at character 9 of the text closes no blank —"
                " open each blank with '{{', e.g. 'Mistral AI is based in {{Paris}}'"
            ],
        ),
        (
            "text: An {{empty|}} blank.\n",
            ["t.yaml:6:7: question 'q1': the blank '{{empty|}}' has an empty answer — fill it in"],
        ),
        (
            "text: x {{a}}\ntypo: 1\n",
            ["t.yaml:7:1: question 'q1': unknown field 'typo' — did you mean 'typos'?"],
        ),
    ],
)
def test_validation(fields: str, errors: list[str]) -> None:
    assert errors_of("cloze", fields) == errors


def test_words_repeated_from_around_a_blank_are_ignored() -> None:
    azure = make_spec("cloze", "text: Mistral's models now run on Microsoft {{Azure}}.\n")
    grade = CLOZE.grade(azure, ["Microsoft Azure"])
    assert grade.correct
    assert grade.note == "blank 1: accepted with a small difference — the exact answer is 'Azure'"
    assert not CLOZE.grade(azure, ["Google Azure"]).correct


def test_parts_mark_each_blank():
    parts = CLOZE.parts(YEARS, ["2023", "2025"])
    assert [(p.label, p.given, p.right, p.ok) for p in parts] == [
        ("Blank 1", "2023", "2023", True),
        ("Blank 2", "2025", "2024", False),
    ]


def test_one_part_types_have_no_parts():
    assert get_type("short").parts(SPEC, "x") == []

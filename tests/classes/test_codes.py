"""Join codes: unambiguous characters, read back forgivingly, refused with a clear message."""

from __future__ import annotations

import random

import pytest

from quizapp.classes.codes import (
    ALPHABET,
    CODE_LENGTH,
    CodeProblem,
    new_code,
    read_code,
    show_code,
    spoken,
)


def test_the_alphabet_has_no_look_alikes() -> None:
    for pair in ("0O", "1I", "1L", "2Z", "5S", "8B", "6G", "UV", "OQ"):
        assert not set(pair) <= set(ALPHABET), pair
    assert len(set(ALPHABET)) == len(ALPHABET) == 21


def test_new_codes_use_the_alphabet() -> None:
    rng = random.Random(3)
    codes = {new_code(rng.choice) for _ in range(200)}
    assert len(codes) == 200
    assert all(len(c) == CODE_LENGTH and set(c) <= set(ALPHABET) for c in codes)


@pytest.mark.parametrize("typed", ["KXMT-47RA", "kxmt47ra", " kxmt 47ra ", "KX.MT-47.RA"])
def test_typed_codes_are_read_forgivingly(typed: str) -> None:
    assert read_code(typed) == "KXMT47RA"


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("", "Enter the class code"),
        ("KXMO-47RA", "never contain 'O'"),
        ("KXM0-47R1", "never contain '0', '1'"),
        ("KXMT-47R", "you typed 7"),
        ("KXMT-47RAA", "you typed 9"),
        ("K" * 500, "A class code has 8 characters"),
        ("<script>", "never contain"),
    ],
)
def test_bad_codes_say_what_is_wrong(typed: str, message: str) -> None:
    problem = read_code(typed)
    assert isinstance(problem, CodeProblem) and message in problem.message


def test_codes_are_shown_and_spoken_in_two_groups() -> None:
    assert show_code("KXMT47RA") == "KXMT-47RA"
    assert spoken("KXMT47RA") == "Kilo X-ray Mike Tango, four seven Romeo Alfa"

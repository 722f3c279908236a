"""Numbers and dates inside a sentence (quizapp/grading/sentences.py)."""

from decimal import Decimal

import pytest

from quizapp.grading import Amount, ParsedDate, Several, amount_in, date_in


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("3 people", Amount(Decimal(3), None)),
        ("three people", Amount(Decimal(3), None)),
        ("in 2023", Amount(Decimal(2023), None)),
        ("15 million Euros.", Amount(Decimal(15_000_000), "EUR")),
        ("Microsoft invested €15m (15 million euros)", Amount(Decimal(15_000_000), "EUR")),
        ("they raised $111 million in seed funding", Amount(Decimal(111_000_000), "USD")),
        ("It was founded by GPT-4 fans", None),
        ("no idea", None),
    ],
)
def test_the_one_number_of_a_sentence_is_read(text: str, amount: Amount | None) -> None:
    assert amount_in(text) == amount


@pytest.mark.parametrize("text", ["3 or 4", "15 or 16 million", "not 4", "it wasn't 4"])
def test_several_numbers_or_a_negated_one_ask_which(text: str) -> None:
    assert isinstance(amount_in(text), Several)


def test_a_misspelt_magnitude_is_not_read_as_the_bare_number() -> None:
    assert amount_in("15 milion") is None
    assert amount_in("$111 millon") is None


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("in 2023", ParsedDate(2023, None, None)),
        ("Mistral was founded in 2023.", ParsedDate(2023, None, None)),
        ("It launched on 26 February 2024.", ParsedDate(2024, 2, 26)),
        ("spring 2023, by 3 people", ParsedDate(2023, None, None)),
        ("no date here", None),
    ],
)
def test_the_one_date_of_a_sentence_is_read(text: str, date: ParsedDate | None) -> None:
    found = date_in(text)
    assert found == date
    assert found is None or found.note is None


@pytest.mark.parametrize(
    ("text", "word"),
    [("26 Febuary 2024", "febuary"), ("26 Feburary 2024", "feburary"),
     ("Febuary 26, 2024", "febuary"), ("26 Febrary 2024", "febrary"),
     ("1 Setpember 2024", "setpember")],
)  # fmt: skip
def test_a_misspelt_month_is_read_with_a_note(text: str, word: str) -> None:
    found = date_in(text)
    assert isinstance(found, ParsedDate) and found.month in (2, 9)
    assert found.note == f"read '{word}' as {'February' if found.month == 2 else 'September'}"


def test_a_real_word_is_never_a_month() -> None:
    assert date_in("26 match 2024") != ParsedDate(2024, 3, 26)


@pytest.mark.parametrize("text", ["2022 or 2023", "not 2022", "between 2021 and 2023"])
def test_several_dates_or_a_negated_one_ask_which(text: str) -> None:
    assert isinstance(date_in(text), Several)

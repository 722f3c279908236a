"""Numbers and money (quizapp/grading/money.py)."""

from decimal import Decimal

import pytest

from quizapp.grading import Amount, amounts_equal, parse_amount, parse_tolerance
from quizapp.grading.money import currency_words, magnitude_words

EUR_15M = Amount(Decimal(15_000_000), "EUR")


@pytest.mark.parametrize(
    "text",
    [
        "€15 million",
        "€15m",
        "€ 15M",
        "15m euros",
        "15 million euros",
        "15 Mio EUR",
        "EUR 15,000,000",
        "EUR15000000",
        "15 000 000 €",
        "15\u202f000\u202f000\u00a0€",
        "15\u2009000\u2009000 EUR",
        "15.000.000 €",
        "15'000'000 euros",
        "15 M€",
        "15 millions d’euros",
        "15,000 thousand euro",
        "0.015 billion euros",
        "€15 million euros",
        "€15.0m",
    ],
)
def test_fifteen_million_euros_written_many_ways(text: str) -> None:
    assert parse_amount(text) == EUR_15M


@pytest.mark.parametrize(
    ("text", "value", "currency"),
    [
        ("15 million", "15000000", None),
        ("15000000", "15000000", None),
        ("15k", "15000", None),
        ("15 thousand", "15000", None),
        ("$111M", "111000000", "USD"),
        ("US$ 111 mn", "111000000", "USD"),
        ("111 million dollars", "111000000", "USD"),
        ("111 millions de dollars", "111000000", "USD"),
        ("USD 111,000,000", "111000000", "USD"),
        ("£2.5bn", "2500000000", "GBP"),
        ("2.5 billion pounds sterling", "2500000000", "GBP"),
        ("GBP 2.5b", "2500000000", "GBP"),
        ("1.5bn", "1500000000", None),
        ("1,5 milliard", "1500000000", None),
        ("1,5 Md€", "1500000000", "EUR"),
        ("2 trillion", "2000000000000", None),
        ("1,234.56", "1234.56", None),
        ("1.234,56", "1234.56", None),
        ("1 234,56 €", "1234.56", "EUR"),
        ("3,14", "3.14", None),
        ("15,000", "15000", None),
        ("15.000", "15", None),
        ("15.5", "15.5", None),
        (".5m", "500000", None),
        ("-5", "-5", None),
        ("−€5", "-5", "EUR"),
        ("+7", "7", None),
        ("0", "0", None),
        ("  42  ", "42", None),
    ],
)
def test_parse_amount(text: str, value: str, currency: str | None) -> None:
    assert parse_amount(text) == Amount(Decimal(value), currency)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (15, Amount(Decimal(15), None)),
        (15.0, Amount(Decimal(15), None)),
        (0.1, Amount(Decimal("0.1"), None)),
        (Decimal("15000000.00"), Amount(Decimal(15_000_000), None)),
        (True, None),
        (float("nan"), None),
        (float("inf"), None),
        (Decimal("NaN"), None),
        (None, None),
        ([15], None),
    ],
)
def test_parse_amount_of_yaml_values(value: object, expected: Amount | None) -> None:
    assert parse_amount(value) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "million",
        "€",
        "fifteen million",
        "15 yen",
        "15 million parameters",
        "about 15 million",
        "15%",
        "1e6",
        "1/2",
        "15-20 million",
        "€15 $",
        "$15 euros",
        "€ $ 15",
        "12,34,567",
        "1,000,00",
        "1.5.6",
        "15 000 00",
        "15 m m",
        "15 de",
        "1" * 600,
    ],
)
def test_parse_amount_rejects(text: str) -> None:
    assert parse_amount(text) is None


def test_a_wrong_currency_is_distinguishable() -> None:
    dollars = parse_amount("$15 million")
    assert dollars is not None and dollars != EUR_15M
    assert not amounts_equal(dollars, EUR_15M, "10%")
    assert amounts_equal(dollars, Amount(Decimal(15_000_000), None), None)


@pytest.mark.parametrize(
    ("given", "expected", "tolerance", "equal"),
    [
        ("15 million", "€15 million", None, True),
        ("€15 million", "15000000", 0, True),
        ("€14.5 million", "€15 million", None, False),
        ("€14.5 million", "€15 million", "5%", True),
        ("€14.2 million", "€15 million", "5%", False),
        ("€15.7 million", "€15 million", "5 %", True),
        ("€14.5 million", "€15 million", 500_000, True),
        ("€14.5 million", "€15 million", "500k", True),
        ("€14.4 million", "€15 million", Decimal(500_000), False),
        ("2023", "2024", 1, True),
        ("2022", "2024", 1, False),
        ("-3", "3", "200%", True),
        ("€15 million", "£15 million", "50%", False),
        ("€15 million", "€15 million", "rubbish", True),
        ("€15.1 million", "€15 million", "rubbish", False),
    ],
)
def test_amounts_equal(given: str, expected: str, tolerance: object, equal: bool) -> None:
    a, b = parse_amount(given), parse_amount(expected)
    assert a is not None and b is not None
    assert amounts_equal(a, b, tolerance) is equal  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, Decimal(0)),
        (0, Decimal(0)),
        (5, Decimal(5)),
        (0.5, Decimal("0.5")),
        ("0.5", Decimal("0.5")),
        ("1 million", Decimal(1_000_000)),
        ("5%", "5%"),
        (" 5.50 % ", "5.5%"),
        ("2,5%", "2.5%"),
        ("-1", None),
        ("-5%", None),
        ("€5%", None),
        ("five", None),
        ("%", None),
        (True, None),
        ([5], None),
    ],
)
def test_parse_tolerance(value: object, expected: Decimal | str | None) -> None:
    assert parse_tolerance(value) == expected


def test_amount_prints_plainly() -> None:
    assert str(EUR_15M) == "EUR 15,000,000"
    assert str(Amount(Decimal("1.5"), None)) == "1.5"


@pytest.mark.parametrize(
    ("given", "answer", "unit", "equal"),
    [
        # microsoft-investment-amount: answer "15 million", unit EUR
        ("€15m", "15 million", "EUR", True),
        ("15 000 000", "15 million", "EUR", True),
        ("$15m", "15 million", "EUR", False),
        ("€16m", "15 million", "EUR", False),
        # seed-funding-amount: answer "111 million", unit USD
        ("$111M", "111 million", "USD", True),
        ("111 million dollars", "111 million", "USD", True),
        ("€111M", "111 million", "USD", False),
        ("£111M", "111 million", "USD", False),
    ],
)
def test_numeric_answers_from_the_bank(given: str, answer: str, unit: str, equal: bool) -> None:
    expected, amount = parse_amount(answer), parse_amount(given)
    assert expected is not None and amount is not None
    assert amounts_equal(amount, Amount(expected.value, unit), None) is equal


def test_the_spellings_it_reads_are_listed_for_exports() -> None:
    assert {"million", "m", "mln"} <= set(magnitude_words(6)) and "k" in magnitude_words(3)
    assert all(parse_amount(f"1 {w}").value == 10**6 for w in magnitude_words(6))
    assert {"€", "eur", "euros"} <= set(currency_words("EUR"))
    assert all(parse_amount(f"1 {w}").currency == "GBP" for w in currency_words("GBP"))

"""Amounts and dates found in running text, read with grading's parsers."""

from __future__ import annotations

from decimal import Decimal

import pytest

from quizapp.drafting.numbers import amount_words, find_amounts, find_dates, find_weekdays


@pytest.mark.parametrize(
    ("text", "surface", "value", "currency"),
    [
        ("It raised €40 million in March.", "€40 million", "40000000", "EUR"),
        ("a staggering $111 million in seed funding", "$111 million", "111000000", "USD"),
        ("At just 15 million euros, the deal", "15 million euros", "15000000", "EUR"),
        ("worth £2.5bn to the group", "£2.5bn", "2500000000", "GBP"),
        ("a fine of EUR 1,200,000 was set", "EUR 1,200,000", "1200000", "EUR"),
        ("revenue of €8.5 million last year", "€8.5 million", "8500000", "EUR"),
        ("paid 300 million dollars for it", "300 million dollars", "300000000", "USD"),
        ("a $5m bridge loan", "$5m", "5000000", "USD"),
    ],
)
def test_amounts(text: str, surface: str, value: str, currency: str) -> None:
    [found] = list(find_amounts(text))
    assert found.surface == surface
    assert text[found.start : found.end] == surface
    assert found.value.value == Decimal(value)
    assert found.value.currency == currency


@pytest.mark.parametrize(
    "text",
    [
        "a multi-billion dollar partnership",
        "it moves parcels for 45 retailers",
        "Sachi has 7/8 years in the field",
        "thousands of GPUs and 2 emerging trends",
        "a 15% share",
    ],
)
def test_not_amounts(text: str) -> None:
    assert list(find_amounts(text)) == []


@pytest.mark.parametrize(
    ("text", "surface", "iso"),
    [
        ("Lyon, 12 March 2024. The deal", "12 March 2024", "2024-03-12"),
        ("Last Updated February 27, 2024 4:00 PM", "February 27, 2024", "2024-02-27"),
        ("date 2024-02-27 The world", "2024-02-27", "2024-02-27"),
        ("due to open in September 2025, and", "September 2025", "2025-09"),
        ("was launched on 3 June 2021.", "3 June 2021", "2021-06-03"),
        ("founded in 2019, has raised", "2019", "2019"),
        ("the tide reversed in 2020 with GPT-3", "2020", "2020"),
        ("on the 1st of Feb. 2024 we", "1st of Feb. 2024", "2024-02-01"),
    ],
)
def test_dates(text: str, surface: str, iso: str) -> None:
    [found] = list(find_dates(text))
    assert (found.surface, str(found.value)) == (surface, iso)
    assert text[found.start : found.end] == surface


def test_day_and_month_take_the_article_year() -> None:
    text = "Mistral launched its own LLM on February 26th. It is smaller"
    assert list(find_dates(text)) == []
    [found] = list(find_dates(text, default_year=2024))
    assert (found.surface, str(found.value), found.inferred_year) == (
        "February 26th",
        "2024-02-26",
        True,
    )


@pytest.mark.parametrize(
    "text",
    ["a cluster of 2000 GPUs", "it may be smaller", "version 2023.1 shipped", "a 2019-style deal"],
)
def test_not_dates(text: str) -> None:
    assert list(find_dates(text)) == []


@pytest.mark.parametrize(
    ("value", "words"),
    [("15000000", "15 million"), ("2500000000", "2.5 billion"), ("40000", "40000"),
     ("1200000", "1.2 million"), ("3000000000000", "3 trillion")],
)  # fmt: skip
def test_amount_words(value: str, words: str) -> None:
    assert amount_words(Decimal(value)) == words


@pytest.mark.parametrize(
    ("text", "year", "month", "expected"),
    [
        ("In February, Microsoft said", 2024, None, "2024-02"),
        ("since the launch of ChatGPT in November, investors", 2023, 6, "2022-11"),
        ("the first phase will last until Oct. 4, a deadline", 2024, 8, "2024-10-04"),
        ("closed a separate round in May, which valued it", 2024, 12, "2024-05"),
        ("she may sign in May 2024", 2024, 5, "2024-05"),
    ],
)
def test_months_without_a_year_take_it_from_the_article(
    text: str, year: int, month: int | None, expected: str
) -> None:
    assert [str(f.value) for f in find_dates(text, year, month)] == [expected]


def test_a_weekday_is_the_last_one_on_or_before_the_article_date() -> None:
    [found] = find_weekdays("Apple on Monday unveiled its features", "2024-06-11")
    assert str(found.value) == "2024-06-10"
    assert list(find_weekdays("on Monday", "2024-06")) == []

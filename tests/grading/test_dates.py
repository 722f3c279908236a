"""Dates, months and years (quizapp/grading/dates.py)."""

import datetime as dt

import pytest

from quizapp.grading import ParsedDate, parse_date

LAUNCH = ParsedDate(2024, 2, 26, None)  # the bank's mistral-large-launch-date


@pytest.mark.parametrize(
    "text",
    [
        "26 February 2024",
        "26 february 2024",
        "26 Feb 2024",
        "26 Feb. 2024",
        "26th February 2024",
        "the 26th of February, 2024",
        "Monday 26 February 2024",
        "Monday, February 26, 2024",
        "Feb 26, 2024",
        "February 26th 2024",
        "February 26th, 2024",
        "26 février 2024",
        "26 fevrier 2024",
        "le 26 févr. 2024",
        "lundi 26 février 2024",
        "2024-02-26",
        "2024-2-26",
        "2024/02/26",
        "2024.02.26",
        "26/02/2024",
        "26.02.2024",
        "26-02-2024",
        "26 / 02 / 2024",
        "  26/02/2024  ",
        "02/26/2024",
        "26/02/24",
    ],
)
def test_the_launch_date_written_many_ways(text: str) -> None:
    assert parse_date(text) == LAUNCH


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024", ParsedDate(2024, None, None)),
        (" 2023 ", ParsedDate(2023, None, None)),
        (2023, ParsedDate(2023, None, None)),
        ("February 2024", ParsedDate(2024, 2, None)),
        ("Feb 2024", ParsedDate(2024, 2, None)),
        ("février 2024", ParsedDate(2024, 2, None)),
        ("2024-02", ParsedDate(2024, 2, None)),
        ("02/2024", ParsedDate(2024, 2, None)),
        ("1er mars 2024", ParsedDate(2024, 3, 1)),
        ("1st March 2024", ParsedDate(2024, 3, 1)),
        ("May 2nd 2023", ParsedDate(2023, 5, 2)),
        ("août 2023", ParsedDate(2023, 8, None)),
        ("Sept 3, 2023", ParsedDate(2023, 9, 3)),
        ("29 February 2024", ParsedDate(2024, 2, 29)),
        ("31/12/1999", ParsedDate(1999, 12, 31)),
        (dt.date(2024, 2, 26), LAUNCH),
        (dt.datetime(2024, 2, 26, 10, 30), LAUNCH),
    ],
)
def test_parse_date_precision(value: object, expected: ParsedDate) -> None:
    assert parse_date(value) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "expected", "note"),
    [
        ("03/02/2024", ParsedDate(2024, 2, 3), "read 03/02/2024 as 3 February 2024 (day first)"),
        ("3.2.2024", ParsedDate(2024, 2, 3), "read 3.2.2024 as 3 February 2024 (day first)"),
        ("02/26/2024", LAUNCH, "read 02/26/2024 as 26 February 2024 (month first)"),
        ("26/02/24", LAUNCH, "read the year 24 as 2024"),
        ("26/02/99", ParsedDate(1999, 2, 26), "read the year 99 as 1999"),
        ("26/02/2024", LAUNCH, None),
        ("03/03/2024", ParsedDate(2024, 3, 3), None),
        ("2024-02-03", ParsedDate(2024, 2, 3), None),
        ("3 February 2024", ParsedDate(2024, 2, 3), None),
    ],
)
def test_day_first_reading_is_noted_when_ambiguous(
    text: str, expected: ParsedDate, note: str | None
) -> None:
    parsed = parse_date(text)
    assert parsed == expected
    assert parsed is not None and parsed.note == note


@pytest.mark.parametrize(
    "value",
    [
        "31/02/2024",
        "30 February 2024",
        "29 February 2023",
        "2024-02-30",
        "2024-13-01",
        "2024-00-10",
        "0/02/2024",
        "13/13/2024",
        "32 January 2024",
        "February 30, 2024",
        "",
        "   ",
        "yesterday",
        "26 February",
        "February",
        "24",
        "20245",
        "2024 February 26",
        "26 2024",
        "26 February March 2024",
        "26/02-2024",
        "2024-02-26T10:00",
        "0000",
        0,
        -44,
        10_000,
        True,
        None,
        "2" * 600,
    ],
)
def test_parse_date_rejects(value: object) -> None:
    assert parse_date(value) is None  # type: ignore[arg-type]


def test_note_is_not_compared_but_kept() -> None:
    parsed = parse_date("03/02/2024")
    assert parsed == ParsedDate(2024, 2, 3, None)
    assert parsed is not None and parsed.note


@pytest.mark.parametrize(
    ("parsed", "text"),
    [
        (LAUNCH, "2024-02-26"),
        (ParsedDate(2024, 2, None), "2024-02"),
        (ParsedDate(987, None, None), "0987"),
    ],
)
def test_parsed_date_prints_as_iso(parsed: ParsedDate, text: str) -> None:
    assert str(parsed) == text

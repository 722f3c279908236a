"""Properties of quizapp.grading as a whole: its public API, and that nothing ever raises.

The example tables for each part are beside this file: test_text, test_money, test_dates.
"""

import datetime as dt
from decimal import Decimal

from hypothesis import example, given
from hypothesis import strategies as st

import quizapp.grading as grading
from quizapp.grading import (
    MAX_ANSWER_LENGTH,
    Amount,
    fold,
    match_text,
    parse_amount,
    parse_date,
    typo_budget,
)

NASTY = [
    "",
    "\x00",
    "\x00€15\x00million",
    "\u202e2024-02-26",
    "🚀" * 1000,
    "1" * 100_000,
    "1,000," * 20_000,
    " " * 100_000 + "15",
    "Mensch" * 50_000,
    "ǰ̸ͅﬀ",
]


def test_public_api() -> None:
    assert set(grading.__all__) == {
        "MAX_ANSWER_LENGTH",
        "Amount",
        "CbmSummary",
        "Several",
        "ParsedDate",
        "TextMatch",
        "amount_in",
        "amounts_equal",
        "amounts_in",
        "cbm_mark",
        "cbm_summary",
        "date_in",
        "fold",
        "match_text",
        "parse_amount",
        "parse_date",
        "parse_tolerance",
        "squash",
        "typo_budget",
    }
    assert MAX_ANSWER_LENGTH == 500


@given(st.text())
@example("The A Le Chat")
@example("İ ǰ ﬀ ΐ ͅ")
@example("l’ l' la")
def test_fold_is_idempotent(text: str) -> None:
    folded = fold(text)
    assert fold(folded) == folded
    assert folded == folded.strip()
    assert "  " not in folded


@given(st.text(), st.lists(st.text(), max_size=4), st.lists(st.text(), max_size=4))
def test_match_text_never_raises(
    given_text: str, accepted: list[str], forbidden: list[str]
) -> None:
    result = match_text(given_text, accepted, forbidden=forbidden)
    assert result.ok is (result.matched is not None)
    assert result.matched is None or result.matched in accepted


@given(st.text(min_size=1, max_size=MAX_ANSWER_LENGTH))
def test_every_answer_matches_itself_exactly(text: str) -> None:
    result = match_text(text, [text])
    assert result.ok is bool(fold(text))
    assert result.exact is result.ok


@given(st.text(), st.integers(min_value=-5, max_value=50))
def test_a_forbidden_answer_is_never_accepted_by_tolerance(text: str, typos: int) -> None:
    result = match_text(text, ["Google DeepMind"], typos=typos, forbidden=[text])
    assert not result.ok or result.exact


@given(st.text())
def test_typo_budget_is_small(text: str) -> None:
    assert 0 <= typo_budget(fold(text)) <= 3


@given(st.text())
def test_parse_amount_and_parse_date_never_raise(text: str) -> None:
    amount = parse_amount(text)
    assert amount is None or amount.value.is_finite()
    parse_date(text)


def test_nasty_inputs_never_raise() -> None:
    for text in NASTY:
        fold(text)
        assert match_text(text, [text, "Meta"], forbidden=[text]).ok in (True, False)
        parse_amount(text)
        parse_date(text)


@given(st.integers(min_value=-(10**300), max_value=10**300))
def test_parse_amount_reads_integers_back(number: int) -> None:
    assert parse_amount(str(number)) == Amount(Decimal(number), None)
    assert parse_amount(number) == Amount(Decimal(number), None)


@given(st.integers(min_value=0, max_value=10**30), st.sampled_from([",", " ", "'", "\u202f"]))
def test_parse_amount_reads_thousands_separators(number: int, separator: str) -> None:
    text = f"{number:,}".replace(",", separator)
    assert parse_amount(text) == Amount(Decimal(number), None)
    assert parse_amount(f"€{text}") == Amount(Decimal(number), "EUR")
    assert parse_amount(f"{text} USD") == Amount(Decimal(number), "USD")


@given(st.decimals(allow_nan=False, allow_infinity=False, places=2, max_value=10**12, min_value=0))
def test_parse_amount_reads_decimals_back(number: Decimal) -> None:
    assert parse_amount(f"{number:f}") == Amount(number, None)


@given(st.dates(min_value=dt.date(1000, 1, 1)))
def test_parse_date_reads_any_date_back(day: dt.date) -> None:
    expected = (day.year, day.month, day.day)
    for text in (day.isoformat(), day.strftime("%d/%m/%Y"), f"{day.day} {day:%B %Y}"):
        parsed = parse_date(text)
        assert parsed is not None and (parsed.year, parsed.month, parsed.day) == expected
    assert str(parse_date(day.isoformat())) == day.isoformat()

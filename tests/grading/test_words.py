"""Typo tolerance word by word (quizapp/grading/words.py)."""

import pytest

from quizapp.grading.words import (
    english_words,
    inflects,
    negates,
    swapped,
    word_budget,
    word_edits,
)


@pytest.mark.parametrize(
    ("word", "budget"),
    [("gpt", 0), ("meta", 0), ("smith", 1), ("mensch", 1), ("lacroix", 1), ("timothee", 2),
     ("decisive", 2), ("sparrentak", 2), ("distribution", 3), ("2020", 0), ("123456", 0)],
)  # fmt: skip
def test_each_word_has_its_own_budget(word: str, budget: int) -> None:
    assert word_budget(word) == budget


@pytest.mark.parametrize(
    ("given", "answer"),
    [("indecisive", "decisive"), ("decisive", "indecisive"), ("unlikely", "likely"),
     ("nonexclusive", "exclusive"), ("inequity", "equity"), ("dishonest", "honest")],
)  # fmt: skip
def test_a_negating_prefix_is_a_different_word(given: str, answer: str) -> None:
    assert negates(given, answer)
    assert word_edits(given, answer, common=False, budget=5) is None


def test_short_words_are_not_negations() -> None:
    assert not negates("ai", "i") and not negates("also", "so")


@pytest.mark.parametrize(
    ("given", "answer"),
    [("derisive", "decisive"), ("sound", "round"), ("finding", "funding"), ("state", "stake"),
     ("contribution", "distribution")],
)  # fmt: skip
def test_a_common_word_is_never_typo_tolerated_into_another_real_word(
    given: str, answer: str
) -> None:
    assert given in english_words()
    assert word_edits(given, answer, common=True) is None


def test_a_name_misspelt_into_a_real_word_is_still_a_typo() -> None:
    assert word_edits("lama", "llama", common=False) == 1
    assert word_edits("smyth", "smith", common=False) == 1


@pytest.mark.parametrize(
    ("given", "answer"),
    [("companies", "company"), ("company", "companies"), ("businesses", "business"),
     ("equities", "equity"), ("organisation", "organization")],
)  # fmt: skip
def test_plurals_and_spellings_are_the_same_word(given: str, answer: str) -> None:
    assert inflects(given, answer)
    assert word_edits(given, answer, common=True) == 1


def test_typos_that_are_no_word_pass_within_budget() -> None:
    assert word_edits("influance", "influence", common=True) == 1
    assert word_edits("startegic", "strategic", common=True) == 1
    assert word_edits("stratgc", "strategic", common=True) == 2
    assert word_edits("strtgc", "strategic", common=True) is None


def test_numbers_are_never_typos() -> None:
    assert word_edits("2021", "2020", common=False, budget=3) is None


def test_a_single_letter_is_an_initial_of_a_name() -> None:
    assert word_edits("b", "brad", common=False) == 1
    assert word_edits("a", "brad", common=False) is None
    assert word_edits("b", "business", common=True) is None


def test_swapped_letters_in_a_short_word() -> None:
    assert swapped("bard", "brad") and swapped("gtp", "gpt")
    assert swapped("brda", "brad")
    assert not swapped("brdd", "brad") and not swapped("mota", "meta")

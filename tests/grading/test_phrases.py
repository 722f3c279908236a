"""Words around a cloze blank and generic head nouns (quizapp/grading/phrases.py)."""

import pytest

from quizapp.grading.phrases import without_context, without_head_noun


@pytest.mark.parametrize(
    ("given", "before", "after", "kept"),
    [
        ("microsoft azure", "mistral models run on microsoft", "", "azure"),
        ("gained decisive influence", "microsoft has gained", "over the", "decisive influence"),
        ("decisive influence over", "has gained", "over the", "decisive influence"),
        ("strategic decisions", "over the", "decisions mistral makes", "strategic"),
        ("next funding round", "in mistral next", "", "funding round"),
        ("azure", "microsoft", "", None),
        ("microsoft", "microsoft", "", None),
        ("azure microsoft", "microsoft", "", None),
    ],
)  # fmt: skip
def test_words_repeated_from_around_the_blank_are_left_out(
    given: str, before: str, after: str, kept: str | None
) -> None:
    assert without_context(given, before, after) == kept


@pytest.mark.parametrize(
    ("given", "found"),
    [
        ("llama model", ("llama", "model")),
        ("llama large language model", ("llama", "large language model")),
        ("bloomberg news agency", ("bloomberg", "news agency")),
        ("le chat app", ("le chat", "app")),
        ("model", None),
        ("model llama", None),
        ("bloomberg", None),
    ],
)
def test_a_generic_head_noun_after_the_answer(given: str, found: tuple[str, str] | None) -> None:
    assert without_head_noun(given) == found

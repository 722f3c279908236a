"""Page furniture: header lines, datelines, HTML entities and non-English articles."""

from __future__ import annotations

from quizapp.drafting.furniture import clean, language_of

PAGE = """https://news.example/2024/04/16/acme-raises/
Acme raises money
2024-04-16

By Jo Bloggs and Ann Other

June 8 (Reuters) - Acme AI &amp; partners said on Tuesday it had raised $5 million.
Leave a Reply
"""


def test_header_lines_are_read_and_blanked_with_offsets_kept() -> None:
    cleaned = clean(PAGE)
    assert cleaned.header.url == "https://news.example/2024/04/16/acme-raises/"
    assert cleaned.header.headline == "Acme raises money"
    assert cleaned.header.date == "2024-04-16"
    for furniture in ("https://", "Acme raises money", "2024-04-16", "Jo Bloggs", "(Reuters)",
                      "Leave a Reply"):  # fmt: skip
        assert furniture not in cleaned.text
    assert "Acme AI & partners said on Tuesday" in cleaned.text
    assert len(cleaned.text.split("\n")) == len(PAGE.split("\n"))
    assert cleaned.language is None


def test_a_date_in_the_address_dates_an_article_without_a_date_line() -> None:
    cleaned = clean("https://blog.example/2023/11/some-decision/\nA headline\n\nBody text.")
    assert cleaned.header.date == "2023-11"


def test_a_french_article_is_told_apart() -> None:
    text = (
        "La start-up française a levé 15 millions d'euros auprès de Microsoft, qui devient "
        "ainsi un de ses actionnaires. Le partenariat porte sur les modèles de langage et "
        "sur la distribution par le cloud de la société dans les pays de l'Union."
    )
    assert language_of(text) == "French"
    assert language_of(PAGE) is None

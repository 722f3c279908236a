"""Drafts from relations: true/false statements, half of them altered."""

from __future__ import annotations

from pathlib import Path

from quizapp.drafting.pipeline import draft_files

STORY = (
    "https://example.org/korvana\nKorvana story\n2024-03-12\n\n"
    "Korvana Robotics has raised €40 million in a round led by Halvorsen Capital, with "
    "investors including Nvidia, Oracle and Brightwater Ventures. The round values Korvana "
    "Robotics at €200 million. Korvana Robotics was founded in 2019 in Lyon.\n"
)


def test_half_the_statements_are_altered_and_a_list_of_investors_never(tmp_path: Path) -> None:
    path = tmp_path / "korvana.txt"
    path.write_text(STORY, encoding="utf-8")
    statements = [d for d in draft_files([path]).drafts if d.type == "truefalse"]
    altered = [d for d in statements if d.fields["answer"] is False]
    assert len(statements) >= 4
    assert len(altered) == len(statements) // 2
    assert all("This statement is altered." in d.explanation for d in altered)
    assert not any("invested in Korvana" in d.prompt for d in altered)
    for draft in altered:  # the altered value is none the article gives
        assert not any(v in draft.prompt for v in ("€40 million", "€200 million", "2019 "))

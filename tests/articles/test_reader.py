"""``articles.reader``: paragraphs of plain segments with the evidence marked."""

from __future__ import annotations

from quizapp.articles.reader import Segment, paragraphs

TEXT = "Title\n\nFirst paragraph here.\r\nSecond one, longer.\n"


def test_non_blank_lines_are_paragraphs_and_the_text_is_kept() -> None:
    shown = paragraphs(TEXT, [])
    assert [[s.text for s in p] for p in shown] == [
        ["Title"],
        ["First paragraph here."],
        ["Second one, longer."],
    ]
    assert not any(s.marked for p in shown for s in p)


def test_evidence_is_marked_across_lines_and_the_first_mark_is_the_anchor() -> None:
    start = TEXT.index("paragraph")
    end = TEXT.index("one,") + 3
    shown = paragraphs(TEXT, [(start, end)])
    assert shown[1] == [Segment("First "), Segment("paragraph here.", True, True)]
    assert shown[2] == [Segment("Second one", True, False), Segment(", longer.")]


def test_out_of_range_spans_are_clipped_or_ignored() -> None:
    assert paragraphs("abc", [(1, 99)]) == [[Segment("a"), Segment("bc", True, True)]]
    assert paragraphs("abc", [(50, 60), (2, 1)]) == [[Segment("abc")]]

"""PURE: an article's text as paragraphs of plain segments, the evidence passages marked.

Paragraphs are the file's non-blank lines (the articles keep one paragraph per line, or
separate them with blank lines). Segments keep the text exactly; the template escapes it.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..bank.spec import Evidence, QuestionSpec


@dataclass(frozen=True)
class Segment:
    """A run of one paragraph's text: ``marked`` when it is evidence; ``first`` for the first
    marked run of the article (the page scrolls to it)."""

    text: str
    marked: bool = False
    first: bool = False


def spans_for(spec: QuestionSpec | None, source_id: str) -> list[tuple[int, int]]:
    """The ``(start, end)`` passages of ``spec``'s evidence in the article ``source_id``."""
    if spec is None:
        return []
    found: tuple[Evidence, ...] = spec.evidence
    return sorted((e.start, e.end) for e in found if e.source == source_id)


def _lines(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each non-blank line, without its line break."""
    lines, start = [], 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        if body.strip():
            lines.append((start, start + len(body)))
        start += len(line)
    return lines


def _cut(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Boundaries inside ``[start, end)``: the line cut at every span's start and end."""
    cuts = {start, end}
    for s, e in spans:
        cuts.update(x for x in (s, e) if start < x < end)
    ordered = sorted(cuts)
    return list(zip(ordered, ordered[1:], strict=False))


def paragraphs(text: str, spans: list[tuple[int, int]]) -> list[list[Segment]]:
    """``text`` as paragraphs of segments, the characters inside ``spans`` marked."""
    size = len(text)
    spans = [(max(0, s), min(size, e)) for s, e in spans if s < e and s < size]
    result: list[list[Segment]] = []
    seen_mark = False
    for start, end in _lines(text):
        segments = []
        for a, b in _cut(text, start, end, spans):
            marked = any(s <= a and b <= e for s, e in spans)
            first = marked and not seen_mark
            seen_mark = seen_mark or marked
            segments.append(Segment(text[a:b], marked, first))
        result.append(segments)
    return result

"""Sentences with their character offsets, and clauses trimmed out of them.

Articles are split line by line (headings, bullets and table cells stand alone), then at
sentence punctuation followed by a capital, except after common abbreviations and initials.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from .words import word_set

_ABBREVIATIONS = word_set(
    "inc ltd co corp mr mrs ms dr prof st vs etc e.g i.e u.s u.k no jr sr gen gov sen rep "
    "jan feb mar apr jun jul aug sep sept oct nov dec"
)
_BOUNDARY = re.compile(r"[.!?]+[\"'”’)\]]*\s+(?=[\"“‘(]?[A-Z0-9À-Þ])")
_LINE = re.compile(r"[^\n|]+")
_LEADING = re.compile(r"[\s•·*>#\-–—]+")
_CLAUSE_BREAK = re.compile(r"\s*(?:[,;:()]|\s[—–-]\s|—)\s*")
MIN_CLAUSE_WORDS = 6
MAX_CLAUSE_WORDS = 16


@dataclass(frozen=True)
class Sentence:
    """A sentence of an article: ``text`` is ``article[start:end]``."""

    index: int
    start: int
    end: int
    text: str

    def relative(self, start: int, end: int) -> tuple[int, int]:
        """Article offsets of a span inside this sentence, made relative to its start."""
        return start - self.start, end - self.start


def _inside_quote(line: str, begin: int, at: int) -> bool:
    """Whether ``line[at]`` is inside a quotation opened since ``begin`` and closed later on
    the line: "… this year! Think you will like it," posted X is one sentence."""
    before, after = line[begin:at], line[at:]
    straight = before.count('"') % 2 == 1 and '"' in after
    curly = before.count("“") > before.count("”") and "”" in after
    return straight or curly


def _pieces(line: str) -> list[tuple[int, int]]:
    """Spans of the sentences of one line."""
    spans = []
    begin = 0
    for match in _BOUNDARY.finditer(line):
        before = line[begin : match.start()].split()
        last = before[-1].lower().rstrip(".") if before else ""
        if last in _ABBREVIATIONS or re.fullmatch(r"[a-z]", last):
            continue
        if _inside_quote(line, begin, match.end()):
            continue
        spans.append((begin, match.start() + len(match.group().rstrip())))
        begin = match.end()
    spans.append((begin, len(line)))
    return spans


def split_sentences(text: str) -> list[Sentence]:
    """The sentences of ``text`` with offsets; bullets and surrounding blanks left out."""
    sentences: list[Sentence] = []
    for line in _LINE.finditer(text):
        for start, end in _pieces(line.group()):
            start += line.start()
            end += line.start()
            lead = _LEADING.match(text, start, end)
            if lead:
                start = lead.end()
            while end > start and text[end - 1].isspace():
                end -= 1
            if any(ch.isalpha() for ch in text[start:end]):
                sentences.append(Sentence(len(sentences), start, end, text[start:end]))
    return sentences


def trim_around(
    text: str,
    start: int,
    end: int,
    blank: str,
    min_words: int = MIN_CLAUSE_WORDS,
    prefer: Callable[[str], bool] | None = None,
) -> str | None:
    """A clause of ``text`` around ``text[start:end]``, with that span replaced by ``blank``.

    The clause is cut at commas, semicolons, colons, brackets and dashes, widened to at least
    ``min_words`` words and cut to at most ``MAX_CLAUSE_WORDS``; it is always shorter
    than the sentence, so no article sentence is ever copied whole. None when the sentence is
    too short to trim. With ``prefer``, the cut nearest the centre whose clause ``prefer``
    accepts is taken, when there is one.
    """
    marker = "\x00"
    masked = text[:start] + marker + text[end:]
    cuts = [0]
    for match in _CLAUSE_BREAK.finditer(masked):
        cuts += [match.start(), match.end()]
    cuts.append(len(masked))
    clauses = [(cuts[i], cuts[i + 1]) for i in range(0, len(cuts) - 1, 2)]
    index = next(i for i, (a, b) in enumerate(clauses) if a <= start < b or a == start == b)
    lo, hi = index, index

    def words(a: int, b: int) -> int:
        return len(masked[clauses[a][0] : clauses[b][1]].split())

    while words(lo, hi) < min_words and (lo > 0 or hi < len(clauses) - 1):
        if hi < len(clauses) - 1 and (lo == 0 or words(hi + 1, hi + 1) <= words(lo - 1, lo - 1)):
            hi += 1
        else:
            lo -= 1
    tokens = masked[clauses[lo][0] : clauses[hi][1]].split()
    total = len(masked.split())
    limit = min(MAX_CLAUSE_WORDS, total - 2)
    if limit < 4:
        return None
    at = next(i for i, token in enumerate(tokens) if marker in token)
    centred = max(0, min(at - limit // 2, len(tokens) - limit))
    firsts = range(max(0, at - limit + 1), max(0, min(at, len(tokens) - limit)) + 1)
    found = None
    for first in sorted(firsts, key=lambda f: (abs(f - centred), f)) if prefer else [centred]:
        kept = tokens[first : first + limit]
        if len(kept) >= total:
            return None
        cut_left = first > 0 or clauses[lo][0] > 0
        cut_right = first + limit < len(tokens) or clauses[hi][1] < len(masked)
        clause = " ".join(kept).strip(" ,;:")
        clause = ("…" if cut_left else "") + clause + ("…" if cut_right else "")
        clause = clause.replace(marker, blank)
        if prefer is None or prefer(clause):
            return clause
        found = found or (clause if first == centred else None)
    return found

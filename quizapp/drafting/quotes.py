"""Quoted speakers: who said the words in quotation marks ("…," said Margrethe Vestager;
Suleyman tweeted: "…"). A speaker is a person the article names with a role somewhere
(a surname alone is matched to that person); "she said" or "he noted" has no name to ask.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace

from .builders import Context, label_of, make_draft
from .drafts import Draft, draft_id
from .mentions import Mention
from .sentences import split_sentences

_QUOTE = re.compile(r"[\"“](?P<quote>[^\"“”]{12,}?)[,.!?]?[\"”]")
_VERB = re.compile(r"\b(?:said|says|added|noted|told|wrote|tweeted|posted)\b")
_LEAD_IN = re.compile(r"\b(?:said|says|added|noted|wrote|tweeted|posted):? $")
WINDOW = 90
"""Characters between a quotation and its speaker's name."""
MIN_WORDS = 5
QUOTE_WORDS = 12
"""At most this many words of the quotation are shown in a question."""


@dataclass(frozen=True)
class Quote:
    """Words in quotation marks and the person who said them."""

    speaker: Mention
    words: str


def _speaker(name: str, people: Sequence[Mention]) -> Mention | None:
    """The person a name stands for: a full name, or the surname of one person only."""
    exact = [p for p in people if p.answer == name or name.endswith(" " + p.answer)]
    if exact:
        return exact[0]
    last = name.split()[-1]
    matching = {p.answer: p for p in people if p.answer.split()[-1] == last}
    return next(iter(matching.values())) if len(matching) == 1 else None


def _shown(quote: str) -> str:
    words = quote.split()
    return " ".join(words[:QUOTE_WORDS]) + ("…" if len(words) > QUOTE_WORDS else "")


def _names(text: str, people: Sequence[Mention]) -> list[tuple[int, int, Mention]]:
    """Where the article's people are named in ``text``: full name, or a surname only one
    of them has."""
    spans: list[tuple[int, int, Mention]] = []
    for name in {p.answer for p in people} | {p.answer.split()[-1] for p in people}:
        speaker = _speaker(name, people)
        for match in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text):
            if speaker is not None and not any(a <= match.start() < b for a, b, _ in spans):
                spans.append((match.start(), match.end(), speaker))
    return sorted(spans, key=lambda s: (s[0], -s[1]))


def find_quotes(text: str, people: Sequence[Mention]) -> Iterator[tuple[Quote, int, int]]:
    """Quotations in a sentence with their speaker, and the speaker's name span in it: the
    first person named within ``WINDOW`` characters after the quotation with a speech verb
    before or right after the name ("…," said X; "…," X, its chief, said), else the last
    one before a quotation that a speech verb opens (X tweeted: "…")."""
    names = _names(text, people)
    for match in _QUOTE.finditer(text):
        if len(match["quote"].split()) < MIN_WORDS:
            continue  # "to new heights": a phrase, not something one can tell who said
        end = match.end()
        after = [n for n in names if end <= n[0] <= end + WINDOW]
        if after and "“" not in text[end : after[0][0]] and '"' not in text[end : after[0][0]]:
            start, stop, speaker = after[0]
            if _VERB.search(text, end, min(len(text), stop + 60)):
                yield Quote(speaker, _shown(match["quote"])), start, stop
                continue
        before = [n for n in names if match.start() - WINDOW <= n[0] and n[1] <= match.start()]
        if before and _LEAD_IN.search(text[: match.start()]):
            start, stop, speaker = before[-1]
            yield Quote(speaker, _shown(match["quote"])), start, stop


def quote_drafts(ctx: Context) -> Iterator[Draft]:
    """ "Who said: "…"?" for each quotation whose speaker the article names as a person."""
    by_article: dict[str, list[Mention]] = {}
    for mention in ctx.mentions:
        by_article.setdefault(mention.article.source_id, []).append(mention)
    for found in by_article.values():
        people = [m for m in found if m.kind == "person"]
        article = found[0].article
        asked: set[str] = set()
        for sentence in split_sentences(article.text) if people else ():
            for quote, start, end in find_quotes(sentence.text, people):
                if quote.words in asked:
                    continue
                asked.add(quote.words)
                speaker = quote.speaker
                mention = Mention("person", speaker.answer, speaker.key, "person",
                                  sentence.text[start:end], sentence.start + start,
                                  sentence.start + end, sentence, article)  # fmt: skip
                prompt = f'According to {label_of(mention)}, who said: "{quote.words}"?'
                surname = speaker.answer.split()[-1]
                fields = {"answer": speaker.answer, "accept": [surname]}
                draft = make_draft("short", mention, prompt, fields, ctx)
                words = hashlib.sha256(quote.words.encode()).hexdigest()[:8]
                key = f"quote:{words}:{speaker.key}"  # the id names the speaker, not the words
                yield replace(draft, id=draft_id("short", key, article.source_id))

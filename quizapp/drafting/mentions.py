"""Everything drafting can ask about in one article: amounts, dates, counts and percentages,
people, organisations.

A ``Mention`` ties a value to the sentence it came from (the evidence) and carries the
canonical answer a question should use and a key for comparing values across articles.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from quizapp.grading import Amount, ParsedDate, fold, parse_date

from .articles import Article
from .counts import find_counts
from .gazetteer import Gazetteer
from .names import article_orgs, find_orgs, find_people
from .numbers import amount_key, amount_words, date_key, find_dates, find_weekdays
from .numbers import find_amounts as _find_amounts
from .sentences import Sentence, split_sentences

KINDS = ("amount", "date", "number", "person", "org")


@dataclass(frozen=True)
class Mention:
    """A value found in an article.

    ``answer`` is the canonical answer ("15 million", "2024-02-26", "Arthur Mensch");
    ``key`` compares values ("EUR:15000000", "investors:97"); ``group`` says which mentions
    can stand in as distractors for each other ("amount:EUR", "date:year", "number:%",
    "person", "org:regulator");
    ``start``/``end`` are article offsets of the surface text; ``detail`` is a currency,
    a count's unit ("investors", "%"), a role cue or an organisation kind; ``note``
    explains a guess (an inferred year);
    ``affiliation`` is the organisation a person's role belongs to.
    """

    kind: str
    answer: str
    key: str
    group: str
    surface: str
    start: int
    end: int
    sentence: Sentence
    article: Article
    detail: str | None = None
    note: str | None = None
    affiliation: str | None = None

    @property
    def local(self) -> tuple[int, int]:
        """The surface span relative to the sentence."""
        return self.sentence.relative(self.start, self.end)

    @property
    def evidence(self) -> str:
        """Where this comes from: file and character offsets of the sentence."""
        return f"{self.article.name}:{self.sentence.start}-{self.sentence.end}"


def _precision(date: ParsedDate) -> str:
    return "day" if date.day else "month" if date.month else "year"


def article_month(article: Article) -> int | None:
    """The month of the article's date, when its date has one."""
    date = parse_date(article.date) if article.date else None
    return date.month if date else None


def article_year(article: Article, sentences: list[Sentence]) -> int | None:
    """The year a bare "26 February" refers to: the article's date, else the commonest year."""
    if article.date and article.date[:4].isdigit():
        return int(article.date[:4])
    years = Counter(
        found.value.year
        for sentence in sentences
        for found in find_dates(sentence.text)
        if isinstance(found.value, ParsedDate)
    )
    return years.most_common(1)[0][0] if years else None


def _mention(kind: str, sentence: Sentence, article: Article, start: int, end: int, **kw):
    return Mention(
        kind=kind,
        surface=sentence.text[start:end],
        start=sentence.start + start,
        end=sentence.start + end,
        sentence=sentence,
        article=article,
        **kw,
    )


def extract(article: Article, gazetteer: Gazetteer) -> list[Mention]:
    """All mentions in ``article``, in text order."""
    sentences = split_sentences(article.text)
    year = article_year(article, sentences)
    month = article_month(article)
    names = article_orgs(article.text, gazetteer)
    found: list[Mention] = []
    for sentence in sentences:
        text = sentence.text
        for amount_found in _find_amounts(text):
            amount = amount_found.value
            assert isinstance(amount, Amount)
            answer = amount_words(amount.value)
            found.append(
                _mention("amount", sentence, article, amount_found.start, amount_found.end,
                         answer=answer, key=amount_key(amount), group=f"amount:{amount.currency}",
                         detail=amount.currency)
            )  # fmt: skip
        for date_found in [*find_dates(text, year, month), *find_weekdays(text, article.date)]:
            date = date_found.value
            assert isinstance(date, ParsedDate)
            inferred = date_found.inferred_year
            if inferred and month is None and len(str(date)) == 7:
                continue  # "in October" in an article of unknown date: no year to give it
            note = f"year {date.year} inferred from the article's date" if inferred else None
            if date_found.surface.endswith("day"):
                note = f"day worked out from the article's date ({date_found.surface})"
            found.append(
                _mention("date", sentence, article, date_found.start, date_found.end,
                         answer=str(date), key=date_key(date), group=f"date:{_precision(date)}",
                         note=note)
            )  # fmt: skip
        values = [m.local for m in found if m.sentence == sentence]
        for count in find_counts(text):
            if not any(a < count.end and count.start < b for a, b in values):
                found.append(
                    _mention("number", sentence, article, count.start, count.end,
                             answer=count.answer, key=count.key, group=f"number:{count.unit}",
                             detail=count.unit)
                )  # fmt: skip
        orgs = find_orgs(text, gazetteer, names)
        for org in orgs:
            found.append(
                _mention("org", sentence, article, org.start, org.end, answer=org.name,
                         key=fold(org.name), group=f"org:{org.kind}", detail=org.kind)
            )  # fmt: skip
        for person in find_people(text, orgs, gazetteer):
            found.append(
                _mention("person", sentence, article, person.start, person.end,
                         answer=person.name, key=fold(person.name), group="person",
                         detail=person.role, affiliation=person.affiliation)
            )  # fmt: skip
    return sorted(found, key=lambda m: (m.start, KINDS.index(m.kind)))

"""Draft questions from articles, end to end: read, extract, compose, dedupe, find conflicts.

``draft_files`` takes an iterable of files so a caller can wrap it in a progress bar; an
unreadable or empty file becomes a ``ReadProblem`` and the others are still drafted.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from quizapp.bank.sources import load_sources
from quizapp.bank.spec import QuestionSpec
from quizapp.bank.validate import SOURCES_FILE, load_bank
from quizapp.grading import fold

from .articles import Article, KnownSource, ReadProblem, read, suggested_source
from .compose import Context, compose
from .dedupe import Duplicate, split_duplicates
from .drafts import Draft
from .facts import Conflict, Fact, amount_fact, fact_of, find_conflicts
from .gazetteer import Gazetteer
from .links import Link, find_links
from .mentions import Mention, extract
from .relations import main_org
from .sentences import split_sentences


@dataclass
class DraftRun:
    """Everything one run produced, for the output file and the command's report."""

    articles: list[Article] = field(default_factory=list)
    problems: list[ReadProblem] = field(default_factory=list)
    drafts: list[Draft] = field(default_factory=list)
    duplicates: list[Duplicate] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    new_sources: list[dict[str, str]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def known_sources(bank_dir: Path | None) -> tuple[dict[str, KnownSource], set[str], list[str]]:
    """The bank's sources by seed file name, every source id taken, and any warning."""
    if bank_dir is None:
        return {}, set(), []
    path = bank_dir / SOURCES_FILE
    sources, errors = load_sources(path, path.as_posix())
    if sources is None or errors:
        first = str(errors[0]) if errors else "unreadable"
        return {}, set(), [f"the bank's sources.yaml has errors ({first}); sources not matched"]
    by_seed = {
        s.text_file: KnownSource(s.id, s.text_file, s.title, s.author, s.date)
        for s in sources.values()
    }
    return by_seed, set(sources), []


def bank_questions(bank_dir: Path | None) -> tuple[list[QuestionSpec], list[str]]:
    """The bank's questions (drafts included) for dedupe, or a warning when it does not load."""
    if bank_dir is None:
        return [], []
    result = load_bank(bank_dir, include_drafts=True)
    if result.bank is None:
        noun = "error" if len(result.errors) == 1 else "errors"
        warning = f"the bank has {len(result.errors)} {noun}; drafts not checked for duplicates"
        return [], [warning]
    return list(result.bank.questions.values()), []


def _unique_id(article: Article, taken: set[str]) -> Article:
    """Give a new article a source id no other source uses."""
    if article.known is not None or article.source_id not in taken:
        taken.add(article.source_id)
        return article
    number = 2
    while f"{article.source_id}-{number}" in taken:
        number += 1
    taken.add(f"{article.source_id}-{number}")
    return replace(article, source_id=f"{article.source_id}-{number}")


def _source_date(mentions: list[Mention]) -> str | None:
    """A source date for a new article: its first date precise to the month or the day."""
    dates = [m.key for m in mentions if m.kind == "date" and len(m.key) > 4 and not m.note]
    return dates[0] if dates else None


def facts_of(mentions: list[Mention]) -> dict[Mention, Fact]:
    """The facts the mentions state, each article's amounts bound within their sentence."""
    people = {m.answer for m in mentions if m.kind == "person"}
    by_article: dict[str, list[Mention]] = defaultdict(list)
    for mention in mentions:
        by_article[mention.article.source_id].append(mention)
    facts: dict[Mention, Fact] = {}
    for found in by_article.values():
        main = main_org(found)
        dates = [m for m in found if m.kind == "date"]
        orgs: dict[int, list[Mention]] = defaultdict(list)
        for mention in found:
            if mention.kind == "org":
                orgs[mention.sentence.index].append(mention)
        for mention in found:
            if mention.kind == "amount":
                index = mention.sentence.index
                previous = orgs.get(index - 1)
                it = main if not previous or previous[0].answer == main else None
                fact = amount_fact(mention, orgs[index], it, dates)
            else:
                fact = fact_of(mention, people)
            if fact is not None:
                facts[mention] = fact
    return facts


def links_of(mentions: list[Mention]) -> list[tuple[Link, Mention]]:
    """Every article's links, each with a mention of its answer (for evidence and ids)."""
    found: list[tuple[Link, Mention]] = []
    by_article: dict[str, list[Mention]] = defaultdict(list)
    for mention in mentions:
        by_article[mention.article.source_id].append(mention)
    for article_mentions in by_article.values():
        article = article_mentions[0].article
        main = main_org(article_mentions)
        for sentence in split_sentences(article.text):
            here = [m for m in article_mentions if m.sentence.index == sentence.index]
            orgs = [m for m in here if m.kind == "org"]
            people = [m for m in here if m.kind == "person"]
            for link in find_links(orgs, sentence.text, main, people):
                mention = Mention("link", link.answer, fold(link.answer), f"link:{link.kind}",
                                  link.answer, sentence.start + link.start,
                                  sentence.start + link.end, sentence, article,
                                  detail=link.relation)  # fmt: skip
                found.append((link, mention))
    return found


def draft_files(
    files: Iterable[Path],
    *,
    bank_dir: Path | None = None,
    gazetteer: Gazetteer | None = None,
    dedupe: bool = True,
) -> DraftRun:
    """Draft questions from ``files``, matching sources and checking duplicates in the bank."""
    gazetteer = gazetteer or Gazetteer.load()
    by_seed, taken, warnings = known_sources(bank_dir)
    run = DraftRun(warnings=warnings)
    mentions: list[Mention] = []
    for path in files:
        article = read(path, by_seed)
        if isinstance(article, ReadProblem):
            run.problems.append(article)
            continue
        article = _unique_id(article, taken)
        found = extract(article, gazetteer)
        run.articles.append(article)
        mentions += found
        if article.known is None:
            run.new_sources.append(suggested_source(article, _source_date(found)))
    facts = facts_of(mentions)
    run.conflicts = find_conflicts(list(facts.values()))
    drafts = compose(Context(mentions, facts, run.conflicts, gazetteer, links_of(mentions)))
    if dedupe:
        questions, dedupe_warnings = bank_questions(bank_dir)
        run.warnings += dedupe_warnings
        drafts, run.duplicates = split_duplicates(drafts, questions)
    run.drafts = drafts
    return run

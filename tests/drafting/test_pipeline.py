"""Drafting end to end: stable ids, valid drafts, evidence, distractors, dedupe, bad files."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from quizapp.bank.validate import load_file
from quizapp.drafting.articles import collect
from quizapp.drafting.pipeline import DraftRun, draft_files
from quizapp.drafting.render import render

from .conftest import ARTICLES


def run_on(folder: Path, bank: Path | None, **options: object) -> DraftRun:
    files, problems = collect([folder])
    run = draft_files(files, bank_dir=bank, **options)
    run.problems = problems + run.problems
    return run


def write(run: DraftRun, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        render("Drafts", run.drafts, articles=run.articles, conflicts=run.conflicts,
               duplicates=run.duplicates, new_sources=run.new_sources),
        encoding="utf-8",
    )  # fmt: skip
    return path


def test_every_kind_of_draft(bank: Path) -> None:
    run = run_on(ARTICLES, bank, dedupe=False)
    kinds = Counter(draft.type for draft in run.drafts)
    assert set(kinds) == {"numeric", "date", "short", "cloze", "choice", "truefalse"}
    assert all(kinds[name] >= 2 for name in kinds)
    assert [a.source_id for a in run.articles] == ["korvana-funding", "korvana-profile"]
    assert run.new_sources == []


def test_ids_and_output_are_stable_across_runs(bank: Path) -> None:
    first, second = run_on(ARTICLES, bank), run_on(ARTICLES, bank)
    assert [d.id for d in first.drafts] == [d.id for d in second.drafts]
    assert render("T", first.drafts) == render("T", second.drafts)
    assert len({d.id for d in first.drafts}) == len(first.drafts)
    assert all(re.fullmatch(r"[a-z0-9][a-z0-9-]{1,79}", d.id) for d in first.drafts)


def test_drafts_pass_the_bank_validator(bank: Path) -> None:
    run = run_on(ARTICLES, bank)
    result = load_file(write(run, bank / "drafts" / "korvana.yaml"), bank_dir=bank)
    assert result.errors == []
    [topic] = result.bank.topics.values()
    assert len(topic.questions) == len(run.drafts)
    assert all(q.status == "draft" for q in topic.questions)


def test_drafts_record_their_evidence(bank: Path) -> None:
    run = run_on(ARTICLES, bank)
    for draft in run.drafts:
        mention = draft.mention
        text = mention.article.text
        assert text[mention.sentence.start : mention.sentence.end] == mention.sentence.text
        assert text[mention.start : mention.end] == mention.surface
        assert draft.notes[0].startswith(f"evidence: {mention.article.name}:")
    output = render("T", run.drafts)
    assert "# evidence: korvana_funding.txt:83-217 (sentence 3)" in output


def test_no_article_sentence_is_copied_whole(bank: Path) -> None:
    run = run_on(ARTICLES, bank, dedupe=False)
    sentences = {d.mention.sentence.text.rstrip(".") for d in run.drafts}
    for draft in run.drafts:
        written = draft.fields.get("text") or draft.prompt
        filled = re.sub(r"\{\{([^|}]*)[^}]*\}\}", r"\1", str(written))
        assert not any(sentence in filled for sentence in sentences), filled


def test_choices_never_come_from_other_articles(bank: Path) -> None:
    run = run_on(ARTICLES, bank, dedupe=False)
    choices = [d for d in run.drafts if d.type == "choice"]
    [funding] = [d for d in choices if d.fields["answer"] == "€40 million"]
    assert "€45 million" not in funding.fields["choices"]  # the other article's value
    assert "€300 million" not in funding.fields["choices"]
    assert "€12 million" in funding.fields["choices"]  # the same article's loan
    [analyst] = [d for d in choices if d.fields["answer"] == "Sofia Brandt"]
    assert set(analyst.fields["choices"]) - {"Sofia Brandt"} <= {
        "Lena Marchetti",
        "Tomasz Wierzbicki",
        "Pieter Vos",
    }
    for draft in run.drafts:
        if draft.type == "choice":
            assert draft.fields["answer"] in draft.fields["choices"]
            assert len(draft.fields["choices"]) >= 3


def test_conflicts_are_in_the_explanations_and_the_file(bank: Path) -> None:
    run = run_on(ARTICLES, bank, dedupe=False)
    [founding] = [d for d in run.drafts if d.type == "date" and d.fields["answer"] == "2020"]
    assert "The articles disagree on the founding (Korvana Robotics)" in founding.explanation
    assert "disagreement" in founding.tags
    output = render("T", run.drafts, conflicts=run.conflicts)
    assert "#   founding (Korvana Robotics)  2019" in output
    assert "#   raise (Korvana Robotics)     €45 million" in output


def test_duplicates_of_bank_questions_are_skipped_and_reported(bank: Path) -> None:
    everything = run_on(ARTICLES, bank, dedupe=False)
    deduped = run_on(ARTICLES, bank)
    [duplicate] = [d for d in deduped.duplicates if d.draft.type == "date"]
    assert duplicate.bank_id == "korvana-founding-year-funding"
    assert duplicate.draft.fields["answer"] == "2019"
    assert duplicate.draft.id not in {d.id for d in deduped.drafts}
    assert len(deduped.drafts) + len(deduped.duplicates) == len(everything.drafts)
    assert "~ korvana-founding-year-funding" in render("T", [], duplicates=deduped.duplicates)


def test_bad_files_are_reported_and_the_rest_drafted(articles: Path, bank: Path) -> None:
    (articles / "empty.txt").write_text("  \n\n", encoding="utf-8")
    (articles / "latin1.txt").write_bytes("Caf\xe9 Korvana".encode("latin-1"))
    files, problems = collect([articles, articles / "missing.txt"])
    run = draft_files(files, bank_dir=bank)
    messages = sorted(str(p).split("/")[-1] for p in problems + run.problems)
    assert messages == [
        "empty.txt: file is empty (no text to draft from)",
        "latin1.txt: file is not UTF-8 text — save it as UTF-8",
        "missing.txt: no such file or folder",
    ]
    assert len(run.articles) == 2 and run.drafts


def test_new_articles_get_suggested_sources(tmp_path: Path) -> None:
    run = run_on(ARTICLES, None)
    assert run.new_sources == [
        {"id": "korvana-funding", "title": "Korvana Robotics lands €40 million to build a "
         "second factory", "date": "2024-03-12", "file": "korvana_funding.txt"},
        {"id": "korvana-profile", "title": "The quiet rise of Korvana Robotics",
         "file": "korvana_profile.md"},
    ]  # fmt: skip

"""One parsed GIFT question -> our question fields (type, prompt, the type's own fields).

Moodle's types map to ours: multiple choice with one ``=`` -> choice, with weights -> multi,
true/false, short answer (-> date when our export says so), numerical (-> date for years
from our export), matching (-> order when the right sides are the positions 1..n), missing
word with short answers -> cloze, Moodle's ordering question -> order. HTML text
(``[html]``, as Moodle exports, or ``[moodle]`` text holding tags) becomes Markdown,
choices plain text. What our types cannot hold is returned as (line, message).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from decimal import Decimal, InvalidOperation
from typing import Any

from quizapp.grading import fold, parse_date

from . import ordering
from .common import number_text
from .gift_parse import Answer, GiftQuestion
from .html_text import images, looks_like_html, to_markdown, to_plain

Notes = list[tuple[int, str]]
Question = dict[str, Any]
BLANK = "_____"
CLOZE_PROMPT = "Fill in the blank."
EXTRAS = ("unit", "shuffle", "typos")
"""Type fields GIFT cannot state, carried by our export's ``// quizapp:`` comment."""


def _full(gq: GiftQuestion, notes: Notes) -> list[Answer]:
    """The fully right answers; partial-credit ones are reported and dropped."""
    full = []
    for answer in gq.answers:
        if answer.weight is None or answer.weight >= 100:
            full.append(answer)
        else:
            notes.append((answer.line, f"partial credit for '{answer.text}' dropped"))
    return full


def distinct_answers(texts: list[str]) -> list[str]:
    """Accepted answers without those quizapp's grader already matches through an earlier one
    (same text once case, accents, punctuation and leading articles are folded): our exports
    add such folded forms for Moodle, and they come back here."""
    kept: dict[str, str] = {}
    for text in texts:
        if text and fold(text) not in kept:
            kept[fold(text)] = text
    return list(kept.values())


def _number(text: str) -> tuple[Decimal, Decimal] | None:
    """A numerical answer: ``value``, ``value:tolerance`` or ``min..max``."""
    try:
        if ".." in text:
            low, high = (Decimal(part.strip()) for part in text.split("..", 1))
            return (low + high) / 2, (high - low) / 2
        value, _, tolerance = text.partition(":")
        return Decimal(value.strip()), Decimal(tolerance.strip() or 0)
    except InvalidOperation:
        return None


def _with_accept(kind: str, prompt: str, texts: list[str]) -> Question:
    """A question of ``kind`` whose answer is the first text, the others accepted too."""
    question: Question = {"type": kind, "prompt": prompt, "answer": texts[0]}
    if texts[1:]:
        question["accept"] = texts[1:]
    return question


def _truefalse(gq: GiftQuestion, prompt: str, notes: Notes) -> Question | None:
    return {"type": "truefalse", "prompt": prompt, "answer": bool(gq.truth)}


def _numerical(gq: GiftQuestion, prompt: str, notes: Notes) -> Question | None:
    numbers = []
    for answer in _full(gq, notes):
        number = _number(answer.text)
        if number is None:
            notes.append((answer.line, f"'{answer.text}' is not a number: skipped"))
            return None
        numbers.append(number)
    if not numbers:
        notes.append((gq.line, "no fully right number: skipped"))
        return None
    years = [v for v, t in numbers if t == 0 and v == v.to_integral() and 0 < v < 10_000]
    if gq.meta.get("type") == "date" and len(years) == len(numbers):
        return _with_accept("date", prompt, [str(int(y)) for y in years])
    if len(numbers) > 1:
        others = ", ".join(number_text(v) for v, _ in numbers[1:])
        notes.append((gq.line, f"other right numbers ({others}) dropped: one answer only"))
    value, tolerance = numbers[0]
    question = {"type": "numeric", "prompt": prompt, "answer": number_text(value)}
    if tolerance:
        question["tolerance"] = number_text(tolerance)
    return question


def _dates(texts: list[str]) -> list[str] | None:
    """Distinct ISO dates when every text reads as an unambiguous date, else None."""
    parsed = [parse_date(text) for text in texts]
    if any(date is None or date.note for date in parsed):
        return None
    return distinct_answers([str(date) for date in parsed])


def _short(gq: GiftQuestion, prompt: str, notes: Notes) -> Question | None:
    texts = distinct_answers([a.text for a in _full(gq, notes)])
    if not texts:
        notes.append((gq.line, "no fully right answer: skipped"))
        return None
    dates = _dates(texts) if gq.meta.get("type") == "date" else None
    if dates:
        return _with_accept("date", prompt, dates)
    return _with_accept("short", prompt, texts)


def _multichoice(gq: GiftQuestion, prompt: str, notes: Notes) -> Question | None:
    choices = [a.text for a in gq.answers]
    marked = [a for a in gq.answers if a.mark == "="]
    if marked:
        if len(marked) > 1:
            notes.append((gq.line, "several '=' answers: the first one is the answer"))
        for a in gq.answers:
            if a.mark == "~" and (a.weight or 0) > 0:
                notes.append((a.line, f"partial credit for '{a.text}' dropped"))
        return {"type": "choice", "prompt": prompt, "choices": choices, "answer": marked[0].text}
    right = [a for a in gq.answers if (a.weight or 0) > 0]
    if not right:
        notes.append((gq.line, "no right answer (no '=' and no positive weight): skipped"))
        return None
    rights, wrongs = len(right), len(gq.answers) - len(right)
    share, cost = 100 / rights, 100 / max(wrongs, 1)
    wrong = [a for a in gq.answers if (a.weight or 0) <= 0]
    if any(abs(a.weight - share) > 0.01 for a in right if a.weight is not None) or any(
        abs((a.weight or 0) + cost) > 0.01 for a in wrong
    ):
        notes.append(
            (gq.line, f"answer weights changed: here each right choice earns {share:.4g}% and"
             f" each wrong one costs {cost:.4g}% (right share minus wrong share, at least 0)")
        )  # fmt: skip
    answers = [a.text for a in right]
    return {"type": "multi", "prompt": prompt, "choices": choices, "answers": answers}


def _match(gq: GiftQuestion, prompt: str, notes: Notes) -> Question | None:
    if any(a.right is None for a in gq.answers):
        notes.append((gq.line, "a matching answer lacks '->': skipped"))
        return None
    for a in gq.answers:
        if not a.text:
            notes.append((a.line, f"extra wrong match '{a.right}' dropped (no distractors here)"))
    pairs = [(a.text, a.right or "") for a in gq.answers if a.text]
    positions = [str(n) for n in range(1, len(pairs) + 1)]
    if sorted(right for _, right in pairs) == sorted(positions):
        items = [left for left, right in sorted(pairs, key=lambda p: int(p[1]))]
        return {"type": "order", "prompt": prompt, "items": items}
    return {"type": "match", "prompt": prompt, "pairs": [{left: r} for left, r in pairs]}


def _ordering(gq: GiftQuestion, prompt: str, notes: Notes) -> Question | None:
    items = [a.text for a in gq.answers]
    if len(items) < 2:
        notes.append((gq.line, "an ordering question needs two items: skipped"))
        return None
    options = gq.order_options or ordering.Options()
    notes += [(gq.line, note) for note in ordering.notes(options, len(items))]
    return {"type": "order", "prompt": prompt, "items": items}


def _cloze(gq: GiftQuestion, notes: Notes) -> Question | None:
    answers = distinct_answers([a.text for a in _full(gq, notes)])
    if not answers or any("|" in a or "{{" in a or "}}" in a for a in answers):
        notes.append((gq.line, "the blank's answers cannot be written as {{a|b}}: skipped"))
        return None
    prompt, cut, lead = gq.before.rpartition("\n\n")
    if not cut:
        prompt, lead = CLOZE_PROMPT, gq.before
    text = f"{lead}{{{{{'|'.join(answers)}}}}}{gq.after}".strip()
    return {"type": "cloze", "prompt": prompt.strip() or CLOZE_PROMPT, "text": text}


CONVERTERS: dict[str, Callable[[GiftQuestion, str, Notes], Question | None]] = {
    "truefalse": _truefalse,
    "numerical": _numerical,
    "shortanswer": _short,
    "multichoice": _multichoice,
    "match": _match,
    "ordering": _ordering,
}


def _is_html(fmt: str | None, text: str) -> bool:
    return fmt == "html" or (fmt in (None, "moodle") and looks_like_html(text))


def _from_html(gq: GiftQuestion, notes: Notes) -> None:
    """Moodle's HTML (prompt, feedback, answers) as our Markdown and plain text, in place."""
    fmt = gq.format
    for found in images(gq.text):
        notes.append((gq.line, f"image '{found}' dropped: the bank has no images"))
    if _is_html(fmt, gq.text):
        gq.text = to_markdown(gq.text)
        gq.before, gq.after = to_plain(gq.before), to_plain(gq.after)
        if gq.after:
            gq.after = " " + gq.after
        if gq.before:
            gq.before += " "
    if gq.feedback and _is_html(gq.feedback_format or fmt, gq.feedback):
        gq.feedback = to_markdown(gq.feedback)
    gq.answers = [
        replace(a, text=to_plain(a.text), right=to_plain(a.right) if a.right else a.right)
        if _is_html(a.format or fmt, a.text + (a.right or ""))
        else a
        for a in gq.answers
    ]


def convert(gq: GiftQuestion) -> tuple[Question | None, Notes]:
    """Our question (without id and common fields) for ``gq``, and what was lost."""
    notes: Notes = []
    _from_html(gq, notes)
    for answer in gq.answers:
        if answer.feedback:
            notes.append((answer.line, f"feedback on answer '{answer.text}' dropped"))
    missing_word = bool(gq.after.strip())
    if missing_word and gq.kind == "shortanswer":
        return _with_extras(gq, _cloze(gq, notes)), notes
    prompt = gq.text
    if missing_word:
        prompt = f"{gq.before.rstrip()} {BLANK} {gq.after.lstrip()}".strip()
    if not prompt:
        notes.append((gq.line, "no question text: skipped"))
        return None, notes
    if not gq.answers and gq.kind != "truefalse":
        notes.append((gq.line, "the answer block holds no answer: skipped"))
        return None, notes
    return _with_extras(gq, CONVERTERS[gq.kind](gq, prompt, notes)), notes


def _with_extras(gq: GiftQuestion, question: Question | None) -> Question | None:
    """Add the type fields our export kept in its comment (unit, shuffle, typos)."""
    if question is not None and gq.meta.get("type") == question["type"]:
        question.update({k: gq.meta[k] for k in EXTRAS if k in gq.meta})
    return question

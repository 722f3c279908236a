"""cloze: a sentence with one or more blanks to fill in.

YAML: ``text`` with each blank in double braces, ``{{answer}}`` or ``{{answer|alternative}}``
(at least one blank; the text is plain, not Markdown); optional ``typos`` as for ``short``.
Form: one text input per blank, named ``blank-0`` .. ``blank-<n-1>``.
Display: ``{"segments": [{"text": "..."}, {"blank": 0, "name": "blank-0", "size": 12}, ...],
"names": ["blank-0", ...]}`` — ``size`` is the longest accepted answer's length.
Grading: partial credit = the share of blanks filled right, each blank matched like a
``short`` answer (``grading.match_text``); words the student repeats from the text around
the blank are left out ("Microsoft Azure" in ``Microsoft {{Azure}}``). A blank never accepts,
through typo tolerance, a text closer to another blank's answer. Correct only when every
blank is right.
"""

from __future__ import annotations

import random
import re
from typing import Any

from quizapp.bank.schema import Context, Field, Invalid, text
from quizapp.bank.spec import BankError, QuestionSpec
from quizapp.bank.yamlload import Pos, YamlMap
from quizapp.grading import fold, match_text
from quizapp.grading.text import TextMatch

from . import register
from .base import FormData, Grade, Part, QuestionType, as_texts, form_value
from .short import TYPOS, lenient_note

BLANK = re.compile(r"\{\{(.*?)\}\}", re.DOTALL)
CLOZE_EXAMPLE = "Mistral AI is based in {{Paris}}"


def split_cloze(written: str) -> tuple[tuple[str | int, ...], tuple[tuple[str, ...], ...]]:
    """Split cloze text into segments (text, or a blank's index) and each blank's answers."""
    segments: list[str | int] = []
    blanks: list[tuple[str, ...]] = []
    position = 0
    for found in BLANK.finditer(written):
        segments.append(written[position : found.start()])
        if "{{" in found[1]:  # '{{Paris ... {{Lyon}}': the first blank runs on into the next
            raise Invalid(
                f"the blank opened at character {found.start() + 1} of the text is not closed"
                " before the next '{{' — close each blank with '}}', e.g. "
                f"'{CLOZE_EXAMPLE}'"
            )
        answers = tuple(a.strip() for a in found[1].split("|"))
        if not all(answers):
            raise Invalid(f"the blank '{found[0]}' has an empty answer — fill it in")
        segments.append(len(blanks))
        blanks.append(answers)
        position = found.end()
    segments.append(written[position:])
    rest = "".join(s for s in segments if isinstance(s, str))
    if "{{" in rest:
        raise Invalid(
            f"the blank opened at character {written.rindex('{{') + 1} of the text is not "
            f"closed — write each blank as {{{{answer}}}}, e.g. '{CLOZE_EXAMPLE}'"
        )
    if "}}" in rest:
        stray = next(s for s in segments if isinstance(s, str) and "}}" in s)
        at = written.index(stray) + stray.index("}}") + 1
        raise Invalid(
            f"'}}}}' at character {at} of the text closes no blank — open each blank with "
            f"'{{{{', e.g. '{CLOZE_EXAMPLE}'"
        )
    if not blanks:
        raise Invalid(
            f"the text has no blanks — mark each blank with double braces, e.g. '{CLOZE_EXAMPLE}'"
        )
    return tuple(s for s in segments if s != ""), tuple(blanks)


def around(segments: tuple[str | int, ...], blank: int) -> tuple[str, str]:
    """The text just before and just after blank ``blank`` (up to the neighbouring blanks)."""
    at = segments.index(blank)
    before = segments[at - 1] if at > 0 else ""
    after = segments[at + 1] if at + 1 < len(segments) else ""
    return (before if isinstance(before, str) else "", after if isinstance(after, str) else "")


def _cloze_text(value: Any, pos: Pos, name: str) -> str:
    written = text(value, pos, name)
    split_cloze(written)
    return written


def _names(spec: QuestionSpec) -> list[str]:
    return [f"blank-{i}" for i in range(len(spec.fields["blanks"]))]


@register
class Cloze(QuestionType):
    """Blanks in a sentence; partial credit by blank."""

    name = "cloze"
    form_fields = "blank-0 .. blank-<n-1>"
    fields = (Field("text", _cloze_text, CLOZE_EXAMPLE), TYPOS)

    def check(self, fields: dict[str, Any], raw: YamlMap, ctx: Context) -> list[BankError]:
        fields["segments"], fields["blanks"] = split_cloze(fields["text"])
        return []

    def display(self, spec: QuestionSpec, rng: random.Random) -> dict[str, Any]:
        segments: list[dict[str, Any]] = []
        for segment in spec.fields["segments"]:
            if isinstance(segment, str):
                segments.append({"text": segment})
            else:
                size = max(len(a) for a in spec.fields["blanks"][segment])
                segments.append({"blank": segment, "name": f"blank-{segment}", "size": size})
        return {"segments": segments, "names": _names(spec)}

    def parse_form(
        self, form: FormData, spec: QuestionSpec, display: dict[str, Any] | None = None
    ) -> list[str]:
        return [form_value(form, name).strip() for name in _names(spec)]

    def is_empty(self, answer: Any) -> bool:
        return not any(t.strip() for t in as_texts(answer))

    @staticmethod
    def _matches(spec: QuestionSpec, answer: Any) -> list[tuple[str, TextMatch]]:
        """Each blank's given text and how it matched its accepted answers."""
        blanks: tuple[tuple[str, ...], ...] = spec.fields["blanks"]
        given = (as_texts(answer) + [""] * len(blanks))[: len(blanks)]
        found = []
        for index, answers in enumerate(blanks):
            mine = {fold(a) for a in answers}
            others = [
                a for j, b in enumerate(blanks) if j != index for a in b if fold(a) not in mine
            ]
            match = match_text(
                given[index],
                answers,
                typos=spec.fields["typos"],
                forbidden=others,
                context=around(spec.fields["segments"], index),
            )
            found.append((given[index], match))
        return found

    def grade(self, spec: QuestionSpec, answer: Any, parsed: Any = None) -> Grade:
        matches = self._matches(spec, answer)
        right, notes = 0, []
        for index, (_, found) in enumerate(matches):
            if found.ok:
                right += 1
                if not found.exact:
                    notes.append(f"blank {index + 1}: {lenient_note(found)}")
        seen = " | ".join(found.normalised for _, found in matches)
        return Grade.share(right, len(matches), seen, "; ".join(notes) or None)

    def parts(self, spec: QuestionSpec, answer: Any) -> list[Part]:
        """Each blank: the text given, the first accepted answer, and whether it was accepted."""
        return [
            Part(f"Blank {index + 1}", given.strip(), answers[0], found.ok)
            for index, ((given, found), answers) in enumerate(
                zip(self._matches(spec, answer), spec.fields["blanks"], strict=True)
            )
        ]

    def _fill(self, spec: QuestionSpec, words: list[str]) -> str:
        return "".join(
            s if isinstance(s, str) else f"[{words[s]}]" for s in spec.fields["segments"]
        )

    def answer_text(self, spec: QuestionSpec) -> str:
        return self._fill(spec, [answers[0] for answers in spec.fields["blanks"]])

    def answer_display(self, spec: QuestionSpec, answer: Any) -> str:
        count = len(spec.fields["blanks"])
        return self._fill(spec, (as_texts(answer) + [""] * count)[:count])

"""Build a question spec, or its errors, from a few lines of YAML (the type's own fields)."""

from __future__ import annotations

import textwrap

from quizapp.bank.spec import BankError, QuestionSpec, Source
from quizapp.bank.topics import Ids, validate_question
from quizapp.bank.yamlload import parse_yaml

SOURCES = {"harmony": Source("harmony", "T", None, None, "2024-02-27", "seed.txt", "s.yaml", 2)}
HEADER = "id: q1\ntype: {type}\nprompt: P\nexplanation: E\nsources: [harmony]\n"


def _validate(type_name: str, fields: str) -> tuple[QuestionSpec | None, list[BankError]]:
    text = HEADER.format(type=type_name) + textwrap.dedent(fields)
    raw = parse_yaml(text, "t.yaml")
    return validate_question(raw, raw.pos, file="t.yaml", topic="t", sources=SOURCES, ids=Ids())


def make_spec(type_name: str, fields: str) -> QuestionSpec:
    """A valid spec of ``type_name`` with the given type fields (YAML)."""
    spec, errors = _validate(type_name, fields)
    assert spec is not None, [str(e) for e in errors]
    return spec


def errors_of(type_name: str, fields: str) -> list[str]:
    """The errors for a question of ``type_name`` with these fields; lines start at 6."""
    return [str(e) for e in _validate(type_name, fields)[1]]

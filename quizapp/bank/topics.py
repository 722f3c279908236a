"""One topic file: its title and its questions, each checked against the common and type fields.

A topic file is ``topic: <title>`` and a ``questions:`` list. Every question has the common
fields below plus its type's own (see ``quizapp.qtypes``); ``Ids`` remembers where each id
was first seen, so a duplicate names both places.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any

from quizapp.qtypes import REGISTRY

from .schema import (
    Context,
    Field,
    Invalid,
    describe,
    did_you_mean,
    misspellings,
    one_of,
    parse_fields,
    slug,
    text,
    text_list,
    unknown_keys,
)
from .spec import BankError, Evidence, QuestionSpec, Source, Topic, content_version
from .yamlload import Pos, YamlError, YamlList, YamlMap, load_yaml, to_plain

EVIDENCE = re.compile(r"([a-z0-9][a-z0-9-]*)\s+([0-9]{1,7})\s*-\s*([0-9]{1,7})")
EVIDENCE_EXAMPLE = "[ai-harmony 1021-1187]"


def _evidence(value: Any, pos: Pos, name: str) -> tuple[Evidence, ...]:
    """``evidence``: a list of locators ``SOURCE START-END`` (character offsets in the article)."""
    found = []
    for item in text_list(1)(value, pos, name):
        match = EVIDENCE.fullmatch(item)
        if match is None:
            raise Invalid(
                f"cannot read '{item}' as evidence — write the source id and the passage's"
                f" character offsets in the article file, e.g. {EVIDENCE_EXAMPLE}"
                " (`flask bank locate` finds them)"
            )
        source, start, end = match.group(1), int(match.group(2)), int(match.group(3))
        if start >= end:
            raise Invalid(f"evidence '{item}' ends before it starts — write START-END, START < END")
        found.append(Evidence(source, start, end))
    return tuple(found)


ID_RULE = "2 to 80 lowercase letters, digits and dashes, starting with a letter or digit"
COMMON_FIELDS = (
    Field("id", slug(r"[a-z0-9][a-z0-9-]{1,79}", ID_RULE), "mensch-former-lab"),
    Field("type", text, "choice"),
    Field("prompt", text, "Where did Arthur Mensch work before Mistral AI?"),
    Field("explanation", text, "Why the answer is right, in a sentence or two."),
    Field("sources", text_list(1), "[ai-harmony]"),
    Field("tags", text_list(0), "[founders]", required=False, default=()),
    Field("hint", text, "Think of Google's AI lab.", required=False),
    Field("difficulty", one_of("easy", "medium", "hard"), "easy", required=False),
    Field("status", one_of("draft", "live"), "draft", required=False, default="live"),
    Field("evidence", _evidence, EVIDENCE_EXAMPLE, required=False, default=()),
)
COMMON_NAMES = tuple(f.name for f in COMMON_FIELDS)
TOPIC_TITLE = Field("topic", text, "Founders and people")
TOPIC_KEYS = ("topic", "questions")
UNVERSIONED = ("id", "status", "evidence")
"""Keys left out of a question's content and version: its name, whether it is served, and
where its evidence is (none of them changes the question students answer)."""
PLACEHOLDER_SOURCE = "todo-set-source"
"""A source id that imports may put on *drafts* until a teacher names the real article."""


@dataclass
class Ids:
    """Where each question id was first seen: id -> (file, position)."""

    seen: dict[str, tuple[str, Pos]] = field(default_factory=dict)

    def claim(self, question_id: str, file: str, pos: Pos, ctx: Context) -> list[BankError]:
        """Record ``question_id``; an error naming the first place if it is taken."""
        if question_id not in self.seen:
            self.seen[question_id] = (file, pos)
            return []
        first_file, (line, column) = self.seen[question_id]
        message = (
            f"duplicate id '{question_id}' — already used at {first_file}:{line}:{column}; "
            "give this question a new id (ids are never reused)"
        )
        return [ctx.error(pos, message)]


def _unknown_type(name: str, pos: Pos, ctx: Context) -> BankError:
    guess = did_you_mean(name.lower(), REGISTRY, cutoff=0.6)
    fix = f"did you mean '{guess}'?" if guess else "use one of: " + ", ".join(sorted(REGISTRY))
    return ctx.error(pos, f"unknown type '{name}' — {fix}")


def _unknown_sources(
    cited: tuple[str, ...],
    raw: YamlMap,
    sources: Mapping[str, Source],
    ctx: Context,
    draft: bool,
) -> list[BankError]:
    errors = []
    for source_id, pos in zip(cited, raw["sources"].item_pos, strict=True):
        if source_id == PLACEHOLDER_SOURCE:
            if not draft:
                message = (
                    f"source '{PLACEHOLDER_SOURCE}' is a placeholder — replace it with the id of"
                    " the article in sources.yaml before serving the question"
                )
                errors.append(ctx.error(pos, message))
        elif source_id not in sources:
            guess = did_you_mean(source_id, sources, cutoff=0.6)
            fix = f"did you mean '{guess}'?" if guess else "add it to sources.yaml or fix the id"
            errors.append(ctx.error(pos, f"unknown source '{source_id}' — {fix}"))
    return errors


def _uncited_evidence(
    evidence: tuple[Evidence, ...], cited: tuple[str, ...], raw: YamlMap, ctx: Context
) -> list[BankError]:
    """Evidence must point into an article the question cites."""
    return [
        ctx.error(
            raw.where("evidence"),
            f"evidence '{found}' points into '{found.source}', which the question does not"
            f" cite — add '{found.source}' to its sources or fix the evidence",
        )
        for found in evidence
        if found.source not in cited
    ]


def validate_question(
    raw: Any,
    pos: Pos,
    *,
    file: str,
    topic: str,
    sources: Mapping[str, Source] | None,
    ids: Ids,
) -> tuple[QuestionSpec | None, list[BankError]]:
    """Check one question of ``file``: (its spec when it has no errors, the errors)."""
    if not isinstance(raw, YamlMap):
        message = "each question must be 'name: value' lines starting with '- id: ...'"
        return None, [Context(file).error(pos, message)]
    raw_id, raw_type = raw.get("id"), raw.get("type")
    qtype = REGISTRY.get(raw_type) if isinstance(raw_type, str) else None
    type_names = (
        [f.name for f in qtype.fields]
        if qtype
        else [f.name for t in REGISTRY.values() for f in t.fields]
    )
    allowed = list(dict.fromkeys([*COMMON_NAMES, *type_names]))
    question_id = raw_id.strip() if isinstance(raw_id, str) else None
    ctx = Context(file, question_id, misspellings(raw, allowed))
    errors = unknown_keys(raw, allowed, ctx)
    common, common_errors = parse_fields(COMMON_FIELDS, raw, ctx)
    errors += common_errors
    fields: dict[str, Any] = {}
    if qtype is not None:
        fields, type_errors = qtype.validate(raw, ctx)
        errors += type_errors
    elif "type" in common:
        errors.append(_unknown_type(common["type"], raw.where("type"), ctx))
    if "sources" in common and sources is not None:
        draft = common.get("status") == "draft"
        errors += _unknown_sources(common["sources"], raw, sources, ctx, draft)
    if common.get("evidence") and "sources" in common:
        errors += _uncited_evidence(common["evidence"], common["sources"], raw, ctx)
    if "id" in common:
        errors += ids.claim(common["id"], file, raw.where("id"), ctx)
    if errors:
        return None, errors
    content = {k: v for k, v in to_plain(raw).items() if k not in UNVERSIONED}
    spec = QuestionSpec(
        topic=topic,
        fields=MappingProxyType(fields),
        file=file,
        line=pos.line,
        version=content_version(content),
        content=MappingProxyType(content),
        **{name: common[name] for name in COMMON_NAMES},
    )
    return spec, []


def _no_questions(data: YamlMap) -> str:
    if "questions" not in data:
        return "missing field 'questions' — add 'questions:' followed by '  - id: ...' lines"
    if not data["questions"]:
        return "'questions' is empty — add at least one question under it: '  - id: ...'"
    return (
        f"'questions' must be a list, not {describe(data['questions'])} — "
        "write each question as '  - id: ...' lines under it"
    )


def validate_topic(
    path: Path,
    file: str,
    *,
    sources: Mapping[str, Source] | None,
    ids: Ids,
) -> tuple[Topic | None, list[BankError]]:
    """Check one topic file: (the topic with all its questions, drafts included; errors)."""
    try:
        data = load_yaml(path, file)
    except YamlError as exc:
        return None, [exc.error]
    ctx = Context(file)
    if not isinstance(data, YamlMap):
        pos = data.pos if isinstance(data, YamlList) else None
        message = "a topic file starts with 'topic: <title>', then a 'questions:' list"
        return None, [ctx.error(pos, message)]
    errors = unknown_keys(data, TOPIC_KEYS, ctx)
    header, header_errors = parse_fields([TOPIC_TITLE], data, ctx)
    errors += header_errors
    questions = data.get("questions")
    if not isinstance(questions, YamlList) or not questions:
        errors.append(ctx.error(data.where("questions"), _no_questions(data)))
        questions = YamlList(data.pos)
    specs = []
    for raw, pos in zip(questions, questions.item_pos, strict=True):
        spec, question_errors = validate_question(
            raw, pos, file=file, topic=path.stem, sources=sources, ids=ids
        )
        errors += question_errors
        if spec is not None:
            specs.append(spec)
    if errors:
        return None, errors
    return Topic(path.stem, header["topic"], file, tuple(specs)), []

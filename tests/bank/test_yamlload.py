"""The bank's YAML dialect: positions, text scalars, and what is refused."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
import yaml

from quizapp.bank import yamlload
from quizapp.bank.yamlload import (
    MAX_FILE_BYTES,
    Pos,
    YamlError,
    YamlList,
    YamlMap,
    load_yaml,
    parse_yaml,
    to_plain,
)

DATA = Path(__file__).resolve().parent.parent / "data" / "bank"


def error_of(text: str) -> str:
    with pytest.raises(YamlError) as caught:
        parse_yaml(text, "t.yaml")
    return str(caught.value.error)


def test_positions_of_keys_values_and_items_are_one_based() -> None:
    data = parse_yaml("topic: T\nquestions:\n  - id: a\n    choices: [x, y]\n", "t.yaml")
    assert isinstance(data, YamlMap)
    assert data.pos == Pos(1, 1)
    assert data.key_pos["questions"] == Pos(2, 1)
    question = data["questions"][0]
    assert data["questions"].item_pos == [Pos(3, 5)]
    assert question.key_pos["choices"] == Pos(4, 5)
    assert question.value_pos["choices"] == Pos(4, 14)
    assert question["choices"].item_pos == [Pos(4, 15), Pos(4, 18)]
    assert question.where("choices") == Pos(4, 14)
    assert question.where("missing") == question.pos == Pos(3, 5)


def test_empty_value_points_at_its_key() -> None:
    data = parse_yaml("a: 1\nprompt:\n", "t.yaml")
    assert data["prompt"] is None
    assert data.where("prompt") == Pos(2, 1)


@pytest.mark.parametrize(
    ("written", "value"),
    [
        ("2024-02-26", "2024-02-26"),
        ("2024-02-26 10:00:00", "2024-02-26 10:00:00"),
        ("15000000", "15000000"),
        ("1.50", "1.50"),
        ("0x1F", "0x1F"),
        (".inf", ".inf"),
        ("yes", "yes"),
        ("No", "No"),
        ("on", "on"),
        ("true", True),
        ("False", False),
        ("TRUE", True),
        ('"true"', "true"),
        ("null", None),
        ("~", None),
        ("", None),
        ("!!int 3", "3"),
        ("!!timestamp 2024-02-26", "2024-02-26"),
        ("'2024-02-26'", "2024-02-26"),
    ],
)
def test_scalars_are_text_except_true_false_and_null(written: str, value: object) -> None:
    assert parse_yaml(f"v: {written}\n", "t.yaml")["v"] == value


def test_to_plain_drops_positions() -> None:
    data = parse_yaml("a: [1, {b: c}]\n", "t.yaml")
    plain = to_plain(data)
    assert plain == {"a": ["1", {"b": "c"}]}
    assert type(plain) is dict and type(plain["a"]) is list
    assert isinstance(data["a"], YamlList)


def test_an_empty_document_is_none() -> None:
    assert parse_yaml("# nothing\n", "t.yaml") is None


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "a: &x 1\nb: 2\n",
            "t.yaml:1:4: YAML anchors and aliases are not allowed (&x) — write the value out in"
            " full, or put text starting with '&' or '*' in quotes",
        ),
        (
            "prompt: *Mistral* is French\n",
            "t.yaml:1:9: YAML syntax error: while scanning an alias: did not find expected"
            " alphabetic or numeric character — '*' or '&' at the start of a value starts a YAML"
            " alias: quote the value",
        ),
        (
            "prompt: *Mistral is French\n",
            "t.yaml:1:9: YAML anchors and aliases are not allowed (*Mistral) — write the value out"
            " in full, or put text starting with '&' or '*' in quotes",
        ),
        (
            "a: 1\na: 2\n",
            "t.yaml:2:1: duplicate key 'a' (first at line 1, column 1) — keep only one of them",
        ),
        (
            "a: !!binary aGk=\n",
            "t.yaml:1:4: YAML tag '!!binary' is not supported — remove it or put"
            " the value in quotes",
        ),
        (
            "a: !!python/tuple [1, 2]\n",
            "t.yaml:1:4: YAML tag '!!python/tuple' is not supported — remove it or put"
            " the value in quotes",
        ),
        (
            "a: !!python/object:os.system {x: 1}\n",
            "t.yaml:1:4: YAML tag '!!python/object:os.system' is not supported — remove it or"
            " put the value in quotes",
        ),
        (
            "a:\n  - !custom\n    b: 1\n",
            "t.yaml:2:5: YAML tag '!custom' is not supported — remove it or put the value in"
            " quotes",
        ),
        (
            "a: b\nc: d\x00e\n",
            "t.yaml:2:5: control character U+0000 is not allowed — delete it (it may come from"
            " pasting binary or formatted text)",
        ),
        (
            "a: b\nc: \x1bd\n",
            "t.yaml:2:4: control character U+001B is not allowed — delete it (it may come from"
            " pasting binary or formatted text)",
        ),
        (
            'q:\n  - id: a\n    prompt: "What is\n    answer: x\n  - id: b\n'
            '    prompt: "Who"\n    answer: y\n',
            't.yaml:3:13: the quote " opened here is never closed on this line — end the value'
            ' with " (a quote inside it: write \\")',
        ),
        (
            "a: 'it''s open\nb: c\n",
            "t.yaml:1:4: the quote ' opened here is never closed on this line — end the value"
            " with ' (a quote inside it: write it twice, '')",
        ),
        (
            'a: "one\n  two"\nb: c\n d: e\n',
            "t.yaml:4:3: YAML syntax error: mapping values are not allowed in this context — if a"
            " value contains ': ', put the whole value in quotes",
        ),
        (
            "? [a, b]\n: c\n",
            "t.yaml:1:3: a key must be plain text — write 'name: value' (quote keys like 'true')",
        ),
        (
            "a: [1, 2\nb: 3\n",
            "t.yaml:2:2: YAML syntax error: did not find expected ',' or ']' — check the"
            " indentation and the quoting around here",
        ),
        (
            "a: b: c\n",
            "t.yaml:1:5: YAML syntax error: mapping values are not allowed in this context — if a"
            " value contains ': ', put the whole value in quotes",
        ),
        (
            "a: 1\n---\nb: 2\n",
            "t.yaml:2:1: YAML syntax error: expected a single document in the stream, but found"
            " another document — a file holds one document: remove the extra '---'",
        ),
    ],
)
def test_refused_yaml_names_the_place_and_the_fix(text: str, message: str) -> None:
    assert error_of(text) == message


def test_deep_nesting_is_refused() -> None:
    assert "nested more than 32 levels deep" in error_of("a: " + "[" * 40 + "]" * 40 + "\n")
    assert "YAML syntax error" in error_of("a: " + "[" * 5000 + "]" * 5000 + "\n")


def test_alias_bomb_is_refused_at_once() -> None:
    started = time.perf_counter()
    with pytest.raises(YamlError) as caught:
        load_yaml(DATA / "broken" / "alias-bomb" / "topic.yaml", "bomb.yaml")
    assert time.perf_counter() - started < 1
    assert str(caught.value.error).startswith("bomb.yaml:2:4: YAML anchors and aliases")


def test_file_size_is_capped(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    path.write_text("topic: Big\n# " + "x" * MAX_FILE_BYTES + "\n")
    with pytest.raises(YamlError) as caught:
        load_yaml(path, "questions/big.yaml")
    assert str(caught.value.error) == (
        "questions/big.yaml: file is larger than 1024 KiB — split it into several topic files"
    )


def test_a_file_just_under_the_cap_loads(tmp_path: Path) -> None:
    path = tmp_path / "ok.yaml"
    path.write_text("topic: Ok\n# " + "x" * (MAX_FILE_BYTES - 20) + "\n")
    assert load_yaml(path)["topic"] == "Ok"


def test_invalid_utf8_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "latin1.yaml"
    path.write_bytes("topic: T\nprompt: caf\xe9\n".encode("latin-1"))
    with pytest.raises(YamlError) as caught:
        load_yaml(path, "q/latin1.yaml")
    assert str(caught.value.error) == "q/latin1.yaml:2: file is not valid UTF-8 — save it as UTF-8"


def test_a_byte_order_mark_is_fine(tmp_path: Path) -> None:
    path = tmp_path / "bom.yaml"
    path.write_bytes(b"\xef\xbb\xbftopic: T\n")
    assert load_yaml(path) == {"topic": "T"}


def test_a_missing_file_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(YamlError) as caught:
        load_yaml(tmp_path / "nope.yaml", "q/nope.yaml")
    assert str(caught.value.error).startswith("q/nope.yaml: cannot read the file")


def test_the_pure_python_loader_reads_the_same_dialect(monkeypatch: pytest.MonkeyPatch) -> None:
    loader = yamlload._resolver_class(yaml.SafeLoader)
    monkeypatch.setattr(yamlload, "_Loader", loader)
    data = parse_yaml("d: 2024-02-26\nb: true\nl:\n  - x\n", "t.yaml")
    assert data == {"d": "2024-02-26", "b": True, "l": ["x"]}
    assert data["l"].item_pos == [Pos(4, 5)]
    assert error_of("a: &x 1\n").startswith("t.yaml:1:4: YAML anchors and aliases")
    assert error_of("a: b: c\n").startswith("t.yaml:1:5: YAML syntax error: mapping values")
    assert error_of("a:\n\t- b\n").endswith("— indent with spaces, not tabs")

"""Adding an answer to a question's accept list or partly scores in YAML text, and back."""

import pytest

from quizapp.bank.accepting import NotEditable, add_accepted, remove_accepted

FLOW = """topic: People
questions:
  - id: lample-model
    type: short
    prompt: Which model?
    answer: LLaMA
    accept: [Meta LLaMA]   # the lab's name too
    explanation: He led LLaMA.
    sources: [harmony]

  - id: other
    type: short
    prompt: Who?
    answer: Brad Smith
    explanation: He did.
    sources: [harmony]
"""
BLOCK = FLOW.replace(
    "    accept: [Meta LLaMA]   # the lab's name too\n", "    accept:\n      - Meta LLaMA\n"
)


def test_an_answer_joins_a_flow_list() -> None:
    edited = add_accepted(FLOW, "lample-model", "LLaMA 1")
    assert '    accept: [Meta LLaMA, "LLaMA 1"]   # the lab\'s name too\n' in edited
    assert remove_accepted(edited, "lample-model", "LLaMA 1") == FLOW


def test_a_block_list_gets_a_line() -> None:
    edited = add_accepted(BLOCK, "lample-model", 'Llama "one"')
    assert '      - Meta LLaMA\n      - "Llama \\"one\\""\n' in edited
    assert remove_accepted(edited, "lample-model", 'Llama "one"') == BLOCK


def test_a_question_without_accept_gets_one_after_its_answer() -> None:
    edited = add_accepted(FLOW, "other", "B. Smith")
    assert '    answer: Brad Smith\n    accept: ["B. Smith"]\n' in edited
    assert remove_accepted(edited, "other", "B. Smith") == FLOW


def test_partly_scores() -> None:
    edited = add_accepted(FLOW, "other", "Smith", 0.5)
    assert '    answer: Brad Smith\n    partly: {"Smith": 0.5}\n' in edited
    again = add_accepted(edited, "other", "Brad", 0.25)
    assert '    partly: {"Smith": 0.5, "Brad": 0.25}\n' in again
    assert (
        remove_accepted(remove_accepted(again, "other", "Brad", 0.25), "other", "Smith", 0.5)
        == FLOW
    )


def test_an_unknown_question_is_not_edited() -> None:
    with pytest.raises(NotEditable):
        add_accepted(FLOW, "nope", "x")
    assert remove_accepted(FLOW, "nope", "x") == FLOW

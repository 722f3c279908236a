"""``tests/support/pages.py``: the simulated students read forms and fill them in."""

from __future__ import annotations

from tests.support.pages import TEXT_ANSWER, answer_fields, hidden, parse_form

PAGE = """
<form method="post" class="inline"><input type="hidden" name="csrf_token" value="other"></form>
<form method="post" class="answer-form qtype-order">
  <input type="hidden" name="csrf_token" value="tok">
  <input type="radio" name="pick" value="x"><input type="radio" name="pick" value="y">
  <select name="order-0"><option value="">— choose —</option><option value="A">A</option>
    <option value="B">B</option><option value="C">C</option></select>
  <select name="order-1"><option value="">— choose —</option><option value="A">A</option>
    <option value="B">B</option><option value="C">C</option></select>
  <select name="order-2"><option value="">— choose —</option><option value="A">A</option>
    <option value="B">B</option><option value="C">C</option></select>
  <input type="text" name="answer"><button type="submit">Check</button>
</form>
"""


def test_the_named_form_is_read_and_filled_in() -> None:
    form = parse_form(PAGE, "answer-form")
    assert hidden(form, "csrf_token") == "tok" and form.selects == ["order-0", "order-1", "order-2"]
    fields = dict(answer_fields(form))
    assert fields["pick"] == "x" and fields["answer"] == TEXT_ANSWER
    assert [fields[f"order-{i}"] for i in range(3)] == ["A", "B", "C"]  # each item once

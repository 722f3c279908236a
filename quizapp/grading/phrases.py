"""Words a student adds around an answer that a teacher would not count against it.

Both functions work on folded text (``text.fold``) and return the shorter reading, or None
when there is nothing to leave out; the matcher tries the answer as typed first.

* ``without_context``: words repeated from the sentence around a cloze blank ("Microsoft
  Azure" typed into ``Microsoft {{Azure}}``; "decisions" after ``the {{strategic}}
  decisions``) — they are the question's words, not the student's answer.
* ``without_head_noun``: a generic head noun after the answer ("LLaMA model", "Bloomberg
  news agency", "Le Chat chatbot") says what kind of thing the answer is, not which one: it
  is accepted, with a note naming the noun.
"""

from __future__ import annotations

GENERIC_HEADS = tuple(
    sorted(
        (
            tuple(phrase.split())
            for phrase in (
                "model", "models", "language model", "large language model", "ai model",
                "llm", "chatbot", "chat bot", "bot", "assistant", "app", "application",
                "company", "firm", "startup", "start up", "business", "group",
                "organisation", "organization", "agency", "news agency", "newspaper",
                "outlet", "media", "platform", "product", "service", "tool", "software",
                "system",
            )
        ),
        key=len,
        reverse=True,
    )
)  # fmt: skip
"""Generic nouns (folded words) that may follow an answer without changing it, longest first."""


def without_context(given: str, before: str, after: str) -> str | None:
    """``given`` without its longest opening that ends ``before`` and its longest ending that
    starts ``after`` (the text around the blank); None when nothing or everything would go."""
    words, left, right = given.split(), before.split(), after.split()
    start = max(
        (k for k in range(1, min(len(left), len(words)) + 1) if words[:k] == left[-k:]),
        default=0,
    )
    end = max(
        (
            k
            for k in range(1, min(len(right), len(words) - start) + 1)
            if words[len(words) - k :] == right[:k]
        ),
        default=0,
    )
    kept = words[start : len(words) - end]
    return " ".join(kept) if kept and (start or end) else None


def without_head_noun(given: str) -> tuple[str, str] | None:
    """``given`` without a generic head noun at its end, and that noun; None when there is none
    (or nothing else)."""
    words = given.split()
    for head in GENERIC_HEADS:
        if len(words) > len(head) and tuple(words[-len(head) :]) == head:
            return " ".join(words[: -len(head)]), " ".join(head)
    return None

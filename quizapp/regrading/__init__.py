"""Teacher regrading: a common wrong answer accepted (or partly) for every student at once.

As Gradescope regrades an answer group, a teacher marks one answer from a question's
statistics page: it goes into the question's YAML (``operations.accept_answer``), every past
attempt with that answer is regraded, and the students' cards are corrected as far as the
scheduler allows (``cards``). ``operations.undo`` takes it back. docs/statistics.md.
"""

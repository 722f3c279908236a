"""The exam simulation's machinery: a short run gives every figure, in range."""

from __future__ import annotations

from pathlib import Path

from bench.learningkit.exam import exam_report
from bench.learningkit.memory import FsrsMemory, HlrMemory


def test_a_short_exam_run_gives_every_figure(tmp_path: Path) -> None:
    rows = exam_report(1, 6, seed=7, folder=tmp_path)
    assert {f.model for f in rows} == {FsrsMemory.name, HlrMemory.name}
    for figure in rows:
        assert figure.value is not None, figure
        if figure.percent and "gain" not in figure.name:
            assert 0.0 <= figure.value <= 1.0, figure
        if "minutes" in figure.name:
            assert figure.value > 0.0, figure
    verdicts = [f for f in rows if f.goal]
    assert len(verdicts) == 2 and all(f.passed is not None for f in verdicts)

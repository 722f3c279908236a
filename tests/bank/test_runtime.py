"""Hot reload: edits are picked up, a broken edit keeps the last good bank serving."""

from __future__ import annotations

import threading
from pathlib import Path

from quizapp.bank.runtime import BankRuntime


class FakeClock:
    def __init__(self) -> None:
        self.t = 0.0

    def __call__(self) -> float:
        return self.t


def bump(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))


def test_reload_picks_up_a_change_only_after_the_interval(bank_dir: Path) -> None:
    clock = FakeClock()
    loads = []
    rt = BankRuntime(bank_dir, interval=3.0, on_load=loads.append, clock=clock)
    first = rt.bank
    assert len(first) >= 60 and len(loads) == 1
    spec = next(iter(first.questions.values()))
    bump(bank_dir / Path(spec.file).name, f"id: {spec.id}\n", f"id: {spec.id}-renamed\n")
    clock.t = 1.0
    assert rt.bank is first  # not yet time to look
    clock.t = 3.5
    second = rt.bank
    assert second is not first
    assert f"{spec.id}-renamed" in second and spec.id not in second
    assert len(loads) == 2
    clock.t = 10.0
    assert rt.bank is second  # nothing changed: no reload


def test_broken_edit_keeps_serving_the_last_good_bank(bank_dir: Path) -> None:
    clock = FakeClock()
    rt = BankRuntime(bank_dir, interval=1.0, clock=clock)
    good = rt.bank
    spec = next(iter(good.questions.values()))
    path = bank_dir / Path(spec.file).name
    original = path.read_text()
    path.write_text(original + "\n  - id: [unclosed\n")
    clock.t = 2.0
    assert rt.bank is good
    assert rt.status.errors, "the broken edit is reported"
    assert f"questions/{path.name}:" in str(rt.status.errors[0])
    path.write_text(original + "\n# fixed\n")
    clock.t = 4.0
    fixed = rt.bank
    assert fixed is not good
    assert rt.status.errors == []


def test_a_failing_sync_is_retried(bank_dir: Path) -> None:
    clock = FakeClock()
    calls = []

    def flaky(bank) -> None:
        calls.append(bank)
        if len(calls) == 1:
            raise RuntimeError("database is away")

    rt = BankRuntime(bank_dir, interval=1.0, on_load=flaky, clock=clock)
    assert len(rt.bank) == 0  # first load could not be synced: nothing served yet
    clock.t = 2.0
    assert len(rt.bank) >= 60
    assert len(calls) == 2


def test_requests_during_the_first_load_wait_for_it(bank_dir: Path) -> None:
    """A worker's threads that start together all see the bank, never the empty one."""
    loading, release = threading.Event(), threading.Event()

    def slow_sync(bank) -> None:
        loading.set()
        release.wait(5)

    rt = BankRuntime(bank_dir, interval=60.0, on_load=slow_sync)
    first = threading.Thread(target=lambda: rt.bank)
    first.start()
    assert loading.wait(5)
    seen = []
    second = threading.Thread(target=lambda: seen.append(len(rt.bank)))
    second.start()
    second.join(0.2)
    assert second.is_alive()  # waiting for the load, not serving an empty bank
    release.set()
    first.join(5)
    second.join(5)
    assert seen and seen[0] >= 60

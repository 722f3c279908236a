"""The bank a running app serves, reloaded when the YAML files change (hot reload).

Each worker process holds its own :class:`BankRuntime`. At most every
``BANK_RELOAD_SECONDS`` a request looks at the files' sizes and modification times
(a few ``stat`` calls); when they changed, the bank is validated again. A broken edit
never takes the bank down: the last good bank keeps serving and the errors are kept
for the teachers' bank status page until the files are fixed.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from .spec import Bank, BankError
from .validate import load_bank

log = logging.getLogger(__name__)
EMPTY_BANK = Bank(topics={}, sources={})

Fingerprint = tuple[tuple[str, int, int], ...]


def fingerprint(directory: Path) -> Fingerprint:
    """Name, size and mtime of every YAML file of the bank (top level only)."""
    entries = []
    try:
        paths = sorted(directory.glob("*.yaml")) + sorted(directory.glob("*.yml"))
    except OSError:
        return ()
    for path in paths:
        try:
            st = path.stat()
        except OSError:
            continue
        entries.append((path.name, st.st_size, st.st_mtime_ns))
    return tuple(entries)


@dataclass
class BankStatus:
    """What the teachers' status page shows."""

    bank: Bank
    errors: list[BankError] = field(default_factory=list)
    loaded_at: datetime | None = None
    checked_at: datetime | None = None
    last_error_at: datetime | None = None


class BankRuntime:
    """Serve the last good bank of ``directory``; reload it when its files change.

    ``on_load`` is called with each newly loaded good bank (the app uses it to sync
    the database); ``clock`` is injectable for tests.
    """

    def __init__(
        self,
        directory: str | Path,
        interval: float = 3.0,
        on_load: Callable[[Bank], None] | None = None,
        clock: Callable[[], float] = time.monotonic,
        now: Callable[[], datetime] | None = None,
    ) -> None:
        from ..models.types import utcnow

        self.directory = Path(directory)
        self.interval = interval
        self.on_load = on_load
        self._clock = clock
        self._now = now or utcnow
        self._lock = threading.Lock()
        self._fingerprint: Fingerprint | None = None
        self._next_check = float("-inf")
        self.status = BankStatus(bank=EMPTY_BANK)

    @property
    def bank(self) -> Bank:
        """The bank to serve right now, looking for edits if it is time to.

        Until a good bank has been loaded, a request waits for a load in progress in another
        thread: otherwise it would see the empty bank, and a quiz answered then would skip
        its questions as "no longer in the bank".
        """
        if self._clock() >= self._next_check:
            self.refresh()
        elif self.status.loaded_at is None:
            with self._lock:
                pass
        return self.status.bank

    def refresh(self, force: bool = False) -> bool:
        """Reload if the files changed (or ``force``); True when a new good bank was loaded."""
        with self._lock:
            self._next_check = self._clock() + self.interval
            current = fingerprint(self.directory)
            self.status.checked_at = self._now()
            if current == self._fingerprint and not force:
                return False
            self._fingerprint = current
            result = load_bank(self.directory)
            if result.errors or result.bank is None:
                self.status.errors = list(result.errors)
                self.status.last_error_at = self._now()
                log.warning(
                    "question bank has %d error(s); serving the last good bank", len(result.errors)
                )
                return False
            if self.on_load is not None:
                try:
                    self.on_load(result.bank)
                except Exception:
                    self._fingerprint = None  # try again at the next check
                    log.exception("could not sync the reloaded bank; still serving the old one")
                    return False
            self.status.bank = result.bank
            self.status.errors = []
            self.status.loaded_at = self._now()
            return True

"""Per-endpoint latency and status counts, and the table the load runs print."""

from __future__ import annotations

import time
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field


@dataclass
class Recorder:
    """What one client thread saw: latencies by endpoint, statuses, and answer outcomes.

    Each thread records into its own Recorder (no locks on the hot path); :func:`merge`
    adds them up afterwards.
    """

    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    statuses: Counter[tuple[str, int]] = field(default_factory=Counter)
    outcomes: Counter[str] = field(default_factory=Counter)

    def record(self, endpoint: str, started: float, status: int) -> None:
        """One request to ``endpoint`` that started at ``started`` (perf_counter) and ended now."""
        self.latencies[endpoint].append(time.perf_counter() - started)
        self.statuses[(endpoint, status)] += 1

    @property
    def server_errors(self) -> int:
        """Responses with a 5xx status."""
        return sum(n for (_, status), n in self.statuses.items() if status >= 500)


def merge(recorders: Iterable[Recorder]) -> Recorder:
    """All threads' records together."""
    total = Recorder()
    for rec in recorders:
        for endpoint, values in rec.latencies.items():
            total.latencies[endpoint].extend(values)
        total.statuses.update(rec.statuses)
        total.outcomes.update(rec.outcomes)
    return total


def percentile(values: list[float], q: float) -> float:
    """The ``q``-th percentile (0..100) by nearest rank; 0 for no values."""
    if not values:
        return 0.0
    ordered = sorted(values)
    rank = max(1, round(q / 100 * len(ordered) + 0.5))
    return ordered[min(rank, len(ordered)) - 1]


@dataclass(frozen=True)
class Line:
    """One row of the results table: an endpoint measured alone for ``seconds``."""

    name: str
    requests: int
    seconds: float
    p50: float
    p99: float
    errors: int
    server_cpu: float = 0.0
    """Server CPU seconds spent in the phase (0 when not measured)."""

    @property
    def rate(self) -> float:
        """Requests per second."""
        return self.requests / self.seconds if self.seconds else 0.0

    @property
    def cpu_per_request(self) -> float:
        """Server CPU seconds per request: a cost that other load on the machine blurs less."""
        return self.server_cpu / self.requests if self.requests else 0.0


def line(name: str, rec: Recorder, endpoint: str, seconds: float, server_cpu: float = 0.0) -> Line:
    """The table row for ``endpoint`` as recorded in ``rec`` over ``seconds``."""
    values = rec.latencies.get(endpoint, [])
    errors = sum(n for (ep, st), n in rec.statuses.items() if ep == endpoint and st >= 500)
    p50, p99 = percentile(values, 50), percentile(values, 99)
    return Line(name, len(values), seconds, p50, p99, errors, server_cpu)


def table(lines: list[Line], baseline: Line | None = None) -> str:
    """Lines as a fixed-width table; with a ``baseline``, the ratios to it.

    ``x hello`` compares requests/s; ``cpu x`` compares server CPU per request the other way
    round (hello's cost / this one's), the same ratio with the machine's other load left out.
    """
    out = [f"  {'endpoint':<28}{'requests':>9}{'req/s':>9}{'p50 ms':>9}{'p99 ms':>9}{'5xx':>5}"]
    if baseline is not None:
        out[0] += f"{'x hello':>9}{'cpu ms':>8}{'cpu x':>7}"
    for ln in lines:
        row = (
            f"  {ln.name:<28}{ln.requests:>9}{ln.rate:>9.0f}"
            f"{ln.p50 * 1000:>9.1f}{ln.p99 * 1000:>9.1f}{ln.errors:>5}"
        )
        if baseline is not None and baseline.rate and ln.cpu_per_request:
            row += f"{ln.rate / baseline.rate:>9.2f}{ln.cpu_per_request * 1000:>8.2f}"
            row += f"{baseline.cpu_per_request / ln.cpu_per_request:>7.2f}"
        out.append(row)
    return "\n".join(out)

"""Benchmark of the geldrust engine (run on demand, not in the test suite).

    .venv/bin/python benchmarks/geldrust_bench.py [--runs 200]

1. First check in a fresh process: building the OpenFisca system (YAML parameters, variables).
2. One household (Noor, with traced why) warm: median and 95th percentile wall time.
3. Peak memory of the process (resource.getrusage).
"""

from __future__ import annotations

import argparse
import resource
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from doenvermogen.geldrust.rules import check_household  # noqa: E402

NOOR = {
    "year": 2026,
    "adults": [{"age": 35, "income_year": 24000, "wealth": 0}],
    "children": [{"age": 7}],
    "rent_month": 780,
}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=200)
    runs = parser.parse_args().runs
    start = time.perf_counter()
    check_household(NOOR)
    first = time.perf_counter() - start
    times = []
    for i in range(runs):
        household = {**NOOR, "adults": [{"age": 35, "income_year": 20000 + i * 50, "wealth": 0}]}
        start = time.perf_counter()
        check_household(household)
        times.append(time.perf_counter() - start)
    times.sort()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"first check (builds the system): {first * 1000:.0f} ms")
    print(f"warm check, median of {runs}: {statistics.median(times) * 1000:.1f} ms")
    print(f"warm check, p95: {times[int(len(times) * 0.95)] * 1000:.1f} ms")
    print(f"peak memory: {rss:.0f} MB")


if __name__ == "__main__":
    main()

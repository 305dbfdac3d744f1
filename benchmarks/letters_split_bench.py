"""Frog alone on the 400-word letter: one Frog with 1 thread, one Frog with 2 threads, and the
letter split over two 1-thread Frogs (as the analysis pool does when two Frogs are idle).

    .venv/bin/python benchmarks/letters_split_bench.py [--runs 11]

Starts three Frogs (~1.4 GB each) in this process and runs the three ways in alternating
rounds, so a busy machine slows all three alike; prints median / min / max per way, the
ratio of the medians to one Frog with one thread, and the load average before and after.
Only Frog's time is measured (the same segments `check_letter` sends), not our own work.
Also checks that the split output is exactly the unsplit output.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.letters_bench import letter_of  # noqa: E402
from doenvermogen.letters.analysis import FrogProcess  # noqa: E402
from doenvermogen.letters.analysis.pool import join_outputs, split_segments  # noqa: E402
from doenvermogen.letters.analysis.report import prepare_letter  # noqa: E402


def split_run(frogs: list[FrogProcess], segments: list[str]) -> str:
    parts = split_segments(segments, len(frogs))
    outputs = [""] * len(parts)

    def work(i: int) -> None:
        outputs[i] = frogs[i].process(parts[i])

    threads = [threading.Thread(target=work, args=(i,)) for i in range(1, len(parts))]
    for t in threads:
        t.start()
    work(0)
    for t in threads:
        t.join()
    return join_outputs(outputs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=11)
    args = parser.parse_args()

    one, two, other = FrogProcess(threads=1), FrogProcess(threads=2), FrogProcess(threads=1)
    begin = time.perf_counter()
    for frog in (one, two, other):
        frog.start()
    print(f"3 Frogs started in {time.perf_counter() - begin:.1f} s")
    segments = prepare_letter(letter_of(400)).segments
    words = sum(len(s.split()) for s in segments)
    parts = split_segments(segments, 2)
    print(
        f"400-word letter: {words} words in {len(segments)} segments; split in 2 parts of "
        + " and ".join(f"{sum(len(s) for s in p)} chars" for p in parts)
    )
    expected = one.process(segments)
    assert two.process(segments) == expected, "threads=2 gives another output"
    assert split_run([one, other], segments) == expected, "the split output differs"
    print("outputs: threads=2 and the split both equal one Frog's output exactly")

    ways: dict[str, Callable[[], str]] = {
        "1 Frog, --threads=1": lambda: one.process(segments),
        "1 Frog, --threads=2": lambda: two.process(segments),
        "split over 2 Frogs (1 thread each)": lambda: split_run([one, other], segments),
    }
    times: dict[str, list[float]] = {name: [] for name in ways}
    load_before = os.getloadavg()
    for _ in range(args.runs):
        for name, run in ways.items():
            start = time.perf_counter()
            run()
            times[name].append(time.perf_counter() - start)
    load_after = os.getloadavg()
    base = statistics.median(times["1 Frog, --threads=1"])
    print(f"\n{args.runs} alternating rounds, Frog's time only:")
    for name, values in times.items():
        median = statistics.median(values)
        print(
            f"  {name:36} median {median:.2f} s (min {min(values):.2f}, max {max(values):.2f})"
            f"  ratio {median / base:.2f}"
        )
    print(
        f"load average before {load_before[0]:.1f} / {load_before[1]:.1f}, "
        f"after {load_after[0]:.1f} / {load_after[1]:.1f} (1 / 5 min)"
    )
    for frog in (one, two, other):
        frog.close()


if __name__ == "__main__":
    main()

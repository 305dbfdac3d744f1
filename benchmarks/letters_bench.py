"""Benchmark of the letter checker with a warm Frog (run on demand, not in the test suite).

    .venv/bin/python benchmarks/letters_bench.py [--runs 15] [--batch 1000]

1. A 400-word letter: median wall time of `check_letter` over N runs with a warm Frog.
2. A batch of letters (the 40 regression letters, repeated): total time, letters per second.
Both report Frog's own processing time and our overhead as a ratio to it.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from doenvermogen.letters.analysis import FrogAnalyzer, check_letter  # noqa: E402
from doenvermogen.letters.analysis.readability import lint_data  # noqa: E402

LETTERS = sorted((ROOT / "tests" / "letters" / "fixtures" / "letters").glob("*.txt"))


def letter_of(words: int) -> str:
    parts: list[str] = []
    count = 0
    for path in LETTERS:
        body = path.read_text(encoding="utf-8").split("\n\n")[1:-2]
        for paragraph in body:
            parts.append(paragraph)
            count += len(paragraph.split())
            if count >= words:
                return "Beste meneer Jansen,\n\n" + "\n\n".join(parts) + "\n"
    return "\n\n".join(parts)


def timed(analyzer: FrogAnalyzer, text: str) -> tuple[float, float]:
    start = time.perf_counter()
    check_letter(text, analyzer=analyzer)
    total = time.perf_counter() - start
    return total, analyzer.process.last_processing_seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--batch", type=int, default=1000)
    args = parser.parse_args()

    analyzer = FrogAnalyzer()
    t0 = time.perf_counter()
    analyzer.process.start()
    print(f"Frog start-up: {time.perf_counter() - t0:.1f} s")
    t0 = time.perf_counter()
    lint_data()
    check_letter("Dit is een korte brief voor u.", analyzer=analyzer)  # load word data
    print(f"Word data and first check: {time.perf_counter() - t0:.1f} s")

    text = letter_of(400)
    print(f"\n1. One letter of {len(text.split())} words, {args.runs} runs, warm Frog")
    runs = [timed(analyzer, text) for _ in range(args.runs)]
    totals = [r[0] for r in runs]
    frogs = [r[1] for r in runs]
    med_total, med_frog = statistics.median(totals), statistics.median(frogs)
    print(f"   median total {med_total:.3f} s (min {min(totals):.3f}, max {max(totals):.3f})")
    print(f"   median Frog  {med_frog:.3f} s; our overhead {med_total - med_frog:.3f} s")
    print(f"   overhead / Frog = {(med_total - med_frog) / med_frog:.2f}")

    texts = [p.read_text(encoding="utf-8") for p in LETTERS]
    words = 0
    total = frog = 0.0
    start = time.perf_counter()
    for i in range(args.batch):
        text = texts[i % len(texts)]
        words += len(text.split())
        t, f = timed(analyzer, text)
        total += t
        frog += f
    wall = time.perf_counter() - start
    print(f"\n2. Batch of {args.batch} letters ({words} words)")
    print(f"   wall {wall:.1f} s = {args.batch / wall:.1f} letters/s, {words / wall:.0f} words/s")
    print(f"   Frog {frog:.1f} s, our overhead {total - frog:.1f} s")
    print(f"   overhead / Frog = {(total - frog) / frog:.2f}")
    if args.batch < 1000:
        print(f"   extrapolated to 1,000 letters: {wall / args.batch * 1000:.0f} s")
    analyzer.process.close()


if __name__ == "__main__":
    main()

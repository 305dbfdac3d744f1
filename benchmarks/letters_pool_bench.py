"""Benchmark of the letter checker as deployed: gunicorn web workers + the analysis pool.

    .venv/bin/python benchmarks/letters_pool_bench.py [--runs 31] [--workers 2] [--pool 1]

Starts the analysis pool (`--pool` Frogs) and gunicorn (`--workers` sync workers, --timeout 60,
as docs/admin.md) on free ports, then measures through the JSON API:
1. a 400-word letter: median / min / max wall time over `--runs` warm runs;
2. the 450-word letter without a full stop (issue 11): wall time and HTTP status;
3. the resident memory (RSS) of every gunicorn worker and of the pool process.
Figures go to docs/letters.md by hand, with the machine's load average.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.letters_bench import letter_of  # noqa: E402
from doenvermogen.letters.analysis import PoolClient  # noqa: E402

TOKEN = "bench-token"
SENTENCE = (
    "wij hebben geconstateerd dat de betaling van de huur over de maanden september en "
    "oktober ondanks onze eerdere herinnering nog steeds niet door ons is ontvangen en "
    "verzoeken u derhalve het openstaande bedrag alsnog te voldoen "
)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def children_of(pid: int) -> list[int]:
    """Child processes of every thread of `pid` (the pool starts Frog from a thread)."""
    out: list[int] = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        path = task / "children"
        if path.exists():
            out.extend(int(c) for c in path.read_text().split())
    return out


def tree_rss_mb(pid: int) -> float:
    """RSS of a process and all its descendants (the pool and its Frogs)."""
    return rss_mb(pid) + sum(tree_rss_mb(child) for child in children_of(pid))


def post(url: str, text: str) -> tuple[int, float]:
    request = urllib.request.Request(
        url,
        data=json.dumps({"text": text}).encode(),
        headers={"Content-Type": "application/json", "Authorization": f"Bearer {TOKEN}"},
    )
    begin = time.perf_counter()
    try:
        with urllib.request.urlopen(request, timeout=120) as response:
            response.read()
            status = response.status
    except urllib.error.HTTPError as exc:
        exc.read()
        status = exc.code
    return status, time.perf_counter() - begin


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=31)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--pool", type=int, default=1)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="letters-bench-") as tmp:
        address = str(Path(tmp) / "pool.sock")
        port = free_port()
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "doenvermogen.settings.test",
            "LETTERS_ANALYZER": "frog",
            "LETTERS_POOL_ADDRESS": address,
            "LETTERS_POOL_AUTOSTART": "0",
            "LETTERS_API_TOKENS": TOKEN,
        }
        pool = subprocess.Popen(
            [sys.executable, "-m", "doenvermogen.letters.analysis", "serve"]
            + ["--address", address, "--size", str(args.pool)],
            cwd=ROOT,
            env=env,
            start_new_session=True,
            stdout=subprocess.DEVNULL,
        )
        web = subprocess.Popen(
            [str(Path(sys.executable).parent / "gunicorn"), "doenvermogen.wsgi"]
            + ["--bind", f"127.0.0.1:{port}", "--workers", str(args.workers), "--timeout", "60"],
            cwd=ROOT,
            env=env,
            start_new_session=True,
            stderr=subprocess.DEVNULL,
        )
        try:
            client = PoolClient(address)
            begin = time.perf_counter()
            while not (client.alive() and client.ping()["ready"] >= args.pool):
                time.sleep(0.2)
            print(f"pool ready ({args.pool} Frog): {time.perf_counter() - begin:.1f} s")
            url = f"http://127.0.0.1:{port}/letters/api/check"
            letter = letter_of(400)
            for _ in range(args.workers * 2):  # warm every worker (word data)
                post(url, letter)
            times = []
            for _ in range(args.runs):
                status, seconds = post(url, letter)
                assert status == 200, status
                times.append(seconds)
            print(
                f"400-word letter ({len(letter.split())} words), {args.runs} runs: median "
                f"{statistics.median(times):.2f} s, min {min(times):.2f}, max {max(times):.2f}"
            )
            words = (SENTENCE * 20).split()[:450]
            long_letter = "Geachte heer Jansen,\n\n" + " ".join(words) + "\n\nGroet,\nSara de Vries"
            status, seconds = post(url, long_letter)
            print(f"450 words without a full stop: HTTP {status} in {seconds:.1f} s")
            workers = children_of(web.pid)
            for pid in workers:
                print(f"gunicorn worker {pid}: RSS {rss_mb(pid):.0f} MB")
            print(f"gunicorn master: RSS {rss_mb(web.pid):.0f} MB")
            print(f"analysis pool with its Frog(s): RSS {tree_rss_mb(pool.pid):.0f} MB")
            print(f"load average: {os.getloadavg()[0]:.1f}")
        finally:
            for proc in (web, pool):
                os.killpg(proc.pid, signal.SIGTERM)
                proc.wait(15)


if __name__ == "__main__":
    main()

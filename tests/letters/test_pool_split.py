"""A letter is split over the pool's idle Frogs and joined again exactly (issue 11 / 14).

Fake Frogs record which Frog got which segments and can be held at a gate, so the order of
events is fixed without sleeping; the last test runs a pool of two real Frogs.
"""

from __future__ import annotations

import random
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from doenvermogen.letters.analysis import AnalyzerError, PoolClient, PoolServer, frog_available
from doenvermogen.letters.analysis.frog import FrogProcess
from doenvermogen.letters.analysis.pool import MIN_PART_WORDS, join_outputs, split_segments
from doenvermogen.letters.analysis.report import prepare_letter
from tests.letters.conftest import LETTERS_DIR

PARAGRAPH = (
    "Wij hebben gezien dat de huur van oktober nog niet is betaald. Dat kan gebeuren. "
    "Bel ons, dan zoeken we samen een oplossing die bij u past. Alvast bedankt."
)  # 29 words
BIG = [f"Paragraaf {i}. {PARAGRAPH}" for i in range(8)]  # 8 segments of 31 words
SMALL = ["Beste meneer Jansen,", "Wil je mij vóór vrijdag bellen?", "Groet,", "Fatima Bakker"]


class FakeFrog:
    """Answers like Frog: one sentence per segment, sentences separated by a blank line.

    Every call is recorded in the shared `log` as (frog number, segments) when it starts.
    A segment containing BOOM fails like a Frog that died, CRASH like a bug.
    """

    def __init__(
        self,
        number: int,
        log: list[tuple[int, list[str]]],
        lock: threading.Lock,
        gate: threading.Event | None = None,
        delay: Callable[[], float] = lambda: 0.0,
    ) -> None:
        self.number = number
        self.log = log
        self.lock = lock
        self.gate = gate
        self.delay = delay

    def start(self) -> None:
        pass

    def process(self, segments, timeout=None) -> str:  # type: ignore[no-untyped-def]
        with self.lock:
            self.log.append((self.number, list(segments)))
        if self.gate is not None:
            assert self.gate.wait(20), "the test never opened the gate"
        time.sleep(self.delay())
        if any("BOOM" in s for s in segments):
            raise AnalyzerError("Frog stopped or timed out (EOF)")
        if any("CRASH" in s for s in segments):
            raise KeyError("a bug")
        return fake_output(segments)


def fake_output(segments: list[str]) -> str:
    sentences = [
        "\n".join(
            f"{i}\t{w}\t{w.lower()}\t\tN(soort,ev)\t1.0\tO\t\t\t0\t"
            for i, w in enumerate(s.split(), start=1)
        )
        for s in segments
        if s.split()
    ]
    return "\n\n".join(sentences) + "\n" if sentences else ""


class Pool:
    """A running pool of `size` fake Frogs on a temporary socket."""

    def __init__(self, address: str, size: int, **frog_options) -> None:  # type: ignore[no-untyped-def]
        self.log: list[tuple[int, list[str]]] = []
        lock = threading.Lock()
        numbers = iter(range(size))
        self.server = PoolServer(
            address,
            size=size,
            frog_factory=lambda: FakeFrog(next(numbers), self.log, lock, **frog_options),
        )
        self.server.start()
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.client = PoolClient(address)
        wait_until(lambda: self.server._idle == size)

    def calls_for(self, segments: list[str]) -> list[tuple[int, list[str]]]:
        return [(n, s) for n, s in self.log if set(s) <= set(segments)]


def wait_until(condition: Callable[[], bool], seconds: float = 10.0) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "the pool did not get there in time"
        time.sleep(0.005)


@pytest.fixture()
def address() -> Iterator[str]:
    with tempfile.TemporaryDirectory(prefix="pool-") as tmp:
        yield str(Path(tmp) / "pool.sock")


@pytest.fixture()
def make_pool(address: str) -> Iterator[Callable[..., Pool]]:
    pools: list[Pool] = []

    def make(size: int, **frog_options) -> Pool:  # type: ignore[no-untyped-def]
        pool = Pool(address, size, **frog_options)
        pools.append(pool)
        return pool

    yield make
    for pool in pools:
        pool.server.shutdown()


# -- cutting and joining


def test_split_cuts_between_segments_into_parts_of_about_equal_characters() -> None:
    segments = ["a" * 10, "b" * 30, "c" * 20, "d" * 20, "e" * 10, "f" * 30]  # 120 characters
    parts = split_segments(segments, 2)
    assert parts == [segments[:3], segments[3:]]  # 60 + 60
    parts = split_segments(segments, 3)
    assert [sum(len(s) for s in p) for p in parts] == [40, 40, 40]
    for k in range(1, 8):
        parts = split_segments(segments, k)
        assert [s for p in parts for s in p] == segments  # in order, nothing lost
        assert 1 <= len(parts) <= k and all(any(s.strip() for s in p) for p in parts)


def test_split_never_makes_a_part_without_text() -> None:
    assert split_segments(["one long paragraph"], 3) == [["one long paragraph"]]
    assert split_segments(["", "a" * 50, " ", ""], 2) == [["", "a" * 50, " ", ""]]
    assert split_segments(["", "a" * 50, " ", "b"], 2) == [["", "a" * 50], [" ", "b"]]
    assert split_segments([], 2) == [[]]


def test_join_gives_one_frogs_output_of_the_whole() -> None:
    for k in (2, 3, 5):
        parts = split_segments(BIG, k)
        assert join_outputs([fake_output(p) for p in parts]) == fake_output(BIG)
    assert join_outputs(["", fake_output(BIG), ""]) == fake_output(BIG)


# -- the pool


def test_big_letter_is_split_over_the_idle_frogs_in_order(make_pool) -> None:  # type: ignore[no-untyped-def]
    gate = threading.Event()
    pool = make_pool(3, gate=gate)
    job = pool.client.submit(BIG, payload="p")
    wait_until(lambda: len(pool.log) == 3)  # three parts started, none has finished
    calls = list(pool.log)
    assert {frog for frog, _segments in calls} == {0, 1, 2}  # one part per Frog
    gate.set()
    answer = pool.client.result(job, wait=10)
    assert answer["status"] == "done" and answer["payload"] == "p"
    assert answer["output"] == fake_output(BIG)
    assert len(pool.log) == 3
    parts = sorted((segments for _frog, segments in calls), key=lambda s: BIG.index(s[0]))
    assert parts == split_segments(BIG, 3)  # contiguous runs, together the whole letter
    assert [s for part in parts for s in part] == BIG


def test_small_letter_stays_on_one_frog(make_pool) -> None:  # type: ignore[no-untyped-def]
    assert sum(len(s.split()) for s in SMALL) < 2 * MIN_PART_WORDS
    pool = make_pool(2)
    answer = pool.client.result(pool.client.submit(SMALL), wait=10)
    assert answer["output"] == fake_output(SMALL)
    assert [segments for _frog, segments in pool.log] == [SMALL]
    # A letter just big enough for two parts of MIN_PART_WORDS is split.
    wait_until(lambda: pool.server._idle == 2)
    two = BIG[:2]
    pool.client.result(pool.client.submit(two), wait=10)
    assert sorted(s for _frog, s in pool.calls_for(two)) == [[two[0]], [two[1]]]


def test_busy_pool_takes_a_letter_whole_and_never_waits_for_a_second_frog(make_pool) -> None:  # type: ignore[no-untyped-def]
    gate = threading.Event()
    pool = make_pool(2, gate=gate)
    first = pool.client.submit(SMALL)  # holds Frog 0 or 1 at the gate
    wait_until(lambda: len(pool.log) == 1)
    big = pool.client.submit(BIG)  # one Frog idle: whole, at once
    wait_until(lambda: len(pool.log) == 2)
    assert pool.log[1][1] == BIG
    later = [s.replace("Paragraaf", "Alinea") for s in BIG]
    third = pool.client.submit(later)  # no Frog idle: waits whole, in turn
    assert pool.client.ping()["queued"] == 1
    gate.set()
    for job, segments in ((first, SMALL), (big, BIG), (third, later)):
        assert pool.client.result(job, wait=10)["output"] == fake_output(segments)
    assert [s for _frog, s in pool.log if s[0].startswith("Alinea")] == [later]


def test_a_split_letters_parts_never_wait_behind_another_letter(make_pool) -> None:  # type: ignore[no-untyped-def]
    gate = threading.Event()
    pool = make_pool(2, gate=gate)
    other = [s.replace("Paragraaf", "Alinea") for s in BIG]
    first = pool.client.submit(BIG)  # two idle Frogs: split in two, both start now
    second = pool.client.submit(other)  # comes after the parts, whole
    wait_until(lambda: len(pool.log) == 2)
    assert sorted(s for _frog, s in pool.log) == sorted(split_segments(BIG, 2))
    assert {frog for frog, _s in pool.log} == {0, 1}
    assert pool.client.ping()["queued"] == 1  # the second letter waits, not a part
    gate.set()
    assert pool.client.result(first, wait=10)["output"] == fake_output(BIG)
    assert pool.client.result(second, wait=10)["output"] == fake_output(other)
    assert pool.log[2][1] == other


def test_many_clients_at_once_all_get_exactly_their_letter(make_pool) -> None:  # type: ignore[no-untyped-def]
    rng = random.Random(7)
    pool = make_pool(3, delay=lambda: rng.random() / 200)
    letters = [
        [f"Brief {n} deel {i}. {PARAGRAPH}" for i in range(rng.randint(1, 9))]
        if n % 3
        else [f"Brief {n}.", *SMALL]
        for n in range(40)
    ]
    results: dict[int, str] = {}

    def client(n: int) -> None:
        results[n] = pool.client.result(pool.client.submit(letters[n]), wait=20)["output"]

    threads = [threading.Thread(target=client, args=(n,)) for n in range(len(letters))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert not any(t.is_alive() for t in threads), "a client is stuck"
    assert results == {n: fake_output(letter) for n, letter in enumerate(letters)}
    wait_until(lambda: pool.server._idle == 3)  # every Frog is free again
    assert pool.client.ping()["queued"] == 0


def _error_answer(pool: Pool, segments: list[str]) -> dict:  # type: ignore[type-arg]
    job = pool.client.submit(segments)
    return pool.server.handle({"op": "result", "job": job, "wait": 10})


def test_an_error_in_one_part_fails_the_job_like_an_unsplit_error(make_pool) -> None:  # type: ignore[no-untyped-def]
    pool = make_pool(2)
    broken = [*BIG[:-1], "BOOM " + BIG[-1]]  # the last part fails, the first succeeds
    split = _error_answer(pool, broken)
    assert len(pool.calls_for(broken)) == 2
    whole = _error_answer(pool, ["BOOM"])  # a small letter: one Frog
    assert (
        split
        == whole
        == {
            "ok": True,
            "status": "error",
            "message": "Frog stopped or timed out (EOF)",
        }
    )
    with pytest.raises(AnalyzerError, match="EOF"):
        pool.client.result(pool.client.submit(broken), wait=10)
    crash = _error_answer(pool, ["CRASH " + BIG[0], *BIG[1:]])
    assert crash == {"ok": True, "status": "error", "message": "KeyError"}
    # The pool goes on.
    assert pool.client.result(pool.client.submit(BIG), wait=10)["output"] == fake_output(BIG)


# -- real Frog


@pytest.fixture(scope="module")
def two_frog_pool() -> Iterator[tuple[PoolServer, list[list[str]]]]:
    """A pool of two real Frogs that records the segments each call got."""
    if not frog_available():
        pytest.skip("Frog is not installed (apt-get install frog frogdata)")
    calls: list[list[str]] = []

    class RecordingFrog(FrogProcess):
        def process(self, segments, timeout=None):  # type: ignore[no-untyped-def]
            calls.append(list(segments))
            return super().process(segments, timeout)

    with tempfile.TemporaryDirectory(prefix="pool-") as tmp:
        server = PoolServer(str(Path(tmp) / "pool.sock"), size=2, frog_factory=RecordingFrog)
        server.start()
        threading.Thread(target=server.serve_forever, daemon=True).start()
        wait_until(lambda: server._idle == 2, seconds=240)
        yield server, calls
        server.shutdown()


@pytest.mark.frog
def test_real_frogs_split_output_equals_one_frogs_output(two_frog_pool, frog) -> None:  # type: ignore[no-untyped-def]
    server, calls = two_frog_pool
    client = PoolClient(server.address)
    for name in ("09_jeugdarts_calm.txt", "11_leerplicht_harsh.txt", "08_terugvordering_calm.txt"):
        segments = prepare_letter((LETTERS_DIR / name).read_text(encoding="utf-8")).segments
        wait_until(lambda: server._idle == 2)
        calls.clear()
        output = client.result(client.submit(segments), wait=30)["output"]
        assert len(calls) == 2, name  # it was split over both Frogs
        assert output == frog.process.process(segments), name

"""The analysis pool: warm Frog processes in one process of their own, shared by all web workers.

Frog takes about 1.4 GB and 5-30 s to start, so a web worker must never hold one. The pool
process holds `size` Frogs (one thread each) and a queue of jobs; web workers, the API and
the team pages are clients. A client submits the pieces of a letter and gets a job id back,
then asks for the result with a short wait: the web page waits a few seconds and then polls,
so no web request ever waits on Frog for long.

A letter that arrives while k > 1 Frogs are idle (nothing queued for them) is cut into k
contiguous parts of about equal characters, between segments only, and the parts run on
those Frogs at once; their outputs are joined in order. Frog analyses every segment on its
own (the utterance marker ends a sentence), so the joined output is exactly what one Frog
gives. Parts are made only for Frogs that are idle at that moment, and queued behind nothing,
so a part never waits behind another letter; a busy pool takes a letter whole, in turn.

Protocol: one JSON object per line, one request per connection, over a Unix socket (the
default, file mode 0600) or TCP (``host:port``, for analysis workers on another machine, with
a shared secret in every request).

    {"op": "ping"}  ->  {"ok": true, "size": 1, "ready": 1, "queued": 0}
    {"op": "submit", "segments": [...], "payload": "..."}  ->  {"ok": true, "job": "<id>"}
    {"op": "result", "job": "<id>", "wait": 2.0}
        ->  {"ok": true, "status": "pending"}
        |   {"ok": true, "status": "done", "output": "...", "payload": "..."}
        |   {"ok": true, "status": "error", "message": "..."}
    any failure  ->  {"ok": false, "error": "<code>"}

Nothing is written to disk: a job (the letter's pieces and the payload, the letter text)
lives in memory until its result has been fetched, or for `RESULT_TTL` seconds at most.

Lives here: `PoolServer`, `PoolClient`, `PoolAnalyzer` (the `Analyzer` over a client),
`ensure_pool()` (start the pool process when none answers) and the command line
``python -m doenvermogen.letters.analysis serve``. Not here: Frog itself (`frog.py`).
"""

from __future__ import annotations

import argparse
import contextlib
import hmac
import json
import os
import secrets
import socket
import socketserver
import subprocess
import sys
import threading
import time
from bisect import bisect_left
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path
from typing import Any

from doenvermogen.settings.machine import letters_pool_size

from .analyzers import AnalyzerError, parse_frog_output
from .frog import FrogProcess
from .model import Token

MAX_MESSAGE_BYTES = 4 * 1024 * 1024
RESULT_TTL = 300.0
MAX_QUEUED = 200
MAX_WAIT = 30.0
LISTEN_BACKLOG = 128
#: A letter is split over idle Frogs only so far that every part gets this many words or more:
#: letters under 60 words stay on one Frog, where a second Frog would save next to nothing.
MIN_PART_WORDS = 30


def _is_unix(address: str) -> bool:
    return "/" in address or address.startswith("unix:")


def _unix_path(address: str) -> str:
    return address.removeprefix("unix:")


def _tcp(address: str) -> tuple[str, int]:
    host, _, port = address.rpartition(":")
    return host or "127.0.0.1", int(port)


def split_segments(segments: Sequence[str], parts: int) -> list[list[str]]:
    """`segments` in at most `parts` contiguous runs of about equal characters, cut only
    between segments; no run is without text. Joined in order they are `segments` again."""
    segments = list(segments)
    sizes = [len(s.strip()) for s in segments]
    total = sum(sizes)
    if parts <= 1 or total == 0:
        return [segments]
    before = [0]  # before[b]: characters in segments[:b]
    for size in sizes:
        before.append(before[-1] + size)
    cuts = [0]
    for i in range(1, parts):
        target = total * i / parts
        b = bisect_left(before, target, lo=1, hi=len(segments))
        if b > 1 and target - before[b - 1] <= before[b] - target:
            b -= 1  # the nearer of the two boundaries around the target
        if before[cuts[-1]] < before[b] < total:  # text on both sides of the cut
            cuts.append(b)
    cuts.append(len(segments))
    return [segments[a:b] for a, b in pairwise(cuts)]


def join_outputs(outputs: Sequence[str]) -> str:
    """Frog's outputs for consecutive parts of a letter as one output: sentences are
    separated by a blank line, a part without text adds nothing."""
    return "\n".join(out.rstrip("\n") + "\n" for out in outputs if out.strip())


class _UnixServer(socketserver.ThreadingUnixStreamServer):
    daemon_threads = True
    #: Connections waiting to be accepted. socketserver's default of 5 refused a burst of
    #: clients at once (a Unix socket answers EAGAIN when the backlog is full).
    request_queue_size = LISTEN_BACKLOG


class _TCPServer(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = LISTEN_BACKLOG


@dataclass
class Job:
    """One letter waiting for, or analysed by, Frog (whole, or in parts on several Frogs)."""

    id: str
    segments: list[str]
    payload: str
    created: float = field(default_factory=time.monotonic)
    status: str = "pending"
    output: str = ""
    message: str = ""
    done: threading.Event = field(default_factory=threading.Event)
    #: Frog's output per part, filled in as parts finish; `left` parts are still running.
    outputs: list[str] = field(default_factory=list)
    left: int = 0


@dataclass
class Part:
    """A run of a job's segments for one Frog (all of them when the job is not split)."""

    job: Job
    index: int
    segments: list[str]


class PoolServer:
    """`size` warm Frogs behind a job queue, answering on a Unix socket or TCP port."""

    def __init__(
        self,
        address: str,
        size: int = 1,
        secret: str = "",
        frog_factory: Callable[[], Any] = FrogProcess,
    ) -> None:
        self.address = address
        self.size = max(1, size)
        self.secret = secret
        self.frog_factory = frog_factory
        self.jobs: dict[str, Job] = {}
        self.ready = 0
        self._lock = threading.Lock()
        #: Guards the parts waiting for a Frog and the number of Frogs waiting for a part.
        self._work = threading.Condition(threading.Lock())
        self._parts: deque[Part] = deque()
        self._idle = 0
        self._server: socketserver.BaseServer | None = None

    # -- workers

    def _worker(self) -> None:
        frog = self.frog_factory()
        try:
            frog.start()
            with self._lock:
                self.ready += 1
        except AnalyzerError:
            pass  # retried on the first job
        while True:
            with self._work:
                self._idle += 1
                while not self._parts:
                    self._work.wait()
                self._idle -= 1
                part = self._parts.popleft()
            self._run(frog, part)

    def _run(self, frog: Any, part: Part) -> None:
        job = part.job
        output, message = "", ""
        if job.status != "error":  # another part already failed: the job is lost anyway
            try:
                output = frog.process(part.segments)
            except AnalyzerError as exc:
                message = str(exc)
            except Exception as exc:  # noqa: BLE001 - a job must always end
                message = exc.__class__.__name__
        with self._lock:
            if message and job.status != "error":
                job.status, job.message = "error", message
            job.outputs[part.index] = output
            job.left -= 1
            finished = job.left == 0
            if finished and job.status != "error":
                job.output, job.status = join_outputs(job.outputs), "done"
            if finished:
                job.outputs = []
        if finished:
            job.done.set()

    def _queued(self) -> int:
        """Jobs waiting for a Frog (a split job's parts never wait)."""
        with self._work:
            return len({id(part.job) for part in self._parts})

    def _enqueue(self, job: Job) -> None:
        """Queue `job` whole, or in parts when several Frogs are idle with nothing queued."""
        words = sum(len(s.split()) for s in job.segments)
        with self._work:
            free = self._idle - len(self._parts)
            want = min(free, words // MIN_PART_WORDS)
            runs = split_segments(job.segments, want) if want > 1 else [job.segments]
            job.outputs = [""] * len(runs)
            job.left = len(runs)
            self._parts.extend(Part(job, i, run) for i, run in enumerate(runs))
            self._work.notify(len(runs))

    def _expire(self) -> None:
        now = time.monotonic()
        with self._lock:
            for job_id in [j for j, job in self.jobs.items() if now - job.created > RESULT_TTL]:
                del self.jobs[job_id]

    # -- requests

    def handle(self, request: dict[str, Any]) -> dict[str, Any]:
        """Answer one request (already parsed from JSON)."""
        if self.secret and not hmac.compare_digest(str(request.get("secret", "")), self.secret):
            return {"ok": False, "error": "forbidden"}
        op = request.get("op")
        if op == "ping":
            return {
                "ok": True,
                "size": self.size,
                "ready": self.ready,
                "queued": self._queued(),
            }
        if op == "submit":
            segments = request.get("segments")
            payload = request.get("payload", "")
            if not isinstance(segments, list) or not all(isinstance(s, str) for s in segments):
                return {"ok": False, "error": "bad_request"}
            if not isinstance(payload, str):
                return {"ok": False, "error": "bad_request"}
            self._expire()
            if self._queued() >= MAX_QUEUED:
                return {"ok": False, "error": "busy"}
            job = Job(id=secrets.token_urlsafe(18), segments=segments, payload=payload)
            with self._lock:
                self.jobs[job.id] = job
            self._enqueue(job)
            return {"ok": True, "job": job.id}
        if op == "result":
            with self._lock:
                job = self.jobs.get(str(request.get("job", "")))
            if job is None:
                return {"ok": False, "error": "unknown_job"}
            try:
                wait = min(max(float(request.get("wait", 0)), 0.0), MAX_WAIT)
            except (TypeError, ValueError):
                wait = 0.0
            if not job.done.wait(wait):
                return {"ok": True, "status": "pending", "queued": self._queued()}
            with self._lock:
                self.jobs.pop(job.id, None)  # delivered once, then forgotten
            if job.status == "done":
                return {"ok": True, "status": "done", "output": job.output, "payload": job.payload}
            return {"ok": True, "status": "error", "message": job.message}
        return {"ok": False, "error": "bad_request"}

    # -- serving

    def _make_server(self) -> socketserver.BaseServer:
        pool = self

        class Handler(socketserver.StreamRequestHandler):
            def handle(self) -> None:
                line = self.rfile.readline(MAX_MESSAGE_BYTES + 1)
                if len(line) > MAX_MESSAGE_BYTES:
                    answer: dict[str, Any] = {"ok": False, "error": "too_large"}
                else:
                    try:
                        request = json.loads(line)
                        answer = (
                            pool.handle(request)
                            if isinstance(request, dict)
                            else {"ok": False, "error": "bad_request"}
                        )
                    except ValueError:
                        answer = {"ok": False, "error": "bad_request"}
                self.wfile.write(json.dumps(answer).encode("utf-8") + b"\n")

        if _is_unix(self.address):
            path = _unix_path(self.address)
            Path(path).parent.mkdir(parents=True, exist_ok=True)
            with contextlib.suppress(FileNotFoundError):
                os.unlink(path)  # a stale socket of a pool that died
            old_umask = os.umask(0o177)
            try:
                server: socketserver.BaseServer = _UnixServer(path, Handler)
            finally:
                os.umask(old_umask)
            os.chmod(path, 0o600)
        else:
            server = _TCPServer(_tcp(self.address), Handler)
        return server

    def start(self) -> None:
        """Bind the socket and start the Frog threads (returns at once)."""
        self._server = self._make_server()
        for i in range(self.size):
            threading.Thread(target=self._worker, name=f"frog-{i}", daemon=True).start()

    def serve_forever(self) -> None:
        if self._server is None:
            self.start()
        assert self._server is not None
        self._server.serve_forever(poll_interval=0.5)

    def shutdown(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            if _is_unix(self.address):
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(_unix_path(self.address))


class PoolClient:
    """Talks to a `PoolServer`. Every failure to reach it is an `AnalyzerError`."""

    def __init__(self, address: str, secret: str = "", connect_timeout: float = 2.0) -> None:
        self.address = address
        self.secret = secret
        self.connect_timeout = connect_timeout

    def request(self, message: dict[str, Any], timeout: float = 5.0) -> dict[str, Any]:
        if self.secret:
            message = {**message, "secret": self.secret}
        data = json.dumps(message).encode("utf-8") + b"\n"
        if len(data) > MAX_MESSAGE_BYTES:
            raise AnalyzerError("letter too large for the analysis pool")
        try:
            if _is_unix(self.address):
                sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
                target: Any = _unix_path(self.address)
            else:
                sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
                target = _tcp(self.address)
            with sock:
                sock.settimeout(self.connect_timeout)
                sock.connect(target)
                sock.settimeout(timeout)
                sock.sendall(data)
                chunks = []
                while True:
                    chunk = sock.recv(65536)
                    if not chunk:
                        break
                    chunks.append(chunk)
                    if chunk.endswith(b"\n"):
                        break
            answer = json.loads(b"".join(chunks) or b"{}")
        except (OSError, ValueError) as exc:
            raise AnalyzerError(f"analysis pool not reachable ({exc.__class__.__name__})") from exc
        if not isinstance(answer, dict) or not answer.get("ok"):
            error = answer.get("error", "no_answer") if isinstance(answer, dict) else "no_answer"
            raise AnalyzerError(f"analysis pool refused: {error}")
        return answer

    def ping(self) -> dict[str, Any]:
        return self.request({"op": "ping"}, timeout=self.connect_timeout)

    def alive(self) -> bool:
        try:
            self.ping()
        except AnalyzerError:
            return False
        return True

    def submit(self, segments: Sequence[str], payload: str = "") -> str:
        return str(
            self.request({"op": "submit", "segments": list(segments), "payload": payload})["job"]
        )

    def result(self, job: str, wait: float = 0.0) -> dict[str, Any]:
        """``{"status": "pending"}``, ``{"status": "done", "output": ..., "payload": ...}``;
        an error of Frog or an unknown (expired) job raises `AnalyzerError`."""
        answer = self.request({"op": "result", "job": job, "wait": wait}, timeout=wait + 5.0)
        if answer.get("status") == "error":
            raise AnalyzerError(str(answer.get("message", "analysis failed")))
        return answer


class PoolAnalyzer:
    """The `Analyzer` on top of the pool: submits, then waits at most `timeout` seconds."""

    name = "frog"

    def __init__(self, client: PoolClient, timeout: float = 45.0) -> None:
        self.client = client
        self.timeout = timeout

    def analyze_segments(self, segments: Sequence[str]) -> list[list[Token]]:
        job = self.client.submit(segments)
        deadline = time.monotonic() + self.timeout
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise AnalyzerError("analysis took too long")
            answer = self.client.result(job, wait=min(left, 10.0))
            if answer.get("status") == "done":
                return parse_frog_output(str(answer.get("output", "")))


def ensure_pool(
    address: str,
    size: int = 1,
    log_path: str | os.PathLike[str] | None = None,
    wait: float = 10.0,
    secret: str = "",
) -> bool:
    """Make sure a pool answers at `address`; start one (detached) when none does.

    A lock file next to the socket makes sure that of many web workers only one starts it.
    Returns True when the pool answers within `wait` seconds. Only for Unix sockets: a TCP
    pool runs on its own machine and is started there.
    """
    client = PoolClient(address, secret=secret, connect_timeout=1.0)
    if client.alive():
        return True
    if not _is_unix(address):
        return False
    import fcntl

    path = Path(_unix_path(address))
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(f"{path}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not client.alive():
            log = open(log_path, "ab") if log_path else subprocess.DEVNULL  # noqa: SIM115
            try:
                subprocess.Popen(  # noqa: S603 - our own module, fixed arguments
                    [
                        sys.executable,
                        "-m",
                        "doenvermogen.letters.analysis",
                        "serve",
                        "--address",
                        str(address),
                        "--size",
                        str(size),
                    ],
                    stdin=subprocess.DEVNULL,
                    stdout=log,
                    stderr=log,
                    start_new_session=True,
                    close_fds=True,
                    env={**os.environ, "LETTERS_POOL_SECRET": secret},
                )
            finally:
                if log is not subprocess.DEVNULL:
                    log.close()
            deadline = time.monotonic() + wait
            while time.monotonic() < deadline:
                if client.alive():
                    return True
                time.sleep(0.1)
            return False
    return client.alive()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m doenvermogen.letters.analysis")
    sub = parser.add_subparsers(dest="command", required=True)
    serve = sub.add_parser("serve", help="run the analysis pool (Frog processes)")
    serve.add_argument("--address", required=True, help="socket path, or host:port for TCP")
    serve.add_argument(
        "--size",
        type=letters_pool_size,
        default=os.environ.get("LETTERS_POOL_SIZE", "auto"),
        help='number of Frog processes, or "auto": 2 with two cores and 4 GiB free, else 1',
    )
    args = parser.parse_args(argv)
    secret = os.environ.get("LETTERS_POOL_SECRET", "")
    if not _is_unix(args.address) and not secret:
        parser.error("a TCP pool needs LETTERS_POOL_SECRET in its environment")
    server = PoolServer(args.address, size=args.size, secret=secret)
    server.start()
    print(f"letters analysis pool: {args.size} Frog(s) at {args.address}", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.shutdown()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

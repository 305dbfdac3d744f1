"""A warm Frog: one Frog process, started once, fed text through a pseudo-terminal.

Frog (Debian packages ``frog`` and ``frogdata``) takes seconds to load, so it is started once
per process and kept running. We use Frog's interactive mode under a pty (pexpect): no
network port is opened at all. Frog's own server mode (``-S``) cannot be bound to 127.0.0.1,
so it is not used.

Lives here: `FrogProcess` (thread-safe, restarts after a crash, with timeouts),
`FrogAnalyzer` (the `Analyzer` on top of it) and `get_frog_analyzer()` (the process-wide
singleton that a web process and the CLI share). Not here: parsing of Frog's output
(see `analyzers.py`).
"""

from __future__ import annotations

import atexit
import contextlib
import os
import re
import shutil
import tempfile
import threading
import time
from collections.abc import Sequence

from .analyzers import UTTERANCE_MARKER, AnalyzerError, parse_frog_output
from .model import Token

#: Frog modules we do not need: morphological analysis (a) and chunking (c).
#: The multi-word-unit module must stay on, Frog's parser depends on it.
DEFAULT_SKIP = "ac"
_LINE_LIMIT = 1000  # a pty's canonical mode truncates lines over 4095 bytes
_PROMPT = "\r\nfrog>"


def frog_available(executable: str = "frog") -> bool:
    """Whether the Frog binary is installed."""
    return shutil.which(executable) is not None


#: Anything that looks like a markup tag. Frog's tokenizer takes ``<utt>`` as an utterance
#: command and then stops (EOF); the angle brackets of every tag are swapped for ‹ › so no
#: text can reach Frog as a command.
_TAG = re.compile(r"<(\s{0,5}/?\s{0,5}[A-Za-z][^<>\n]{0,60})>")


def frog_safe(segment: str) -> str:
    """`segment` as Frog may see it: printable characters on one line, no control sequences.

    Control characters would act on the terminal (^C interrupts, ^D ends input), a tag such
    as ``<utt>`` is a command to Frog's tokenizer, and our utterance marker separates
    segments.
    """
    printable = "".join(c if c.isprintable() else " " for c in segment)
    clean = " ".join(printable.split())
    clean = _TAG.sub("\u2039\\1\u203a", clean)
    return clean.replace(UTTERANCE_MARKER, "| | |")


def _chunk_line(segment: str, limit: int = _LINE_LIMIT) -> list[str]:
    """Cut a long segment at spaces into lines of at most `limit` characters."""
    out: list[str] = []
    rest = segment
    while len(rest) > limit:
        cut = rest.rfind(" ", 0, limit)
        if cut <= 0:
            cut = limit
        out.append(rest[:cut])
        rest = rest[cut:].lstrip()
    if rest:
        out.append(rest)
    return out


class FrogProcess:
    """One interactive Frog process behind a lock.

    `process()` sends text and returns Frog's raw tab-separated output. If Frog died or
    timed out, the process is killed and started again on the next call.
    """

    def __init__(
        self,
        executable: str = "frog",
        skip: str = DEFAULT_SKIP,
        startup_timeout: float = 180.0,
        timeout: float = 60.0,
        threads: int = 1,
        extra_args: Sequence[str] = (),
    ) -> None:
        self.executable = executable
        self.skip = skip
        self.startup_timeout = startup_timeout
        self.timeout = timeout
        self.threads = threads
        self.extra_args = list(extra_args)
        self._child = None
        self._lock = threading.Lock()
        self._workdir = tempfile.mkdtemp(prefix="frog-")  # Frog writes debug files to cwd
        self.starts = 0
        self.last_processing_seconds = 0.0

    @property
    def alive(self) -> bool:
        return self._child is not None and self._child.isalive()

    def _start(self) -> None:
        import pexpect

        if not frog_available(self.executable):
            raise AnalyzerError("Frog is not installed (apt-get install frog frogdata)")
        # One thread: measured faster and far steadier than Frog's default of 8 on 2 cores
        # (median 1.2 s vs 2.5 s for 400 words on a busy machine). Scale with processes.
        args = [f"--uttmarker={UTTERANCE_MARKER}", f"--threads={self.threads}", *self.extra_args]
        if self.skip:
            args.insert(0, f"--skip={self.skip}")
        env = dict(os.environ, LC_ALL="C.UTF-8", LANG="C.UTF-8")
        child = pexpect.spawn(
            self.executable,
            args,
            encoding="utf-8",
            codec_errors="replace",
            echo=False,
            cwd=self._workdir,
            env=env,
            timeout=self.startup_timeout,
            maxread=65536,
        )
        child.delaybeforesend = None
        try:
            child.expect("Initialization done", timeout=self.startup_timeout)
            child.expect(_PROMPT[2:], timeout=self.startup_timeout)
        except Exception as exc:
            child.terminate(force=True)
            raise AnalyzerError(f"Frog did not start: {exc.__class__.__name__}") from exc
        self._child = child
        self.starts += 1

    def start(self) -> None:
        """Start Frog now (otherwise it starts on the first `process()` call)."""
        with self._lock:
            if not self.alive:
                self._start()

    def close(self) -> None:
        with self._lock:
            self._kill()

    def _kill(self) -> None:
        if self._child is not None:
            with contextlib.suppress(Exception):  # best effort
                self._child.terminate(force=True)
            self._child = None

    def process(self, segments: Sequence[str], timeout: float | None = None) -> str:
        """Analyse `segments` (joined with the utterance marker); return Frog's raw output."""
        import pexpect

        lines: list[str] = []
        for i, segment in enumerate(segments):
            clean = frog_safe(segment)
            if not clean:
                continue
            if lines and i:
                lines.append(UTTERANCE_MARKER)
            lines.extend(_chunk_line(clean))
        if not lines:
            return ""
        chars = sum(len(line) for line in lines)
        limit = timeout if timeout is not None else self.timeout + chars / 200.0
        with self._lock:
            for attempt in (1, 2):
                if not self.alive:
                    self._kill()
                    self._start()
                child = self._child
                assert child is not None
                begin = time.perf_counter()
                try:
                    for line in lines:
                        child.sendline(line)
                    child.sendline("")
                    child.expect(r"Processing\.\.\. *\r\n", timeout=limit)
                    child.expect_exact(_PROMPT, timeout=limit, searchwindowsize=len(_PROMPT) + 64)
                    output = child.before
                    break
                except pexpect.EOF as exc:
                    # A Frog that died between two letters (a killed process can still
                    # look alive for a moment): start a fresh one and try once more.
                    self._kill()
                    if attempt == 2:
                        raise AnalyzerError("Frog stopped or timed out (EOF)") from exc
                except (pexpect.TIMEOUT, OSError) as exc:
                    self._kill()
                    raise AnalyzerError(
                        f"Frog stopped or timed out ({exc.__class__.__name__})"
                    ) from exc
            self.last_processing_seconds = time.perf_counter() - begin
        return output.replace("\r\n", "\n")


class FrogAnalyzer:
    """The `Analyzer` backed by a warm `FrogProcess`."""

    name = "frog"

    def __init__(self, process: FrogProcess | None = None) -> None:
        self.process = process or FrogProcess()

    def raw_output(self, segments: Sequence[str]) -> str:
        return self.process.process(segments)

    def analyze_segments(self, segments: Sequence[str]) -> list[list[Token]]:
        return parse_frog_output(self.raw_output(segments))


_singleton: FrogAnalyzer | None = None
_singleton_lock = threading.Lock()


def get_frog_analyzer() -> FrogAnalyzer:
    """The process-wide warm Frog analyser (created on first use, closed at exit)."""
    global _singleton
    with _singleton_lock:
        if _singleton is None:
            _singleton = FrogAnalyzer()
            atexit.register(_singleton.process.close)
        return _singleton

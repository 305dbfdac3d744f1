"""Every regular expression that reads a user's letter runs in linear time (issue 8).

Each pattern of the engine (module constants of every module in letters/analysis and every
pattern built from the word lists) is run over hostile 100,000-character inputs: long runs
of letters, capitals, digits, spaces, separators and half e-mail addresses, each with an
ending that makes a match fail late. A backtracking pattern takes minutes on these (the old
e-mail pattern took 61 s on 100,000 letters "a"); a linear one takes milliseconds. The
budget per pattern and input is a generous 2 s so that a busy machine does not fail it.

Each run happens in a child process that is killed at the budget, so a catastrophic pattern
fails the test instead of hanging the suite.
"""

from __future__ import annotations

import importlib
import multiprocessing
import pkgutil
import re
import time

import pytest

import doenvermogen.letters.analysis as analysis_pkg
from doenvermogen.letters.analysis import findings
from doenvermogen.letters.analysis.frog import frog_safe

BUDGET_SECONDS = 2.0
N = 100_000

HOSTILE = {
    "letters": "a" * N,
    "capitals": "A" * N,
    "capital words": "AB " * (N // 3),
    "capitals and hyphens": "AB-" * (N // 3),
    "dotted": "a." * (N // 2),
    "digits": "1" * N,
    "spaced digits": "0 " * (N // 2),
    "spaces": " " * N,
    "exclamations": "!" * N,
    "hyphenated": "a-" * (N // 2),
    "half addresses": "a@" * (N // 2),
    "address parts": "a@a." * (N // 4),
    "lines": "a\n" * (N // 2),
    "pronouns": "u " * (N // 2),
    "words": "vergeet betaal niet " * (N // 20),
}
ENDINGS = ("", "x", "!", "@")


def _module_patterns() -> list[tuple[str, re.Pattern[str]]]:
    out = []
    for info in pkgutil.iter_modules(analysis_pkg.__path__):
        if info.name.startswith("__"):
            continue  # __main__ runs the pool
        module = importlib.import_module(f"{analysis_pkg.__name__}.{info.name}")
        for name, value in vars(module).items():
            if isinstance(value, re.Pattern):
                out.append((f"{info.name}.{name}", value))
    return out


def _rule_patterns() -> list[tuple[str, re.Pattern[str]]]:
    r = findings.rules()
    out: list[tuple[str, re.Pattern[str]]] = []
    for name, value in vars(r).items():
        if isinstance(value, re.Pattern):
            out.append((f"rules.{name}", value))
    for i, (pattern, _suggestion) in enumerate(r.negative_framing):
        out.append((f"rules.negative_framing[{i}]", pattern))
    return out


def _officialese_patterns() -> list[tuple[str, re.Pattern[str]]]:
    return [
        (f"officialese:{phrase}", pattern) for phrase, _alt, pattern in findings.rules().officialese
    ]


PATTERNS = _module_patterns() + _rule_patterns()


def _worst_time(pattern: re.Pattern[str], inputs: dict[str, str]) -> float:
    worst = 0.0
    for text in inputs.values():
        for ending in ENDINGS:
            begin = time.perf_counter()
            for _ in pattern.finditer(text + ending):
                pass
            worst = max(worst, time.perf_counter() - begin)
    return worst


def _child(pattern: re.Pattern[str], inputs: dict[str, str], queue) -> None:  # type: ignore[no-untyped-def]
    queue.put(_worst_time(pattern, inputs))


def _run_with_budget(
    pattern: re.Pattern[str], inputs: dict[str, str], budget: float = BUDGET_SECONDS
) -> float | None:
    """Worst time over the inputs, or None when the child had to be killed."""
    ctx = multiprocessing.get_context("fork")
    queue = ctx.Queue()
    child = ctx.Process(target=_child, args=(pattern, inputs, queue))
    child.start()
    child.join(budget * len(inputs) * len(ENDINGS))
    if child.is_alive():
        child.kill()
        child.join()
        return None
    return queue.get(timeout=5)


def test_patterns_were_found() -> None:
    names = {name for name, _ in PATTERNS}
    assert "findings._EMAIL" in names
    assert "findings._PHONE_RUN" in names and "findings._WEB" in names
    assert "rules.sanctions" in names
    assert len(PATTERNS) >= 20


@pytest.mark.parametrize(("name", "pattern"), PATTERNS, ids=[n for n, _ in PATTERNS])
def test_pattern_runs_in_linear_time(name: str, pattern: re.Pattern[str]) -> None:
    worst = _run_with_budget(pattern, HOSTILE)
    assert worst is not None, f"{name} did not finish: it backtracks catastrophically"
    assert worst < BUDGET_SECONDS, f"{name} took {worst:.2f} s on a 100,000-character input"


def test_officialese_patterns_run_in_linear_time() -> None:
    """The 400 phrases of the officialese list, over the inputs most like words."""
    inputs = {k: HOSTILE[k] for k in ("letters", "words")}
    slow = []
    for name, pattern in _officialese_patterns():
        worst = _worst_time(pattern, {k: v[: N // 10] for k, v in inputs.items()})
        if worst > BUDGET_SECONDS / 2:
            slow.append((name, worst))
    assert not slow


def test_old_email_pattern_would_have_failed() -> None:
    """The check is real: the pattern from before the fix does not finish in the budget."""
    old = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
    assert _run_with_budget(old, {"letters": "a" * N}, budget=0.5) is None


def test_email_pattern_still_finds_addresses() -> None:
    for text in ("Mail naar hulp@zandstad.nl.", "mail: s.devries+brief@gemeente-zandstad.nl"):
        assert findings._EMAIL.search(text)
    assert not findings._EMAIL.search("Stuur het formulier vóór vrijdag.")


def test_frog_never_sees_a_control_sequence() -> None:
    """<utt> stops Frog's tokenizer; our marker and control characters must not reach it."""
    safe = frog_safe("Ik <utt> ga </UTT> naar < utt > huis ||| nu\x03\x04 klaar")
    assert "<" not in safe and ">" not in safe
    assert "|||" not in safe
    assert all(c.isprintable() for c in safe)
    assert "\n" not in frog_safe("twee\nregels\r\n")

"""The analysis pool's size: a number, or "auto" (two Frogs where two cores and the memory are)."""

from __future__ import annotations

from pathlib import Path

import pytest

from doenvermogen.letters.analysis.pool import main
from doenvermogen.settings.machine import letters_pool_size as _letters_pool_size


def _meminfo(tmp_path: Path, available_kib: int) -> str:
    path = tmp_path / "meminfo"
    path.write_text(f"MemTotal:       25165824 kB\nMemAvailable:   {available_kib} kB\n")
    return str(path)


def test_a_number_is_taken_as_it_is(tmp_path: Path) -> None:
    assert _letters_pool_size("1") == 1
    assert _letters_pool_size(" 3 ") == 3
    assert _letters_pool_size("0") == 1


def test_auto_takes_two_frogs_only_with_two_cores_and_4_gib_available(tmp_path: Path) -> None:
    plenty = _meminfo(tmp_path, 20 * 1024 * 1024)
    assert _letters_pool_size("auto", meminfo=plenty, cores=2) == 2
    assert _letters_pool_size("AUTO", meminfo=plenty, cores=8) == 2
    assert _letters_pool_size("auto", meminfo=plenty, cores=1) == 1
    tight = _meminfo(tmp_path, 3 * 1024 * 1024)
    assert _letters_pool_size("auto", meminfo=tight, cores=2) == 1
    assert _letters_pool_size("auto", meminfo=str(tmp_path / "missing"), cores=2) == 1


def test_the_pools_command_takes_the_same_size(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """`python -m doenvermogen.letters.analysis serve` (as `make run` starts it) sizes itself like
    the settings: LETTERS_POOL_SIZE, else "auto"."""
    import doenvermogen.letters.analysis.pool as pool

    sizes: list[int] = []

    class Server:
        def __init__(self, address: str, size: int, secret: str) -> None:
            sizes.append(size)

        def start(self) -> None:
            raise SystemExit(0)

    monkeypatch.setattr(pool, "PoolServer", Server)
    monkeypatch.setenv("LETTERS_POOL_SIZE", "3")
    with pytest.raises(SystemExit):
        main(["serve", "--address", "/tmp/unused.sock"])
    monkeypatch.setenv("LETTERS_POOL_SIZE", "auto")
    with pytest.raises(SystemExit):
        main(["serve", "--address", "/tmp/unused.sock", "--size", "1"])
    monkeypatch.delenv("LETTERS_POOL_SIZE")
    with pytest.raises(SystemExit):
        main(["serve", "--address", "/tmp/unused.sock"])
    assert sizes[:2] == [3, 1]
    assert sizes[2] == _letters_pool_size("auto")

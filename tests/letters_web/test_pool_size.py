"""The analysis pool's size: a number, or "auto" (two Frogs where two cores and the memory are)."""

from __future__ import annotations

from pathlib import Path

from doenvermogen.settings.base import _letters_pool_size


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

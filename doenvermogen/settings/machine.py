"""What the machine can carry, read without Django (the analysis pool's command uses it too)."""

from __future__ import annotations

import os


def letters_pool_size(value: str, meminfo: str = "/proc/meminfo", cores: int | None = None) -> int:
    """Frogs in the letters analysis pool (1.4 GB each): a number, or "auto" (the default of
    LETTERS_POOL_SIZE and of the pool's ``--size``): 2 when the machine has two cores and 4 GiB
    of memory available (a letter that finds both idle is split over them: a 400-word letter
    0.7 s instead of 1.3 s, docs/letters.md), else 1."""
    if value.strip().lower() != "auto":
        return max(1, int(value))
    try:
        with open(meminfo) as lines:
            fields = dict(line.split(":", 1) for line in lines)
        available_kib = int(fields["MemAvailable"].split()[0])
    except (OSError, KeyError, ValueError):
        return 1
    cores = cores or os.cpu_count() or 1
    return 2 if cores >= 2 and available_kib >= 4 * 1024 * 1024 else 1

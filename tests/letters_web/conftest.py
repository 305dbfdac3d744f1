"""A real analysis pool (one warm Frog) for the tests marked `frog`."""

from __future__ import annotations

import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from doenvermogen.letters.analysis import PoolServer, frog_available


@pytest.fixture(scope="session")
def real_pool() -> Iterator[str]:
    """The socket address of a pool with one real Frog, shared by the session."""
    if not frog_available():
        pytest.skip("Frog is not installed (apt-get install frog frogdata)")
    with tempfile.TemporaryDirectory(prefix="pool-") as tmp:
        address = str(Path(tmp) / "pool.sock")
        server = PoolServer(address, size=1)
        server.start()
        threading.Thread(target=server.serve_forever, daemon=True).start()
        yield address
        server.shutdown()

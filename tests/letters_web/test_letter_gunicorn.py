"""The 450-word letter without a full stop, through real gunicorn as docs/admin.md configures
it (sync workers, --timeout 60), with the real analysis pool: a proper JSON answer, not a
killed worker and an HTML 500 (issue 11 item 3).
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from doenvermogen.letters.analysis import PoolClient, frog_available

pytestmark = [
    pytest.mark.frog,
    pytest.mark.skipif(not frog_available(), reason="Frog (Debian package frog) is not installed"),
]

ROOT = Path(__file__).resolve().parents[2]
SENTENCE = (
    "wij hebben geconstateerd dat de betaling van de huur over de maanden september en "
    "oktober ondanks onze eerdere herinnering nog steeds niet door ons is ontvangen en "
    "verzoeken u derhalve het openstaande bedrag alsnog te voldoen "
)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _post(url: str, body: dict, timeout: float = 90.0) -> tuple[int, dict, str]:
    request = urllib.request.Request(
        url,
        data=json.dumps(body).encode(),
        headers={"Content-Type": "application/json", "Authorization": "Bearer gunicorn-test"},
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, json.loads(response.read()), response.headers["Content-Type"]
    except urllib.error.HTTPError as exc:
        return exc.code, json.loads(exc.read()), exc.headers["Content-Type"]


def test_unpunctuated_450_words_through_gunicorn() -> None:
    words = (SENTENCE * 20).split()[:450]
    text = (
        "Geachte heer Jansen,\n\n" + " ".join(words) + "\n\nMet vriendelijke groet,\nSara de Vries"
    )
    with tempfile.TemporaryDirectory(prefix="gunicorn-") as tmp:
        address = str(Path(tmp) / "pool.sock")
        port = _free_port()
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "doenvermogen.settings.test",
            "LETTERS_ANALYZER": "frog",
            "LETTERS_POOL_ADDRESS": address,
            "LETTERS_POOL_AUTOSTART": "0",
            "LETTERS_API_TOKENS": "gunicorn-test",
        }
        pool = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "doenvermogen.letters.analysis",
                "serve",
                "--address",
                address,
                "--size",
                "1",
            ],
            cwd=ROOT,
            env=env,
            start_new_session=True,
        )
        web = subprocess.Popen(
            [
                str(Path(sys.executable).parent / "gunicorn"),
                "doenvermogen.wsgi",
                "--bind",
                f"127.0.0.1:{port}",
                "--workers",
                "2",
                "--timeout",
                "60",
            ],
            cwd=ROOT,
            env=env,
            start_new_session=True,
        )
        try:
            client = PoolClient(address)
            deadline = time.monotonic() + 120
            while time.monotonic() < deadline:
                if client.alive() and client.ping()["ready"] >= 1:
                    break
                time.sleep(0.5)
            else:
                pytest.fail("the analysis pool did not start")
            begin = time.monotonic()
            status, data, content_type = _post(
                f"http://127.0.0.1:{port}/letters/api/check", {"text": text}
            )
            elapsed = time.monotonic() - begin
            assert content_type == "application/json"
            assert elapsed < 60, "the answer came before gunicorn's timeout"
            if status == 200:
                long = [f for f in data["findings"] if f["code"] == "long_sentence"]
                assert len(long) == 1 and "45" in long[0]["message"]
                assert 0 <= data["readability"]["flesch_douma"] <= 100
            else:  # a very busy machine: the documented JSON error, never an HTML 500
                assert status == 503 and data["error"]["code"] == "analysis_timeout"
            # The web workers are still alive and answer the next letter.
            status, data, _ = _post(
                f"http://127.0.0.1:{port}/letters/api/check",
                {"text": "Beste Noor,\n\nWil je mij vrijdag bellen?\n\nGroet,\nFatima Bakker"},
            )
            assert status == 200 and data["words"] > 5
        finally:
            for proc in (web, pool):
                os.killpg(proc.pid, signal.SIGTERM)
            for proc in (web, pool):
                try:
                    proc.wait(10)
                except subprocess.TimeoutExpired:
                    os.killpg(proc.pid, signal.SIGKILL)

"""Frog runs only in the analysis pool: the page waits briefly and then polls, the API answers
JSON in every failure, and a web process never starts a Frog (issue 11 item 3, issue 14 item 4).

A pool with a fake Frog (instant or slow) runs in a thread on a temporary socket; the real
Frog behind real gunicorn is in test_letter_gunicorn.py.
"""

from __future__ import annotations

import json
import tempfile
import threading
import time
from pathlib import Path

import pytest
from django.urls import reverse

from doenvermogen.letters.analysis import AnalyzerError, PoolClient, PoolServer, frog
from doenvermogen.letters.analysis.analyzers import MAX_FROG_WORDS

pytestmark = pytest.mark.django_db

KIND = (
    "Beste Noor,\n\nWil je mij vóór vrijdag 5 december bellen? Dan maken we samen een plan. "
    "Lukt betalen nu niet? Bel mij, dan zoeken we samen een oplossing.\n\n"
    "Groet,\nFatima Bakker\nTelefoon 06-12345678"
)


class FakeFrog:
    """Answers like Frog (one sentence per segment, a flat parse); optionally slow."""

    def __init__(self, delay: float = 0.0, gate: threading.Event | None = None) -> None:
        self.delay = delay
        self.gate = gate
        self.calls: list[list[str]] = []

    def start(self) -> None:
        pass

    def process(self, segments, timeout=None) -> str:  # type: ignore[no-untyped-def]
        self.calls.append(list(segments))
        if self.gate is not None:
            self.gate.wait(10)
        time.sleep(self.delay)
        lines = []
        for segment in segments:
            for i, word in enumerate(segment.split(), start=1):
                tag = "LET()" if not any(c.isalnum() for c in word) else "N(soort,ev)"
                lines.append(
                    f"{i}\t{word}\t{word.lower()}\t\t{tag}\t1.0\tO\t\t{0 if i == 1 else 1}\t"
                )
            lines.append("")
        return "\n".join(lines) + "\n"


@pytest.fixture()
def socket_path():  # type: ignore[no-untyped-def]
    with tempfile.TemporaryDirectory(prefix="pool-") as tmp:
        yield str(Path(tmp) / "pool.sock")


def _serve(address: str, fake: FakeFrog) -> PoolServer:
    server = PoolServer(address, size=1, frog_factory=lambda: fake)
    server.start()
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


@pytest.fixture()
def pool(settings, socket_path):  # type: ignore[no-untyped-def]
    """A running pool with a fast fake Frog; the settings point at it."""
    fake = FakeFrog()
    server = _serve(socket_path, fake)
    settings.LETTERS_ANALYZER = "frog"
    settings.LETTERS_POOL_ADDRESS = socket_path
    settings.LETTERS_POOL_AUTOSTART = False
    yield fake
    server.shutdown()


@pytest.fixture()
def slow_pool(settings, socket_path):  # type: ignore[no-untyped-def]
    """A pool whose Frog waits until the test opens the gate."""
    gate = threading.Event()
    fake = FakeFrog(gate=gate)
    server = _serve(socket_path, fake)
    settings.LETTERS_ANALYZER = "frog"
    settings.LETTERS_POOL_ADDRESS = socket_path
    settings.LETTERS_POOL_AUTOSTART = False
    settings.LETTERS_WAIT_SECONDS = 0.2
    settings.LETTERS_API_WAIT_SECONDS = 0.3
    yield gate
    gate.set()
    server.shutdown()


def test_page_gets_the_report_from_the_pool_and_never_starts_frog(client, world, pool, monkeypatch):
    def no_frog_here(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise AssertionError("the web process must not start a Frog")

    monkeypatch.setattr(frog, "get_frog_analyzer", no_frog_here)
    monkeypatch.setattr(frog.FrogProcess, "start", no_frog_here)
    monkeypatch.setattr(frog.FrogProcess, "_start", no_frog_here)
    client.force_login(world.pro_a)
    response = client.post(reverse("letters:check"), {"text": KIND})
    assert response.status_code == 200
    report = response.context["report"]
    assert report.analyzer == "frog" and report.words > 20
    assert pool.calls, "the letter went to the pool"


def test_slow_check_shows_progress_and_the_page_polls(client, world, slow_pool):
    client.force_login(world.pro_a)
    response = client.post(reverse("letters:check"), {"text": KIND})
    assert response.status_code == 200 and "report" not in response.context
    job = response.context["job"]
    body = response.content.decode()
    url = reverse("letters:result", args=[job])
    assert f'hx-get="{url}"' in body and 'hx-trigger="load delay:1s"' in body
    assert "Fatima Bakker" in body  # what was typed stays in the box
    pending = client.get(url, headers={"HX-Request": "true"})
    assert pending.status_code == 200 and f'hx-get="{url}"' in pending.content.decode()
    slow_pool.set()
    done = client.get(url, headers={"HX-Request": "true"})
    assert done.status_code == 200
    assert done.context["report"].words > 20
    assert "<html" not in done.content.decode()  # a fragment for htmx
    # Delivered once, then forgotten: the pool keeps nothing.
    assert client.get(url).status_code == 404


def test_another_user_cannot_read_a_job(client, world, slow_pool):
    client.force_login(world.pro_a)
    job = client.post(reverse("letters:check"), {"text": KIND}).context["job"]
    client.force_login(world.pro_b)
    assert client.get(reverse("letters:result", args=[job])).status_code == 404


def test_api_times_out_with_json_not_a_hang(client, world, slow_pool, settings):
    settings.LETTERS_API_TOKENS = ["t"]
    response = client.post(
        reverse("letters:api_check"),
        json.dumps({"text": KIND}),
        content_type="application/json",
        headers={"Authorization": "Bearer t"},
    )
    assert response.status_code == 503
    assert response.json()["error"]["code"] == "analysis_timeout"
    assert response["Retry-After"] == "60"


def test_no_pool_gives_a_plain_message_and_json(client, world, settings, socket_path):
    settings.LETTERS_ANALYZER = "frog"
    settings.LETTERS_POOL_ADDRESS = socket_path  # nothing listens there
    settings.LETTERS_POOL_AUTOSTART = False
    settings.LETTERS_API_TOKENS = ["t"]
    client.force_login(world.pro_a)
    response = client.post(reverse("letters:check"), {"text": KIND})
    assert response.status_code == 200
    assert "Fatima Bakker" in response.content.decode()
    assert response.context["form"].non_field_errors()
    response = client.post(
        reverse("letters:api_check"),
        json.dumps({"text": KIND}),
        content_type="application/json",
        headers={"Authorization": "Bearer t"},
    )
    assert response.status_code == 503
    assert response.json()["error"]["code"] == "analysis_unavailable"


def test_api_answers_json_for_a_wrong_method_and_an_unexpected_error(
    client, world, pool, settings, monkeypatch
):
    url = reverse("letters:api_check")
    response = client.get(url)
    assert response.status_code == 405 and response.json()["error"]["code"]
    from doenvermogen.letters import services

    def broken(**kwargs):  # type: ignore[no-untyped-def]
        raise RuntimeError("a bug")

    monkeypatch.setattr(services, "letter_check_start", broken)
    settings.LETTERS_API_TOKENS = ["t"]
    response = client.post(
        url,
        json.dumps({"text": KIND}),
        content_type="application/json",
        headers={"Authorization": "Bearer t"},
    )
    assert response.status_code == 500
    assert response["Content-Type"] == "application/json"
    assert set(response.json()["error"]) == {"code", "message"}


def test_pasted_html_is_turned_into_text_with_a_notice(client, world, pool):
    client.force_login(world.pro_a)
    html = "<html><body>" + "".join(f"<p>{p}</p>" for p in KIND.split("\n\n")) + "</body></html>"
    response = client.post(reverse("letters:check"), {"text": html})
    report = response.context["report"]
    assert "<p>" not in report.text and "Fatima Bakker" in report.text
    assert report.notices and "HTML" in response.content.decode()


def test_an_over_long_sentence_reaches_frog_in_pieces_and_is_one_finding(client, world, pool):
    client.force_login(world.pro_a)
    words = (
        "wij hebben uw betaling van de huur voor de maand oktober nog niet ontvangen en " * 40
    ).split()
    text = "Beste meneer Jansen,\n\n" + " ".join(words[:450]) + "\n\nGroet,\nSara de Vries"
    report = client.post(reverse("letters:check"), {"text": text}).context["report"]
    assert all(len(seg.split()) <= MAX_FROG_WORDS for call in pool.calls for seg in call)
    long = [f for f in report.findings if f.code == "long_sentence"]
    assert len(long) == 1 and "450" in long[0].message
    assert 0.0 <= report.readability.flesch_douma <= 100.0


def test_pool_delivers_a_result_once_and_refuses_unknown_jobs(socket_path):
    server = _serve(socket_path, FakeFrog())
    try:
        client = PoolClient(socket_path)
        assert client.ping()["size"] == 1
        job = client.submit(["Dit is een zin ."], payload="x")
        answer = client.result(job, wait=5)
        assert answer["status"] == "done" and answer["payload"] == "x"
        with pytest.raises(AnalyzerError):
            client.result(job, wait=0)
        with pytest.raises(AnalyzerError):
            client.result("not-a-job", wait=0)
    finally:
        server.shutdown()


def test_tcp_pool_requires_the_secret():
    server = PoolServer("127.0.0.1:0", size=1, secret="s3cret", frog_factory=FakeFrog)
    server.start()
    port = server._server.server_address[1]  # type: ignore[union-attr]
    server.address = f"127.0.0.1:{port}"
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        with pytest.raises(AnalyzerError):
            PoolClient(f"127.0.0.1:{port}").ping()
        assert PoolClient(f"127.0.0.1:{port}", secret="s3cret").ping()["ok"]
    finally:
        server.shutdown()


def test_pool_answers_a_burst_of_clients_at_once(socket_path):
    """40 clients connect at the same moment (the listen backlog was 5: EAGAIN, 'not reachable')."""
    server = _serve(socket_path, FakeFrog())
    start = threading.Barrier(40)
    answers: list[int] = []
    errors: list[Exception] = []

    def client() -> None:
        start.wait(10)
        try:
            answers.append(PoolClient(socket_path).ping()["size"])
        except AnalyzerError as exc:
            errors.append(exc)

    try:
        threads = [threading.Thread(target=client) for _ in range(40)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(20)
        assert not errors and len(answers) == 40
    finally:
        server.shutdown()

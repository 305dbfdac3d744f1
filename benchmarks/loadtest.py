"""`make loadtest`: locust against gunicorn (production settings) on loopback, figures to docs.

    .venv/bin/python benchmarks/loadtest.py --database postgres://postgres@127.0.0.1:5432/bench \
        --users 20 --seconds 120 --label "100k clients"

The database must hold ``manage.py bench_data`` (and, for comparisons, run it once on the demo
database and once on the grown one). Starts gunicorn with 2 sync workers on 127.0.0.1:8765 with
production settings over plain HTTP (TLS off, as behind a proxy), makes 50 personal links for the
client users, runs locust headless for a bounded time and prints median / p95 per page as a
Markdown table (``--out FILE`` appends it). Only loopback traffic; it stops by itself.
"""

from __future__ import annotations

import argparse
import csv
import datetime
import os
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PY = sys.executable


def _env(database: str, extra: dict[str, str]) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="benchmarks.loadtest_settings",
        DATABASE_URL=database,
        SECRET_KEY="loadtest-" + "k3y!" * 16,
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SECURE_SSL_REDIRECT="false",
        SECURE_HSTS_SECONDS="0",
        SESSION_COOKIE_SECURE="false",
        CSRF_COOKIE_SECURE="false",
        DB_CONN_MAX_AGE="60",
        SITE_URL="http://127.0.0.1:8765",
        LETTERS_ANALYZER="simple",
        PYTHONPATH=str(ROOT),
    )
    env.update(extra)
    return env


def _links(env: dict[str, str], count: int, path: Path) -> None:
    code = f"""
import django; django.setup()
from doenvermogen.cases.models import Client
from doenvermogen.accounts.models import User
from doenvermogen.clientaccess import services
author = User.objects.filter(email__endswith='@bench.invalid').first()
lines = []
for client in Client.objects.filter(organisation__name='Benchmark (synthetisch)')[:{count}]:
    link, token = services.client_link_create(client=client, author=author)
    lines.append('/l/' + token + '/')
open({str(path)!r}, 'w').write('\\n'.join(lines))
"""
    subprocess.run([PY, "-c", code], env=env, cwd=ROOT, check=True)


def _wait(url: str, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=2)
            return
        except Exception:
            time.sleep(0.5)
    raise SystemExit(f"gunicorn did not answer at {url}")


def start_gunicorn(
    env: dict[str, str], *, bind: str, workers: int, log_path: Path
) -> subprocess.Popen:
    """gunicorn with ``workers`` sync workers on ``bind``; its output to ``log_path``."""
    log = open(log_path, "w")  # noqa: SIM115 - open for the server's lifetime
    return subprocess.Popen(
        [
            str(Path(PY).parent / "gunicorn"),
            "doenvermogen.wsgi",
            "-b",
            bind,
            "-w",
            str(workers),
            "--timeout",
            "60",
            "--access-logfile",
            "-",
            "--access-logformat",
            "%(m)s %(U)s %(s)s %(M)sms",
        ],
        env=env,
        cwd=ROOT,
        stdout=log,
        stderr=subprocess.STDOUT,
    )


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def run_locust(
    *,
    host: str,
    links: Path,
    teams: int,
    users: int,
    spawn_rate: float,
    seconds: int,
    csv_prefix: Path,
) -> list[dict[str, str]]:
    """Locust headless for ``seconds``; the rows of its stats CSV (per page, then Aggregated)."""
    locust_env = dict(os.environ, LOADTEST_CLIENT_LINKS=str(links), LOADTEST_TEAMS=str(teams))
    subprocess.run(
        [
            str(Path(PY).parent / "locust"),
            "-f",
            str(ROOT / "benchmarks" / "locustfile.py"),
            "--headless",
            "-u",
            str(users),
            "-r",
            str(spawn_rate),
            "-t",
            f"{seconds}s",
            "--host",
            host,
            "--csv",
            str(csv_prefix),
            "--only-summary",
        ],
        env=locust_env,
        cwd=ROOT,
        check=False,
        timeout=seconds + 120,
    )
    with open(f"{csv_prefix}_stats.csv", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def table(rows: list[dict[str, str]], title: str) -> str:
    lines = [
        f"\n#### {title}\n",
        "| page | requests | failures | median ms | p95 ms |",
        "|---|---|---|---|---|",
    ]
    for row in rows:
        lines.append(
            f"| {row['Name']} | {row['Request Count']} | {row['Failure Count']} | "
            f"{row['50%']} | {row['95%']} |"
        )
    return "\n".join(lines) + "\n"


def compare_table(passes: dict[str, list[dict[str, str]]], title: str) -> str:
    """Median / p95 per page for each pass, and the log's share of p95 (on vs off)."""
    names = [row["Name"] for row in passes["off"]]
    by = {label: {row["Name"]: row for row in rows} for label, rows in passes.items()}
    head = " | ".join(f"{label} median / p95" for label in passes)
    shares = [label for label in passes if label != "off"]
    lines = [
        f"\n#### {title}\n",
        f"| page | {head} | " + " | ".join(f"share of p95, {label}" for label in shares) + " |",
        "|---|" + "---|" * (len(passes) + len(shares)),
    ]
    for name in names:
        cells = []
        for label in passes:
            row = by[label].get(name)
            cells.append(f"{row['50%']} / {row['95%']}" if row else "–")
        off = float(by["off"][name]["95%"] or 0)
        for label in shares:
            row = by[label].get(name)
            p95 = float(row["95%"] or 0) if row else 0
            cells.append(f"{(p95 - off) / p95 * 100:.0f} %" if p95 else "–")
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--database", default=os.environ.get("DATABASE_URL", ""))
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--spawn-rate", type=float, default=5)
    parser.add_argument("--seconds", type=int, default=120)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--teams", type=int, default=50, help="teams made by bench_data")
    parser.add_argument("--label", default="")
    parser.add_argument("--out", default="")
    parser.add_argument("--env", action="append", default=[], help="NAME=VALUE for the server")
    parser.add_argument(
        "--beside",
        metavar="DATABASE_URL",
        help="at the same time, the same scenario against a second server on this database "
        "(e.g. the small one): both see the same machine load; prints both and the ratios",
    )
    parser.add_argument("--beside-teams", type=int, default=1, help="teams in --beside")
    parser.add_argument(
        "--compare-access-log",
        action="store_true",
        help="three passes of --seconds each, one server after the other on the same data: "
        "the log as configured, with ACCESS_LOG_ASYNC_COMMIT, and left out",
    )
    args = parser.parse_args()
    if not args.database:
        raise SystemExit("--database (or DATABASE_URL) is required")
    extra = dict(item.split("=", 1) for item in args.env)
    env = _env(args.database, extra)
    work = Path(tempfile.mkdtemp(prefix="dv-loadtest-"))
    links = work / "links.txt"
    subprocess.run(
        [PY, "manage.py", "collectstatic", "--noinput", "-v0"], env=env, cwd=ROOT, check=True
    )
    _links(env, 50, links)
    if args.beside:
        beside(args, env, links, work)
        return
    if args.compare_access_log:
        passes_env = {
            "sync": {"ACCESS_LOG_ASYNC_COMMIT": "false"},
            "async": {"ACCESS_LOG_ASYNC_COMMIT": "true"},
            "off": {"LOADTEST_ACCESS_LOG": "off"},
        }
    else:
        passes_env = {"run": {}}
    passes: dict[str, list[dict[str, str]]] = {}
    load_before = os.getloadavg()[0]
    for label, more in passes_env.items():
        server = start_gunicorn(
            {**env, **more},
            bind="127.0.0.1:8765",
            workers=args.workers,
            log_path=work / f"gunicorn-{label}.log",
        )
        try:
            _wait("http://127.0.0.1:8765/accounts/login/")
            passes[label] = run_locust(
                host="http://127.0.0.1:8765",
                links=links,
                teams=args.teams,
                users=args.users,
                spawn_rate=args.spawn_rate,
                seconds=args.seconds,
                csv_prefix=work / label,
            )
        finally:
            stop(server)
    title = (
        f"{args.label or 'run'} — {datetime.date.today()}, {args.users} users, "
        f"{args.seconds} s, {args.workers} gunicorn workers, load average "
        f"{load_before:.1f} before, {os.getloadavg()[0]:.1f} after"
    )
    if args.compare_access_log:
        text = compare_table(passes, title + " (access log: as set, async commit, off)")
    else:
        text = table(passes["run"], title)
    print(text)
    if args.out:
        with open(args.out, "a", encoding="utf-8") as handle:
            handle.write(text)
    print(f"(raw: {work})")


def beside(args, env: dict[str, str], links: Path, work: Path) -> None:
    """Two servers (this database on 8765, ``--beside`` on 8766) under two locusts at once."""
    import threading

    other_env = _env(args.beside, dict(item.split("=", 1) for item in args.env))
    other_env["SITE_URL"] = "http://127.0.0.1:8766"
    other_links = work / "links-beside.txt"
    _links(other_env, 50, other_links)
    servers = [
        start_gunicorn(env, bind="127.0.0.1:8765", workers=args.workers,
                       log_path=work / "gunicorn-main.log"),
        start_gunicorn(other_env, bind="127.0.0.1:8766", workers=args.workers,
                       log_path=work / "gunicorn-beside.log"),
    ]  # fmt: skip
    results: dict[str, list[dict[str, str]]] = {}
    load_before = os.getloadavg()[0]
    try:
        _wait("http://127.0.0.1:8765/accounts/login/")
        _wait("http://127.0.0.1:8766/accounts/login/")
        runs = {
            "main": ("http://127.0.0.1:8765", links, args.teams),
            "beside": ("http://127.0.0.1:8766", other_links, args.beside_teams),
        }

        def one(name: str) -> None:
            host, link_file, teams = runs[name]
            results[name] = run_locust(
                host=host, links=link_file, teams=teams, users=args.users,
                spawn_rate=args.spawn_rate, seconds=args.seconds, csv_prefix=work / name,
            )  # fmt: skip

        threads = [threading.Thread(target=one, args=(name,)) for name in runs]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        for server in servers:
            stop(server)
    main_rows = {row["Name"]: row for row in results["main"]}
    lines = [
        f"\n#### {args.label or 'run'} beside {args.beside.rsplit('/', 1)[-1]} — "
        f"{datetime.date.today()}, {args.users} + {args.users} users at once, {args.seconds} s, "
        f"2 × {args.workers} gunicorn workers, load average {load_before:.1f} before, "
        f"{os.getloadavg()[0]:.1f} after\n",
        "| page | beside: median / p95 ms | this: median / p95 ms | ratio of medians | "
        "ratio of p95 |",
        "|---|---|---|---|---|",
    ]
    for row in results["beside"]:
        mine = main_rows.get(row["Name"])
        if not mine:
            continue
        b50, b95 = float(row["50%"] or 0), float(row["95%"] or 0)
        m50, m95 = float(mine["50%"] or 0), float(mine["95%"] or 0)
        lines.append(
            f"| {row['Name']} | {row['50%']} / {row['95%']} | {mine['50%']} / {mine['95%']} | "
            f"{m50 / b50 if b50 else 0:.1f} | {m95 / b95 if b95 else 0:.1f} |"
        )
    text = "\n".join(lines) + "\n"
    print(text)
    if args.out:
        with open(args.out, "a", encoding="utf-8") as handle:
            handle.write(text)
    print(f"(raw: {work})")


if __name__ == "__main__":
    main()

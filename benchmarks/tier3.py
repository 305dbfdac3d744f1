"""Tier 3 on one machine: nginx in front of two gunicorns, RQ workers, an analysis worker, and
(optionally) a PostgreSQL streaming replica for reports — then the locust scenario through nginx.

    .venv/bin/python benchmarks/tier3.py --database postgres://postgres@127.0.0.1:5432/bench \\
        [--replica-dir /work/tmp/replica] [--users 20] [--seconds 120]

Needs nginx (Debian package ``nginx``; a benchmark tool, not a project dependency) and Redis on
127.0.0.1:6379 (database ``--redis-db``, 14, emptied first). Everything runs on loopback, on
free ports, from a temporary directory, in the foreground of this script, and is stopped at the
end (also on Ctrl-C):

- nginx (``daemon off``) on a free port: ``/static/`` from ``collectstatic``'s directory, the
  rest to the two gunicorns (``least_conn``, keep-alive);
- two gunicorn instances (``--workers-per-instance`` sync workers each, production settings),
  ``TASKS_BACKEND=rq``;
- two RQ workers (``manage.py rqworker default --job-class django_tasks_rq.Job``);
- one letters analysis worker (``python -m doenvermogen.letters.analysis serve --size 1``; with
  Frog when /usr/bin/frog exists, else the simple analyser);
- with ``--replica-dir``: ``pg_basebackup -R`` of the 127.0.0.1:5432 cluster into that directory
  (once; a replication slot keeps it in step), started with ``pg_ctl`` on port 5433 as user
  postgres; the gunicorns get ``DATABASE_REPLICA_URL`` so the team meeting and research exports
  read from it (``doenvermogen.core.db_router``). ``--drop-replica`` stops it, removes the
  directory and drops the slot afterwards (a slot left behind keeps WAL on the primary forever).
  The primary must admit replication connections: a line
  ``host replication postgres 127.0.0.1/32 trust`` in its pg_hba.conf and
  ``SELECT pg_reload_conf()`` (this script does not change the primary's configuration).

Prints the locust table (median / p95 per page) and the largest web worker's memory.
"""

from __future__ import annotations

import argparse
import datetime
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

sys.path.insert(0, str(Path(__file__).resolve().parent))

from loadtest import (  # noqa: E402 - a sibling script, not a package
    PY,
    ROOT,
    _env,
    _links,
    _wait,
    run_locust,
    start_gunicorn,
    stop,
    table,
)

PG_BIN = Path("/usr/lib/postgresql/15/bin")
SLOT = "dv_tier3_replica"
NGINX_CONF = """
user root;
worker_processes 1;
pid {work}/nginx.pid;
error_log {work}/nginx-error.log warn;
events {{ worker_connections 1024; }}
http {{
    include /etc/nginx/mime.types;
    access_log off;
    client_body_temp_path {work}/body;
    proxy_temp_path {work}/proxy;
    fastcgi_temp_path {work}/fastcgi;
    uwsgi_temp_path {work}/uwsgi;
    scgi_temp_path {work}/scgi;
    client_max_body_size 6m;
    upstream app {{
        least_conn;
        server 127.0.0.1:{app1};
        server 127.0.0.1:{app2};
        keepalive 16;
    }}
    server {{
        listen 127.0.0.1:{port};
        location /static/ {{
            alias {static}/;
            expires 1h;
            gzip_static on;
        }}
        location / {{
            proxy_pass http://app;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host $host;
            proxy_set_header X-Forwarded-For $remote_addr;
            proxy_read_timeout 60s;
        }}
    }}
}}
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _as_postgres(*command: str, check: bool = True) -> subprocess.CompletedProcess:
    return subprocess.run(["runuser", "-u", "postgres", "--", *command], check=check)


def _psql(sql: str) -> None:
    subprocess.run(
        ["psql", "-h", "127.0.0.1", "-U", "postgres", "-qAtc", sql], check=False
    )  # fmt: skip


def make_replica(directory: Path) -> None:
    """A streaming replica of the 127.0.0.1:5432 cluster in ``directory`` (once)."""
    if (directory / "standby.signal").exists():
        return
    directory.parent.mkdir(parents=True, exist_ok=True)
    shutil.chown(directory.parent, "postgres")
    _psql(f"SELECT pg_drop_replication_slot('{SLOT}') WHERE EXISTS (SELECT 1 FROM "
          f"pg_replication_slots WHERE slot_name = '{SLOT}')")  # fmt: skip
    started = time.monotonic()
    _as_postgres(
        str(PG_BIN / "pg_basebackup"), "-h", "127.0.0.1", "-U", "postgres", "-D", str(directory),
        "-R", "-X", "stream", "-C", "-S", SLOT, "-c", "fast",
    )  # fmt: skip
    # Debian keeps the configuration in /etc: give the copy its own, minimal one.
    (directory / "postgresql.conf").write_text(
        "port = 5433\nlisten_addresses = '127.0.0.1'\nhot_standby = on\n"
        "unix_socket_directories = '/tmp'\nshared_buffers = 128MB\nmax_connections = 100\n"
        "max_standby_streaming_delay = 30s\nhot_standby_feedback = on\n"
    )
    (directory / "pg_hba.conf").write_text("local all all trust\nhost all all 127.0.0.1/32 trust\n")
    (directory / "pg_ident.conf").write_text("")
    for name in ("postgresql.conf", "pg_hba.conf", "pg_ident.conf"):
        shutil.chown(directory / name, "postgres")
    print(f"replica copied in {time.monotonic() - started:.0f} s")


def start_replica(directory: Path) -> None:
    _as_postgres(
        str(PG_BIN / "pg_ctl"), "-D", str(directory), "-l", str(directory / "replica.log"),
        "-w", "start",
    )  # fmt: skip


def stop_replica(directory: Path, *, drop: bool) -> None:
    _as_postgres(str(PG_BIN / "pg_ctl"), "-D", str(directory), "-m", "fast", "-w", "stop",
                 check=False)  # fmt: skip
    if drop:
        shutil.rmtree(directory, ignore_errors=True)
        _psql(f"SELECT pg_drop_replication_slot('{SLOT}')")


def replica_lag() -> str:
    out = subprocess.run(
        ["psql", "-h", "127.0.0.1", "-U", "postgres", "-qAtc",
         "SELECT coalesce(replay_lag::text, '0') FROM pg_stat_replication LIMIT 1"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    return out.stdout.strip() or "?"


def rss_mb(pids: list[int]) -> float:
    import psutil

    most = 0.0
    for pid in pids:
        try:
            for child in psutil.Process(pid).children(recursive=True):
                most = max(most, child.memory_info().rss / 2**20)
        except psutil.NoSuchProcess:
            continue
    return most


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--database", default=os.environ.get("DATABASE_URL", ""))
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--spawn-rate", type=float, default=5)
    parser.add_argument("--seconds", type=int, default=120)
    parser.add_argument("--workers-per-instance", type=int, default=1)
    parser.add_argument("--teams", type=int, default=50, help="teams made by bench_data")
    parser.add_argument("--redis-db", type=int, default=14)
    parser.add_argument("--replica-dir", type=Path, help="make/start a streaming replica here")
    parser.add_argument("--drop-replica", action="store_true", help="remove it afterwards")
    parser.add_argument("--label", default="tier 3")
    parser.add_argument("--out", default="")
    args = parser.parse_args()
    if not args.database:
        raise SystemExit("--database (or DATABASE_URL) is required")
    if not shutil.which("nginx") and not Path("/usr/sbin/nginx").exists():
        raise SystemExit("nginx is not installed (apt-get install nginx: a benchmark tool only)")
    work = Path(tempfile.mkdtemp(prefix="dv-tier3-"))
    port, app1, app2 = free_port(), free_port(), free_port()
    host = f"http://127.0.0.1:{port}"
    redis_url = f"redis://127.0.0.1:6379/{args.redis_db}"
    frog = Path("/usr/bin/frog").exists()
    extra = {
        "SITE_URL": host,
        "TASKS_BACKEND": "rq",
        "REDIS_URL": redis_url,
        "LETTERS_ANALYZER": "frog" if frog else "simple",
        "LETTERS_POOL_ADDRESS": str(work / "letters.sock"),
        "LETTERS_POOL_AUTOSTART": "false",
        "LETTERS_POOL_SECRET": "tier3-" + "s3cr3t" * 6,
    }
    if args.replica_dir:
        url = urlsplit(args.database)
        replica = url._replace(netloc=url.netloc.replace(f":{url.port}", ":5433"))
        extra["DATABASE_REPLICA_URL"] = urlunsplit(replica)
    env = _env(args.database, extra)
    subprocess.run(
        [PY, "manage.py", "collectstatic", "--noinput", "-v0"], env=env, cwd=ROOT, check=True
    )
    static = ROOT / "var" / "static"  # STATIC_ROOT
    links = work / "links.txt"
    _links(env, 50, links)
    subprocess.run(
        [PY, "-c", "import redis,sys; redis.Redis.from_url(sys.argv[1]).flushdb()", redis_url],
        check=True,
    )
    (work / "nginx.conf").write_text(
        NGINX_CONF.format(work=work, app1=app1, app2=app2, port=port, static=static)
    )
    processes: list[subprocess.Popen] = []

    def spawn(name: str, command: list[str]) -> subprocess.Popen:
        log = open(work / f"{name}.log", "w")  # noqa: SIM115 - open for the process' lifetime
        process = subprocess.Popen(
            command, env=env, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT
        )  # fmt: skip
        processes.append(process)
        return process

    replica_started = False
    try:
        if args.replica_dir:
            make_replica(args.replica_dir)
            start_replica(args.replica_dir)
            replica_started = True
        gunicorns = [
            start_gunicorn(env, bind=f"127.0.0.1:{p}", workers=args.workers_per_instance,
                           log_path=work / f"gunicorn-{p}.log")
            for p in (app1, app2)
        ]  # fmt: skip
        processes.extend(gunicorns)
        for n in (1, 2):
            spawn(f"rq-{n}", [PY, "manage.py", "rqworker", "default", "--job-class",
                              "django_tasks_rq.Job", "--with-scheduler"])  # fmt: skip
        spawn("analysis", [PY, "-m", "doenvermogen.letters.analysis", "serve", "--address",
                           str(work / "letters.sock"), "--size", "1"])  # fmt: skip
        spawn("nginx", ["nginx", "-p", str(work), "-c", str(work / "nginx.conf"),
                        "-g", "daemon off;"])  # fmt: skip
        _wait(f"http://127.0.0.1:{app1}/accounts/login/")
        _wait(f"http://127.0.0.1:{app2}/accounts/login/")
        _wait(f"{host}/accounts/login/")
        load_before = os.getloadavg()[0]
        rows = run_locust(
            host=host,
            links=links,
            teams=args.teams,
            users=args.users,
            spawn_rate=args.spawn_rate,
            seconds=args.seconds,
            csv_prefix=work / "tier3",
        )
        memory = rss_mb([g.pid for g in gunicorns])
        lag = replica_lag() if replica_started else "no replica"
        stopped = [" ".join(map(str, p.args[:4])) for p in processes if p.poll() is not None]
    finally:
        for process in reversed(processes):
            stop(process)
        if replica_started:
            stop_replica(args.replica_dir, drop=args.drop_replica)
    title = (
        f"{args.label} — {datetime.date.today()}, {args.users} users, {args.seconds} s: nginx, "
        f"2 gunicorns × {args.workers_per_instance} worker(s), 2 RQ workers, 1 analysis worker"
        f"{', read replica for reports' if args.replica_dir else ''}; load average "
        f"{load_before:.1f} before, {os.getloadavg()[0]:.1f} after"
    )
    text = table(rows, title) + (
        f"\nlargest web worker: {memory:.0f} MB RSS; replica replay lag at the end: {lag}\n"
    )
    if stopped:
        text += f"processes that had stopped before the end: {stopped}\n"
    print(text)
    if args.out:
        with open(args.out, "a", encoding="utf-8") as handle:
            handle.write(text)
    print(f"(raw: {work})")


if __name__ == "__main__":
    main()

"""Benchmark: one database task worker dispatches N due reminders (run on demand, not in the suite).

    .venv/bin/python benchmarks/reminders_bench.py [--count 10000]            # SQLite (temp file)
    .venv/bin/python benchmarks/reminders_bench.py --postgres postgres://postgres@127.0.0.1:5432
    .venv/bin/python benchmarks/reminders_bench.py --postgres postgres://postgres@127.0.0.1:5432 \
        --rq redis://127.0.0.1:6379/15 --workers 2                    # TASKS_BACKEND=rq

Makes N clients with consent and an e-mail address, each with one reminder whose delivery is due,
enqueues the one dispatch task for their minute (as `reminder_create` does through a dispatch
slot), then starts `--workers` (default 1) `manage.py db_worker --batch` processes and times them
until the queue is empty. The dispatch fans out into batch tasks (REMINDERS_BATCH_SIZE, 100).
E-mail is rendered and handed to Django's in-memory backend (no SMTP). Checks that every
delivery was sent once.

With ``--rq REDIS_URL`` the tasks go through RQ on Redis (``TASKS_BACKEND=rq``, the queue is
emptied first, so use a Redis database of its own): the dispatch runs in this process and queues
its batch tasks on Redis, then ``--workers`` ``manage.py rqworker --burst`` processes share them
and stop when the queue is empty.
"""

from __future__ import annotations

import argparse
import datetime
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PY = str(ROOT / ".venv" / "bin" / "python")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--postgres", help="server URL without database, e.g. postgres://u@h:5432")
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--rq", metavar="REDIS_URL", help="run the tasks on RQ (TASKS_BACKEND=rq)")
    args = parser.parse_args()
    if args.postgres:
        import psycopg

        name = "dv_bench_reminders"  # also in BackendCpu below
        with psycopg.connect(args.postgres + "/postgres", autocommit=True) as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {name}")
            conn.execute(f"CREATE DATABASE {name}")
        url = f"{args.postgres}/{name}"
    else:
        url = f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3"
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "DJANGO_SETTINGS_MODULE": "benchmarks.reminders_settings",
        "PYTHONPATH": str(ROOT),
    }
    if args.rq:
        env.update(TASKS_BACKEND="rq", REDIS_URL=args.rq)
    os.environ.update(env)
    subprocess.run([PY, "manage.py", "migrate", "-v0"], cwd=ROOT, env=env, check=True)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.db import transaction
    from django.utils import timezone

    from doenvermogen.accounts.models import Membership, Organisation, Team, User
    from doenvermogen.cases.models import Client, Consent, Trajectory
    from doenvermogen.reminders.models import Delivery, Reminder
    from doenvermogen.reminders.tasks import dispatch_due_deliveries

    n = args.count
    t0 = time.perf_counter()
    with transaction.atomic():
        org = Organisation.objects.create(name="Bench")
        team = Team.objects.create(organisation=org, name="Bench")
        pro = User.objects.create_user(email="pro@bench.invalid", name="Pro")
        Membership.objects.create(user=pro, organisation=org, team=team, role="professional")
        clients = Client.objects.bulk_create(
            Client(organisation=org, display_name=f"C{i}", email=f"c{i}@example.org")
            for i in range(n)
        )
        Consent.objects.bulk_create(
            Consent(client=c, purpose=Consent.Purpose.REMINDERS, recorded_by=pro) for c in clients
        )
        trajectories = Trajectory.objects.bulk_create(
            Trajectory(client=c, organisation=org, team=team, kind="other") for c in clients
        )
        due = timezone.now() - datetime.timedelta(seconds=5)
        reminders = Reminder.objects.bulk_create(
            Reminder(
                client=t.client,
                trajectory=t,
                title=f"Herinnering {i}",
                starts_at=due,
                created_by=pro,
            )
            for i, t in enumerate(trajectories)
        )
        Delivery.objects.bulk_create(
            Delivery(reminder=r, due_at=due, next_attempt_at=due) for r in reminders
        )
    t1 = time.perf_counter()
    redis_before = _redis_cpu()
    with BackendCpu(args.postgres, "dv_bench_reminders") as backends:
        if args.rq:
            codes, t2, t3, workers_cpu = _run_rq(args, env, dispatch_due_deliveries)
        else:
            codes, t2, t3, workers_cpu = _run_db(args, env, dispatch_due_deliveries, t1)
    services_cpu = {"PostgreSQL backends": backends.seconds}
    if args.rq:
        services_cpu["Redis"] = _redis_cpu() - redis_before
    sent = Delivery.objects.filter(status="sent").count()
    assert codes == [0] * args.workers, codes
    assert sent == n, f"{sent} of {n} sent"
    engine = "PostgreSQL" if args.postgres else "SQLite"
    queue = "RQ" if args.rq else "database queue"
    print(
        f"{engine}, {queue}: {n} reminders; setup {t1 - t0:.1f} s, enqueue {t2 - t1:.1f} s "
        f"({n / (t2 - t1):.0f}/s), {args.workers} worker(s) {t3 - t2:.1f} s "
        f"({n / (t3 - t2):.0f} deliveries/s); "
        f"all {sent} sent exactly once"
    )
    # Where the CPU went while the workers ran: if the workers and the database together keep
    # the machine's cores busy, more workers cannot add throughput on this machine.
    wall = t3 - t2
    busy = workers_cpu + sum(services_cpu.values())
    per_service = ", ".join(f"{k} {v:.1f} s" for k, v in sorted(services_cpu.items()))
    print(
        f"CPU while the workers ran: workers {workers_cpu:.1f} s, {per_service}; "
        f"{busy / wall:.2f} of {os.cpu_count()} cores busy on average; "
        f"{busy / n * 1000:.1f} ms of CPU per delivery"
    )


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _proc_cpu(pid: int | str) -> float:
    """CPU seconds (user + system) of one process, from /proc."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            stat = f.read()
    except OSError:
        return 0.0
    fields = stat[stat.rindex(")") + 2 :].split()
    # fields[11:13]: utime, stime (stat fields 14 and 15)
    return sum(map(int, fields[11:13])) / os.sysconf("SC_CLK_TCK")


class BackendCpu:
    """CPU of the PostgreSQL backends serving the benchmark's database while the workers run.

    A thread looks up those backends in pg_stat_activity every 0.2 s and keeps the last reading of
    each; other databases' backends (other work on the machine) are not counted. Without
    PostgreSQL it counts nothing.
    """

    def __init__(self, server_url: str | None, database: str) -> None:
        self.server_url, self.database = server_url, database
        self.seen: dict[int, float] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        import psycopg

        with psycopg.connect(self.server_url + "/postgres", autocommit=True) as conn:
            own = conn.info.backend_pid
            while not self._stop.wait(0.2):
                pids = [
                    row[0]
                    for row in conn.execute(
                        "SELECT pid FROM pg_stat_activity WHERE datname = %s", [self.database]
                    )
                    if row[0] != own
                ]
                for pid in pids:
                    self.seen[pid] = max(self.seen.get(pid, 0.0), _proc_cpu(pid))

    def __enter__(self) -> BackendCpu:
        if self.server_url:
            self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join()

    @property
    def seconds(self) -> float:
        return sum(self.seen.values())


def _redis_cpu() -> float:
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            with open(f"/proc/{pid}/comm") as f:
                if f.read().startswith("redis"):
                    return _proc_cpu(pid)
        except OSError:
            continue
    return 0.0


def _run_rq(args, env, dispatch_due_deliveries):
    """Dispatch here (its batch tasks go to Redis), then N burst RQ workers until it is empty."""
    import django_rq

    queue = django_rq.get_queue("default")
    queue.empty()
    dispatch_due_deliveries.call()  # queues one send_due_batch per REMINDERS_BATCH_SIZE on Redis
    t2 = time.perf_counter()
    cpu_before = _children_cpu()
    log = open(Path(tempfile.mkdtemp()) / "rqworkers.log", "w")  # noqa: SIM115 - workers' lifetime
    print(f"{queue.count} batch tasks on Redis; worker log: {log.name}")
    workers = [
        subprocess.Popen(
            [PY, "manage.py", "rqworker", "default", "--burst", "--job-class",
             "django_tasks_rq.Job"],
            cwd=ROOT,
            env={**env, "LOG_LEVEL": "ERROR"},
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        for _ in range(args.workers)
    ]  # fmt: skip
    codes = [w.wait() for w in workers]
    t3 = time.perf_counter()
    return codes, t2, t3, _children_cpu() - cpu_before


def _run_db(args, env, dispatch_due_deliveries, t1):
    dispatch_due_deliveries.enqueue()
    t2 = time.perf_counter()
    cpu_before = _children_cpu()
    # The dispatch runs first (alone), then the workers share the batch tasks.
    subprocess.run(
        [PY, "manage.py", "db_worker", "--batch", "--no-startup-delay", "--no-reload",
         "--max-tasks", "1"],
        cwd=ROOT, env={**env, "LOG_LEVEL": "ERROR"}, check=True,
    )  # fmt: skip
    workers = [
        subprocess.Popen(
            [PY, "manage.py", "db_worker", "--batch", "--no-startup-delay", "--no-reload"],
            cwd=ROOT,
            env={**env, "LOG_LEVEL": "ERROR"},
        )
        for _ in range(args.workers)
    ]
    codes = [w.wait() for w in workers]
    t3 = time.perf_counter()
    return codes, t2, t3, _children_cpu() - cpu_before


if __name__ == "__main__":
    main()

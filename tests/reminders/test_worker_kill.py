"""A real ``db_worker`` process is killed with SIGKILL in the middle of sending reminders, again
and again; the repair sweep (``reminders_dispatch``) runs after each kill as it would on a server.
Counted at the end: every reminder reached its client (none lost), every task finished (none left
RUNNING), and duplicates stay within the documented bound of one per kill (the e-mail that was on
its way when the worker died), each with the same Message-ID as the first.

Runs in subprocesses on a SQLite file (the worker must see the same database as the test).
"""

from __future__ import annotations

import email
import os
import random
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
COUNT = 40
KILLS = 5


def _env(tmp_path: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("DATABASE_URL", None)
    env.update(
        DJANGO_SETTINGS_MODULE="tests.reminders.kill_settings",
        KILLTEST_DB=str(tmp_path / "db.sqlite3"),
        KILLTEST_MAIL=str(tmp_path / "mail"),
        PYTHONPATH=str(ROOT),
    )
    return env


def _manage(env, *args: str, timeout: int = 180) -> str:
    done = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def _python(env, code: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()\n" + code],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def _mails(folder: Path) -> list[str]:
    ids = []
    for path in folder.glob("*.eml"):
        ids.append(email.message_from_bytes(path.read_bytes())["Message-ID"])
    return ids


def test_killing_the_worker_during_dispatch_loses_no_reminder(tmp_path):
    env = _env(tmp_path)
    mail = tmp_path / "mail"
    mail.mkdir()
    _manage(env, "migrate", "-v0")
    _python(env, f"from tests.reminders.kill_helpers import setup; print(setup({COUNT}))")

    rng = random.Random(8)
    kills = 0
    for _ in range(KILLS):
        before = len(_mails(mail))
        if before >= COUNT:
            break
        worker = subprocess.Popen(
            [sys.executable, "manage.py", "db_worker", "--no-startup-delay", "--no-reload",
             "--interval", "0.05"],
            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        deadline = time.monotonic() + 60
        while len(_mails(mail)) == before and time.monotonic() < deadline:
            time.sleep(0.01)
        time.sleep(rng.uniform(0.0, 0.25))  # somewhere in the middle of the batch
        os.kill(worker.pid, signal.SIGKILL)
        worker.wait()
        kills += 1
        time.sleep(2.1)  # the claims' lease and the tasks' running timeout (2 s here) run out
        _manage(env, "reminders_dispatch")  # the repair sweep, as its timer would run it

    # A last worker finishes the queue (the sweep runs once more after the last lease).
    _manage(env, "db_worker", "--batch", "--no-startup-delay", "--no-reload", "--interval", "0")
    time.sleep(2.1)
    _manage(env, "reminders_dispatch")
    _manage(env, "db_worker", "--batch", "--no-startup-delay", "--no-reload", "--interval", "0")

    state = _python(
        env,
        "from django_tasks_db.models import DBTaskResult\n"
        "from doenvermogen.reminders.models import Delivery\n"
        "print(sorted(set(Delivery.objects.values_list('status', flat=True))))\n"
        "print(DBTaskResult.objects.filter(status='RUNNING').count())\n"
        "print(sorted(Delivery.objects.values_list('pk', flat=True)))",
    ).splitlines()
    assert state[0] == "['sent']"
    assert state[1] == "0", "tasks left RUNNING by the killed workers were not picked up again"
    delivery_ids = eval(state[2])  # noqa: S307 - our own output

    sent = Counter(_mails(mail))
    expected = {f"<reminder-delivery-{pk}@testserver>" for pk in delivery_ids}
    # The Message-ID's domain comes from SITE_URL; compare by the delivery number.
    by_delivery = Counter(mid.split("@")[0] for mid in sent.elements())
    assert set(by_delivery) == {mid.split("@")[0] for mid in expected}, "a reminder was lost"
    duplicates = sum(n - 1 for n in by_delivery.values())
    assert kills >= 3
    assert duplicates <= kills, f"{duplicates} duplicates after {kills} kills"
    print(f"{COUNT} reminders, {kills} kills, {duplicates} duplicates")

"""What the access log costs a page: the same pages with the log written and with it left out.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench \\
        .venv/bin/python benchmarks/access_log_cost.py [--rounds 210]

In one process against the given database (best: the one ``manage.py bench_data`` grew, with its
millions of log rows), Django's test client asks a professional's pages — "Mijn cliënten", a
trajectory page, psycho-education, goals — ``--rounds`` times each, alternating a round with the
access log written (committed as usual), a round with it written under
``ACCESS_LOG_ASYNC_COMMIT`` (PostgreSQL: the commit does not wait for the disk) and a round with
``log_event``/``log_event_many`` replaced by a no-op (only in this process; the application has no
switch to turn the log off). Prints median and p95 per page and the share of p95 the log takes,
both ways. Run on demand, not in the suite.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "doenvermogen.settings.dev")


def _p95(values: list[float]) -> float:
    values = sorted(values)
    return values[max(0, int(len(values) * 0.95) - 1)]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=200)
    args = parser.parse_args()
    import django

    django.setup()
    from django.test import Client
    from django.test.utils import setup_test_environment

    setup_test_environment()
    from django.conf import settings

    settings.ALLOWED_HOSTS = ["*"]

    from doenvermogen.accounts.models import User
    from doenvermogen.audit import services as audit_services
    from doenvermogen.cases import selectors as case_selectors
    from doenvermogen.cases.models import Trajectory

    user = User.objects.filter(email__endswith="@bench.invalid").order_by("pk").first()
    if user is None:
        raise SystemExit("Run manage.py bench_data first.")
    team_id = user.memberships.values_list("team_id", flat=True).first()
    trajectory = Trajectory.objects.filter(team_id=team_id).order_by("-pk").first()
    browser = Client()
    browser.force_login(user)
    pages = {
        "my clients": "/clients/",
        "trajectory page": f"/trajectories/{trajectory.pk}/",
        "psycho-education": f"/trajectories/{trajectory.pk}/psychoeducation/",
        "goal plans": f"/trajectories/{trajectory.pk}/goals/",
    }
    real = (
        audit_services.log_event,
        audit_services.log_event_many,
        case_selectors.log_event,
        case_selectors.log_event_many,
    )

    def logging(on: bool) -> None:
        if on:
            (
                audit_services.log_event,
                audit_services.log_event_many,
                case_selectors.log_event,
                case_selectors.log_event_many,
            ) = real
        else:
            for module in (audit_services, case_selectors):
                module.log_event = lambda *a, **k: None
                module.log_event_many = lambda *a, **k: None

    modes = ("sync", "async", "off")
    times = {(name, mode): [] for name in pages for mode in modes}
    for url in pages.values():  # warm up
        browser.get(url)
    for n in range(args.rounds):
        mode = modes[n % 3]
        logging(mode != "off")
        settings.ACCESS_LOG_ASYNC_COMMIT = mode == "async"
        for name, url in pages.items():
            start = time.perf_counter()
            response = browser.get(url)
            times[(name, mode)].append((time.perf_counter() - start) * 1000)
            assert response.status_code == 200, (url, response.status_code)
    logging(True)
    print(
        "| page | median ms: log, async commit, no log | p95: log, async commit, no log "
        "| log share of p95 | with async commit |"
    )
    print("|---|---|---|---|---|")
    for name in pages:
        sync, fast, off = (times[(name, mode)] for mode in modes)
        share = (_p95(sync) - _p95(off)) / _p95(sync) * 100
        share_async = (_p95(fast) - _p95(off)) / _p95(fast) * 100
        print(
            f"| {name} | {statistics.median(sync):.1f} / {statistics.median(fast):.1f} / "
            f"{statistics.median(off):.1f} | {_p95(sync):.1f} / {_p95(fast):.1f} / "
            f"{_p95(off):.1f} | {share:.0f} % | {share_async:.0f} % |"
        )


if __name__ == "__main__":
    main()

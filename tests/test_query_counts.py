"""No N+1 anywhere: every page about one client answers with the same number of queries when the
client has three times as much (strategies, steps, goal plans, appointments, reminders, consents)
and the team has many more clients. The pages come from the URL resolver (the AUDIENCE table of
tests/cases/test_every_url.py), so a new page is measured without a hand list."""

from __future__ import annotations

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from doenvermogen.cases import services as case_services
from doenvermogen.goals import services as goal_services
from doenvermogen.psychoeducation import services as pe_services
from doenvermogen.reminders import services as reminder_services
from tests.cases.test_every_url import (
    AUDIENCE,
    BOTH,
    CLIENT,
    STAFF,
    _request,
    _url,
    all_patterns,
    objects,  # noqa: F401 - the fixture
)

pytestmark = pytest.mark.django_db


def _grow(world, make) -> None:
    """Three times as much of everything for Noor, and fifty more clients in her team."""
    traj, pro = world.traj_a, world.pro_a
    session = traj.psychoeducation_sessions.get()
    recognised = session.effects.get()
    moment = timezone.now() + datetime.timedelta(days=3)
    for n in range(2):
        pe_services.strategy_add(
            session=session, author=pro, recognised_effect=recognised,
            description=f"Briefje {n}", steps=[f"Pen {n}", f"Papier {n}"],
            reminder=pe_services.ReminderRequest(first_at=moment),
        )  # fmt: skip
        plan = goal_services.goal_plan_create(trajectory=traj, author=pro, goal=f"Doel {n}")
        for m in range(3):
            goal_services.step_add(plan=plan, author=pro, text=f"Stap {n}.{m}")
        goal_services.reward_add(plan=plan, author=pro, what="Film", earned_when="Klaar")
        reminder_services.appointment_create(
            trajectory=traj, author=pro, starts_at=moment + datetime.timedelta(days=n + 2),
            place=f"Kantoor {n}",
        )  # fmt: skip
        reminder_services.reminder_create(
            trajectory=traj, author=pro, title=f"Post {n}", starts_at=moment, repeat="daily"
        )
        case_services.consent_record(
            client=traj.client, author=pro, purpose="research", trajectory=traj
        )
    for n in range(50):
        make.trajectory(team=world.team_a, name=f"Extra {n:02d}")


def _pages(world) -> list[tuple[str, object, str]]:
    pages = []
    for pattern in all_patterns():
        audience = AUDIENCE.get(pattern.name)
        if audience in (STAFF, BOTH):
            pages.append((pattern.name, world.pro_a, pattern))
        if audience in (CLIENT, BOTH):
            pages.append((pattern.name, world.traj_a.client.user, pattern))
    return pages


SEEN: dict[tuple, list[str]] = {}


def _count(django_client, user, url) -> tuple[int, int]:
    django_client.force_login(user)
    with CaptureQueriesContext(connection) as captured:
        response, _rows = _request(django_client, "get", url)
    SEEN[(url, user.pk, len(SEEN) > 0)] = [q["sql"] for q in captured.captured_queries]
    return response.status_code, len(captured)


def _repeated(queries: list[str]) -> list[str]:
    """The statements (up to their WHERE) that run more than once: where an N+1 hides."""
    shapes: dict[str, int] = {}
    for sql in queries:
        shape = sql.split(" WHERE ")[0][-160:]
        shapes[shape] = shapes.get(shape, 0) + 1
    return [f"{n}x {shape}" for shape, n in shapes.items() if n > 1]


def test_every_page_has_the_same_query_count_at_two_sizes(client, world, objects, make):  # noqa: F811
    ids = objects["own"]["ids"]
    pages = [(name, user, _url(p, ids)) for name, user, p in _pages(world)]
    pages.append(("cases:my_clients", world.pro_a, "/clients/"))
    small = {(name, url, user.pk): _count(client, user, url) for name, user, url in pages}
    _grow(world, make)
    large = {(name, url, user.pk): _count(client, user, url) for name, user, url in pages}
    measured = [k for k, (status, _) in small.items() if status == 200]
    assert len(measured) >= 20
    grew = {k[0]: (small[k][1], large[k][1]) for k in measured if small[k][1] != large[k][1]}
    detail = {
        k[0]: _repeated(SEEN.get((k[1], k[2], True), []))
        for k in measured
        if small[k][1] != large[k][1]
    }
    assert grew == {}, f"queries grew with the data (small, large): {grew}\n{detail}"

"""'Mijn cliënten' at a caseload: paginated in SQL, what needs attention first, one log row per
row shown, the same number of queries at any size, and no 500 for odd query parameters."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from doenvermogen.audit.models import AccessLogEntry
from doenvermogen.cases import selectors
from doenvermogen.cases.models import Trajectory
from doenvermogen.psychoeducation.models import GateConversation, Session

pytestmark = pytest.mark.django_db


def _trajectories(make, team, count, *, prefix="Cliënt", days_ago=100):
    started = timezone.localdate() - datetime.timedelta(days=days_ago)
    made = [make.trajectory(team=team, name=f"{prefix} {i:03d}") for i in range(count)]
    Trajectory.objects.filter(pk__in=[t.pk for t in made]).update(started_on=started)
    return made


def test_pages_of_25_and_only_shown_rows_are_logged(make):
    team = make.team()
    pro = make.staff(team=team)
    _trajectories(make, team, 30)
    first = selectors.trajectory_page_for_user(user=pro, order="name")
    assert (len(first.rows), first.pages, first.total) == (25, 2, 30)
    assert AccessLogEntry.objects.filter(actor=pro, action="list").count() == 25
    second = selectors.trajectory_page_for_user(user=pro, order="name", page=2)
    assert len(second.rows) == 5
    assert {t.pk for t in first.rows}.isdisjoint({t.pk for t in second.rows})
    assert AccessLogEntry.objects.filter(actor=pro, action="list").count() == 30
    # Out-of-range and nonsense page numbers land on a real page.
    assert selectors.trajectory_page_for_user(user=pro, page="999").number == 2
    assert selectors.trajectory_page_for_user(user=pro, page="abc").number == 1


def test_attention_first_then_new(make):
    team = make.team()
    pro = make.staff(team=team)
    old = _trajectories(make, team, 5, prefix="Oud")
    due = old[3]
    gate = GateConversation.objects.create(
        trajectory=due,
        asked_by=pro,
        opening="open",
        experiences_stress="yes",
        wants_to_talk="yes",
        outcome="start",
    )
    Session.objects.create(
        trajectory=due,
        gate=gate,
        professional=pro,
        next_review_on=timezone.localdate() - datetime.timedelta(days=1),
    )
    new = make.trajectory(team=team, name="Nieuw")
    rows = selectors.trajectory_page_for_user(user=pro).rows
    assert rows[0].pk == due.pk and "review_due" in rows[0].attention_codes
    assert rows[1].pk == new.pk and rows[1].attention_codes == ["new"]
    assert rows[2].attention_codes == []


def test_ended_trajectories_only_when_asked(make):
    team = make.team()
    pro = make.staff(team=team)
    ended = make.trajectory(team=team, name="Klaar")
    Trajectory.objects.filter(pk=ended.pk).update(
        started_on=timezone.localdate() - datetime.timedelta(days=60),
        ended_on=timezone.localdate() - datetime.timedelta(days=1),
    )
    make.trajectory(team=team, name="Bezig")
    active = selectors.trajectory_page_for_user(user=pro).rows
    assert [t.client.display_name for t in active] == ["Bezig"]
    every = selectors.trajectory_page_for_user(user=pro, active_only=False).rows
    assert {t.client.display_name for t in every} == {"Bezig", "Klaar"}


def _queries_for_page(client, django_assert_max_num_queries, pro) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(pro)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(reverse("cases:my_clients"))
    assert response.status_code == 200
    return len(captured)


def test_query_count_does_not_grow_with_the_caseload(client, make, django_assert_max_num_queries):
    team = make.team()
    pro = make.staff(team=team)
    _trajectories(make, team, 3)
    small = _queries_for_page(client, django_assert_max_num_queries, pro)
    _trajectories(make, team, 60, prefix="Meer")
    large = _queries_for_page(client, django_assert_max_num_queries, pro)
    assert large == small


@pytest.mark.parametrize(
    "params",
    [
        {"q": "\x00"},
        {"q": "a\x00b"},
        {"q": "x" * 5000},
        {"page": "abc"},
        {"page": "-1"},
        {"page": "99999999999999999999999"},
        {"order": "pk; drop table"},
        {"show": "\x00"},
    ],
)
def test_odd_parameters_never_give_a_server_error(client, make, params):
    team = make.team()
    pro = make.staff(team=team)
    make.trajectory(team=team, name="Noor")
    client.force_login(pro)
    response = client.get(reverse("cases:my_clients"), params)
    assert response.status_code == 200


def test_the_page_links_to_the_next_page(client, make):
    team = make.team()
    pro = make.staff(team=team)
    _trajectories(make, team, 27)
    client.force_login(pro)
    html = client.get(reverse("cases:my_clients"), {"order": "name"}).content.decode()
    assert 'rel="next"' in html and "page=2" in html
    html = client.get(reverse("cases:my_clients"), {"order": "name", "page": 2}).content.decode()
    assert 'rel="prev"' in html and "Cliënt 026" in html

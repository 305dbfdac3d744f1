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


def _review_due(trajectory, pro):
    gate = GateConversation.objects.create(
        trajectory=trajectory,
        asked_by=pro,
        opening="open",
        experiences_stress="yes",
        wants_to_talk="yes",
        outcome="start",
    )
    Session.objects.create(
        trajectory=trajectory,
        gate=gate,
        professional=pro,
        next_review_on=timezone.localdate() - datetime.timedelta(days=1),
    )


def _reminder_failed(trajectory, pro):
    from doenvermogen.reminders.models import Delivery, Reminder

    now = timezone.now()
    reminder = Reminder.objects.create(
        client=trajectory.client, trajectory=trajectory, title="Bel", starts_at=now, created_by=pro
    )
    Delivery.objects.create(
        reminder=reminder, due_at=now, next_attempt_at=now, status=Delivery.Status.FAILED
    )


def test_attention_is_ordered_before_the_page_is_cut(make):
    """The oldest trajectories (last in "newest" order, on page 2) come first when they need
    attention: review due before a reminder not sent, before new, before the rest."""
    team = make.team()
    pro = make.staff(team=team)
    old = _trajectories(make, team, 30, prefix="Oud", days_ago=400)
    oldest, older = old[0], old[1]
    Trajectory.objects.filter(pk=oldest.pk).update(
        started_on=timezone.localdate() - datetime.timedelta(days=900)
    )
    Trajectory.objects.filter(pk=older.pk).update(
        started_on=timezone.localdate() - datetime.timedelta(days=800)
    )
    _reminder_failed(oldest, pro)
    _review_due(older, pro)
    new = make.trajectory(team=team, name="Nieuw")
    newest_last = selectors.trajectory_page_for_user(user=pro, order="newest", page=2).rows
    assert [t.pk for t in newest_last[-2:]] == [older.pk, oldest.pk]
    rows = selectors.trajectory_page_for_user(user=pro).rows
    assert [t.pk for t in rows[:3]] == [older.pk, oldest.pk, new.pk]
    assert [t.attention_codes for t in rows[:4]] == [
        ["review_due"],
        ["reminder_failed"],
        ["new"],
        [],
    ]
    # Other orders show the signals too, for the rows on the page.
    by_name = selectors.trajectory_page_for_user(user=pro, order="newest", page=2).rows
    assert by_name[-1].attention_codes == ["reminder_failed"]


def test_only_the_rows_shown_are_loaded_with_client_and_team(make):
    """The page is cut on the trajectory's own columns; the client and team are joined only for
    the ids of the page (so the list does not read every client of the team)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    team = make.team()
    pro = make.staff(team=team)
    _trajectories(make, team, 30)
    with CaptureQueriesContext(connection) as captured:
        page = selectors.trajectory_page_for_user(user=pro)
    with_client = [q["sql"] for q in captured if '"cases_client"."display_name"' in q["sql"]]
    assert len(with_client) == 1
    assert '"cases_trajectory"."id" IN (' in with_client[0]
    assert '"cases_trajectory"."team_id" IN' not in with_client[0]
    assert len(page.rows) == 25


def test_search_by_client_name_or_own_team_name(make):
    organisation = make.organisation()
    team = make.team(organisation=organisation, name="Wijkteam Oost")
    other = make.team(organisation=organisation, name="Wijkteam Zuid")
    pro = make.staff(team=team)
    make.trajectory(team=team, name="Noor Bakker")
    make.trajectory(team=team, name="Karel de Vries")
    make.trajectory(team=other, name="Noor Jansen")  # not this professional's team
    found = selectors.trajectory_page_for_user(user=pro, search="noor")
    assert [t.client.display_name for t in found.rows] == ["Noor Bakker"]
    by_team = selectors.trajectory_page_for_user(user=pro, search="oost", order="name")
    assert [t.client.display_name for t in by_team.rows] == ["Karel de Vries", "Noor Bakker"]
    assert selectors.trajectory_page_for_user(user=pro, search="zuid").total == 0


def test_search_query_count_does_not_grow(client, make):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    team = make.team()
    pro = make.staff(team=team)
    _trajectories(make, team, 3, prefix="Noor")
    client.force_login(pro)

    def count() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(reverse("cases:my_clients"), {"q": "noor"}).status_code == 200
        return len(captured)

    small = count()
    _trajectories(make, team, 40, prefix="Noor meer")
    assert count() == small


def test_search_can_use_the_trigram_index_on_postgresql(make):
    """The search's WHERE matches the expression of cases_client_name_trgm (no OR across the
    join that would keep PostgreSQL from using it)."""
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("pg_trgm is PostgreSQL only")
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_indexes WHERE indexname = 'cases_client_name_trgm'")
        if cursor.fetchone() is None:
            pytest.skip("no pg_trgm in this database (no rights to create the extension)")
    team = make.team(name="Team West")
    pro = make.staff(team=team)
    _trajectories(make, team, 3, prefix="Noor")
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        selectors.trajectory_page_for_user(user=pro, search="noor")
    ids_query = next(
        q["sql"] for q in captured if q["sql"].startswith('SELECT "cases_trajectory"."id"')
    )
    with connection.cursor() as cursor:
        # Tiny test data: leave the planner only bitmap scans (which need a condition the index
        # serves) and no row-by-row lookups, so the clients can only be read through a usable
        # trigram index; with an OR across the join they would have to be read whole.
        switches = ("enable_seqscan", "enable_indexscan", "enable_nestloop")
        for name in switches:
            cursor.execute(f"SET {name} = off")
        try:
            cursor.execute("EXPLAIN " + ids_query)
            plan = "\n".join(row[0] for row in cursor.fetchall())
        finally:
            for name in switches:
                cursor.execute(f"RESET {name}")
    assert "cases_client_name_trgm" in plan, plan
    assert '"accounts_team"."name"' not in ids_query  # no OR over the joined team name

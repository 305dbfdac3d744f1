"""The authorization matrix: every role against every kind of client object, by selector and URL."""

from __future__ import annotations

import pytest
from django.http import Http404
from django.urls import reverse

from doenvermogen.audit import events
from doenvermogen.audit.models import AccessLogEntry
from doenvermogen.cases import selectors

pytestmark = pytest.mark.django_db


def _user(world, who):
    if who == "client_a":
        return world.traj_a.client.user
    if who == "client_b":
        return world.traj_b.client.user
    return getattr(world, who)


# (who, trajectory) -> may see it
MATRIX = {
    ("pro_a", "traj_a"): True,
    ("pro_a", "traj_b"): False,
    ("pro_a", "traj_c"): False,
    ("pro_b", "traj_a"): False,
    ("pro_b", "traj_b"): True,
    ("lead_a", "traj_a"): True,
    ("lead_a", "traj_b"): False,
    ("researcher", "traj_a"): False,
    ("researcher", "traj_b"): False,
    ("admin", "traj_a"): False,
    ("client_a", "traj_a"): True,
    ("client_a", "traj_b"): False,
    ("client_b", "traj_a"): False,
}


@pytest.mark.parametrize(("who", "traj", "allowed"), [(*k, v) for k, v in MATRIX.items()])
def test_trajectory_selector_matrix(world, who, traj, allowed):
    user = _user(world, who)
    trajectory = getattr(world, traj)
    before = AccessLogEntry.objects.count()
    if allowed:
        ctx = selectors.access_trajectory(
            user=user, trajectory_id=trajectory.pk, event=events.TRAJECTORY_VIEW
        )
        assert ctx.trajectory == trajectory and ctx.client == trajectory.client
        entry = AccessLogEntry.objects.first()
        assert entry.action == "view" and entry.event == "trajectory.view"
    else:
        with pytest.raises(Http404):
            selectors.access_trajectory(
                user=user, trajectory_id=trajectory.pk, event=events.TRAJECTORY_VIEW
            )
        entry = AccessLogEntry.objects.first()
        # The refusal is in the log of the client that was asked for.
        assert entry.action == "denied" and entry.event == "trajectory.view"
    assert entry.client_id == trajectory.client_id and entry.actor == user
    assert AccessLogEntry.objects.count() == before + 1


@pytest.mark.parametrize(("who", "traj", "allowed"), [(*k, v) for k, v in MATRIX.items()])
def test_client_selector_matrix(world, who, traj, allowed):
    user = _user(world, who)
    client = getattr(world, traj).client
    if allowed:
        ctx = selectors.access_client(user=user, client_id=client.pk, event=events.CLIENT_VIEW)
        assert ctx.client == client
    else:
        with pytest.raises(Http404):
            selectors.access_client(user=user, client_id=client.pk, event=events.CLIENT_VIEW)
    entry = AccessLogEntry.objects.first()
    assert entry.client_id == client.pk and (entry.action == "denied") is not allowed


def test_unknown_ids_are_refused_without_a_client(world):
    for bad in (999999, "abc", -1, 2**70, None):
        with pytest.raises(Http404):
            selectors.access_trajectory(
                user=world.pro_a, trajectory_id=bad, event=events.TRAJECTORY_VIEW
            )
    assert set(AccessLogEntry.objects.values_list("action", "client_id")) == {("denied", None)}


def test_a_write_event_is_left_to_the_service(world):
    ctx = selectors.access_trajectory(
        user=world.pro_a, trajectory_id=world.traj_a.pk, event=events.CONSENT_CREATE
    )
    assert not AccessLogEntry.objects.exists()
    ctx.shown(events.TRAJECTORY_VIEW)  # a form with errors is shown after all: one view row
    ctx.shown(events.TRAJECTORY_VIEW)
    assert list(AccessLogEntry.objects.values_list("event", flat=True)) == ["trajectory.view"]


@pytest.mark.parametrize(
    ("who", "traj", "status"),
    [
        ("pro_a", "traj_a", 200),
        ("pro_a", "traj_b", 404),  # a professional of team A asking for a client of team B
        ("pro_a", "traj_c", 404),
        ("lead_a", "traj_a", 200),
        ("lead_a", "traj_b", 404),
        ("researcher", "traj_a", 404),
        ("admin", "traj_a", 404),
        ("client_a", "traj_a", 302),  # clients are sent to their own page
    ],
)
def test_trajectory_page_by_url(client, world, who, traj, status):
    client.force_login(_user(world, who))
    response = client.get(reverse("cases:trajectory_detail", args=[getattr(world, traj).pk]))
    assert response.status_code == status
    if status == 200:
        assert getattr(world, traj).client.display_name in response.content.decode()


def _listed(user) -> list:
    return selectors.trajectory_page_for_user(user=user).rows


def test_list_shows_only_own_teams(world):
    names = {t.client.display_name for t in _listed(world.pro_a)}
    assert names == {"Noor"}
    names = {t.client.display_name for t in _listed(world.pro_b)}
    assert names == {"Karel"}
    assert _listed(world.researcher) == []
    assert _listed(world.admin) == []
    assert _listed(world.traj_a.client.user) == []


def test_list_writes_a_log_entry_per_listed_client(world):
    _listed(world.pro_a)
    entries = AccessLogEntry.objects.filter(actor=world.pro_a, action="list")
    assert [e.client_id for e in entries] == [world.traj_a.client_id]


def test_my_clients_page_search(client, world, make):
    make.trajectory(team=world.team_a, name="Zeynep")
    client.force_login(world.pro_a)
    page = client.get(reverse("cases:my_clients"), {"q": "zey"}).content.decode()
    assert "Zeynep" in page and "Noor" not in page and "Karel" not in page
    page = client.get(reverse("cases:my_clients")).content.decode()
    assert "Zeynep" in page and "Noor" in page and "Karel" not in page


def test_researcher_sees_no_names_anywhere(client, world):
    client.force_login(world.researcher)
    for url in (reverse("cases:my_clients"), reverse("home")):
        response = client.get(url, follow=True)
        body = response.content.decode()
        assert "Noor" not in body and "Karel" not in body


def test_client_sees_only_own_page(client, world):
    client.force_login(world.traj_a.client.user)
    body = client.get(reverse("cases:my_page")).content.decode()
    assert "Noor" in body and "Karel" not in body
    assert client.get(reverse("cases:my_clients")).status_code == 302
    assert client.get(reverse("audit:export", args=[world.traj_a.client_id])).status_code == 302


def test_staff_has_no_own_client_page(client, world):
    client.force_login(world.pro_a)
    assert client.get(reverse("cases:my_page")).status_code == 302


def test_anonymous_is_sent_to_sign_in(client, world):
    response = client.get(reverse("cases:trajectory_detail", args=[world.traj_a.pk]))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]

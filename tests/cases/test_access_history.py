"""'Wie heeft mijn gegevens bekeken?': the client sees, in plain words, who looked at their data."""

from __future__ import annotations

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_the_client_sees_who_looked_with_team_and_when(client, world):
    client.force_login(world.pro_a)
    client.get(reverse("cases:trajectory_detail", args=[world.traj_a.pk]))
    client.get(reverse("cases:trajectory_detail", args=[world.traj_a.pk]))
    client.force_login(world.admin)
    client.get(reverse("audit:export", args=[world.traj_a.client.pk]))
    client.force_login(world.traj_a.client.user)
    client.get(reverse("cases:my_page"))
    response = client.get(reverse("cases:my_access_history"))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Wie heeft mijn gegevens bekeken?" in page
    assert "Anna" in page and "(Team A)" in page
    assert "Beheer" in page  # the administrator's export is included
    assert "traject" in page.lower()
    assert "2 keer" in page  # two looks on one day are one line
    assert "Noor" not in page.split("<main", 1)[1]  # the client's own visits are not listed
    assert (
        reverse("cases:my_access_history") in client.get(reverse("cases:my_page")).content.decode()
    )


def test_only_about_this_client_and_only_for_the_client(client, world):
    client.force_login(world.pro_b)
    client.get(reverse("cases:trajectory_detail", args=[world.traj_b.pk]))
    client.force_login(world.traj_a.client.user)
    page = client.get(reverse("cases:my_access_history")).content.decode()
    assert "Bram" not in page
    client.force_login(world.pro_a)
    assert client.get(reverse("cases:my_access_history")).status_code == 302  # staff: not theirs

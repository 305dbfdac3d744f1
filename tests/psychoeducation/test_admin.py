"""Organisations adapt the catalogues: own entries in the admin, standard ones read-only."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from doenvermogen.psychoeducation.models import Strategy, StressEffect

pytestmark = pytest.mark.django_db


@pytest.fixture
def org_admin(world):
    user = world.admin
    user.is_staff = True
    user.save()
    user.user_permissions.set(
        Permission.objects.filter(
            content_type__app_label="psychoeducation",
            codename__in=[
                "view_stresseffect",
                "add_stresseffect",
                "change_stresseffect",
                "view_strategy",
                "add_strategy",
                "change_strategy",
            ],
        )
    )
    return user


def test_org_admin_adds_own_effect_and_sees_standard_read_only(client, world, org_admin):
    other = StressEffect.objects.create(
        organisation=world.other_org, code="ander", text_nl="Van een andere gemeente"
    )
    client.force_login(org_admin)
    listing = client.get(reverse("admin:psychoeducation_stresseffect_changelist"))
    body = listing.content.decode()
    assert listing.status_code == 200
    assert "Veel vergeten" in body and "Van een andere gemeente" not in body
    response = client.post(
        reverse("admin:psychoeducation_stresseffect_add"),
        {
            "code": "slecht-slapen",
            "organisation": world.org.pk,
            "text_nl": "Ik slaap slecht",
            "text_en": "I sleep badly",
            "order": 95,
            "active": "on",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    own = StressEffect.objects.get(code="slecht-slapen")
    assert own.organisation == world.org
    standard = StressEffect.objects.get(organisation=None, code="veel-vergeten")
    url = reverse("admin:psychoeducation_stresseffect_change", args=[standard.pk])
    client.post(url, {"code": "veel-vergeten", "text_nl": "Gewijzigd", "order": 1})
    standard.refresh_from_db()
    assert standard.text_nl == "Veel vergeten. Ik heb chaos in mijn hoofd."
    url = reverse("admin:psychoeducation_stresseffect_change", args=[other.pk])
    assert client.get(url).status_code in (302, 404)


def test_professional_has_no_admin_access(client, world):
    client.force_login(world.pro_a)
    response = client.get(reverse("admin:psychoeducation_strategy_changelist"))
    assert response.status_code == 302
    assert Strategy.objects.exists()

"""An organisation's administrator switches single sign-on and DigiD on or off."""

from __future__ import annotations

import pytest
from django.urls import reverse

from doenvermogen.sso.models import IdentityProvider, OrganisationMapping

pytestmark = pytest.mark.django_db


def _provider(org, **extra) -> IdentityProvider:
    provider = IdentityProvider.objects.create(
        name=extra.pop("name", "Entra ID"),
        slug=extra.pop("slug", "entra"),
        issuer="https://login.example/tenant/v2.0",
        client_id="x",
        client_secret="y",
        **extra,
    )
    if provider.purpose == IdentityProvider.Purpose.STAFF:
        OrganisationMapping.objects.create(provider=provider, claim_value="t", organisation=org)
    return provider


def test_administrator_switches_on_their_organisations_provider(client, world):
    own = _provider(world.org)
    other = _provider(world.other_org, name="Ander", slug="ander")
    client.force_login(world.admin)
    page = client.get(reverse("sso:providers"))
    assert "Entra ID" in page.content.decode() and "Ander" not in page.content.decode()
    client.post(reverse("sso:providers"), {"provider": own.pk, "enabled": "1"})
    own.refresh_from_db()
    assert own.enabled
    assert (
        client.post(reverse("sso:providers"), {"provider": other.pk, "enabled": "1"}).status_code
        == 403
    )
    other.refresh_from_db()
    assert not other.enabled
    # The sign-in page now offers the button.
    client.logout()
    assert "/sso/entra/" in client.get(reverse("accounts:login")).content.decode()


def test_professional_may_not_switch(client, world):
    _provider(world.org)
    client.force_login(world.pro_a)
    assert client.get(reverse("sso:providers")).status_code == 403

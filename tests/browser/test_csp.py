"""The Content-Security-Policy forbids inline script and style: the pages still work and the
browser reports no violation (htmx's own indicator styles are turned off in ui/base.html)."""

from __future__ import annotations

import pytest
from django.urls import reverse

pytestmark = pytest.mark.browser


def _watch(page) -> list[str]:
    refused: list[str] = []
    page.on(
        "console",
        lambda msg: (
            refused.append(msg.text)
            if "Content Security Policy" in msg.text or "Refused to" in msg.text
            else None
        ),
    )
    return refused


def test_staff_and_client_pages_raise_no_csp_violation(signed_in_page, client_page, world):
    page = signed_in_page(world.pro_a)
    refused = _watch(page)
    for path in (
        reverse("cases:my_clients"),
        reverse("cases:trajectory_detail", args=[world.traj_a.pk]),
        reverse("letters:check"),
    ):
        response = page.goto(path)
        assert response.status == 200
        assert "default-src 'none'" in response.headers["content-security-policy"]
    assert not refused, refused

    phone = client_page(world.traj_a.client)
    refused = _watch(phone)
    phone.reload()
    assert phone.locator("main").is_visible()
    assert not refused, refused

"""The knowledge base: short pages from data files, searchable, each naming its sources, linked
from where a professional needs them (panel, gate, letter checker)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from doenvermogen.knowledge.pages import load_pages, page_search
from doenvermogen.psychoeducation import services

pytestmark = pytest.mark.django_db

TOPICS = {
    "stress-en-gedrag",
    "doenvermogen-executieve-functies",
    "soorten-stress",
    "bouwstenen",
    "vier-stappen",
    "abc-basisbehoeften",
    "east-brieven",
}


def test_every_topic_is_there_with_its_sources():
    pages = load_pages()
    assert set(pages) >= TOPICS
    for page in pages.values():
        assert page.sources, page.slug
        assert page.sections and page.summary, page.slug
    assert "negende" in pages["bouwstenen"].body.lower()
    assert all(w in pages["soorten-stress"].body.lower() for w in ("positieve", "toxische"))


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("toxische", "soorten-stress"),
        ("Bepaal ik zelf wel", "abc-basisbehoeften"),
        ("executieve", "doenvermogen-executieve-functies"),
        ("client beslist", "vier-stappen"),  # without the accent it is still found
        ("aantrekkelijk tijdig", "east-brieven"),
    ],
)
def test_search_finds_the_page(query, expected):
    assert page_search(query)[0].slug == expected


def test_search_without_match_says_so(client, world):
    client.force_login(world.pro_a)
    page = client.get(reverse("knowledge:index"), {"q": "xyzzy"}).content.decode()
    assert "Niets gevonden" in page


def test_pages_open_for_professionals_not_for_clients(client, world):
    client.force_login(world.pro_a)
    page = client.get(reverse("knowledge:page", args=["abc-basisbehoeften"]))
    assert page.status_code == 200
    body = page.content.decode()
    assert "Bronnen" in body and "Thema Stress Sensitief Werken" in body
    assert client.get(reverse("knowledge:page", args=["bestaat-niet"])).status_code == 404
    assert "Kennisbank" in client.get(reverse("cases:my_clients")).content.decode()  # menu
    client.force_login(world.traj_a.client.user)
    assert client.get(reverse("knowledge:index")).status_code == 302


def test_linked_from_the_panel_the_gate_and_the_letter_checker(client, world):
    gate = services.gate_record(
        trajectory=world.traj_a, author=world.pro_a, experiences_stress="yes", wants_to_talk="yes"
    )
    client.force_login(world.pro_a)
    places = {
        reverse("psychoeducation:gate", args=[world.traj_a.pk]): "vier-stappen",
        reverse("psychoeducation:explain", args=[gate.session.pk]): "stress-en-gedrag",
        reverse("psychoeducation:recognise", args=[gate.session.pk]): "abc-basisbehoeften",
        reverse("letters:check"): "east-brieven",
    }
    for url, slug in places.items():
        page = client.get(url).content.decode()
        assert reverse("knowledge:page", args=[slug]) in page, url

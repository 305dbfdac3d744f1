"""Rooms in the browser's terms: who may see and change what, the demo flow (three violations,
apply the suggestions, download the PDF), bad input with a Dutch message, double submits, the
catalogue an organisation extends, and the anonymous questionnaire with small groups hidden."""

from __future__ import annotations

import io
from types import SimpleNamespace

import pytest
from django.urls import reverse
from django.utils import translation
from pypdf import PdfReader

from doenvermogen.accounts.models import Membership
from doenvermogen.rooms import demo, services
from doenvermogen.rooms.models import FurnitureItem, Placement, Room, SurveyResponse

pytestmark = pytest.mark.django_db


@pytest.fixture
def dutch():
    with translation.override("nl"):
        yield


def _demo(world):
    demo.load(
        SimpleNamespace(
            organisation=world.org, teams={"debt": world.team_a}, users={"ingrid": world.lead_a}
        )
    )
    return Room.objects.get(name=demo.ROOM_NAME)


def _client(client, user):
    client.force_login(user)
    client.cookies["django_language"] = "nl"
    return client


def test_shipped_catalogue_is_loaded_by_the_migration():
    assert FurnitureItem.objects.filter(organisation__isnull=True).count() >= 25
    desk = FurnitureItem.objects.get(code="zitsta-140x80")
    assert desk.height_adjustable and desk.price_eur == 690


def test_demo_flow_three_violations_fixes_and_pdf(client, world):
    room = _demo(world)
    c = _client(client, world.lead_a)
    response = c.get(reverse("rooms:detail", args=[room.pk]))
    assert response.status_code == 200
    assert response.context["violations"] == 3
    html = response.content.decode()
    assert "Schuif Lage kast 100 × 45 25 cm naar beneden." in html
    assert "Zit-sta-bureau 140 × 80, elektrisch uit de catalogus (+€ 690)" in html
    # Apply each suggestion in turn, as the team lead does: every fix makes a new version.
    for _ in range(3):
        response = c.get(reverse("rooms:detail", args=[room.pk]))
        suggestion = next(s for s in response.context["suggestions"] if s.get("form"))
        data = {k: v for k, v in suggestion["form"].initial.items() if v is not None}
        response = c.post(reverse("rooms:fix", args=[room.pk]), data)
        assert response.status_code == 302
    response = c.get(reverse("rooms:detail", args=[room.pk]))
    assert response.context["violations"] == 0
    assert response.context["total"] == 690 + 1250
    assert room.versions.count() == 4
    assert room.versions.first().to_plan().items  # the first version is kept as it was
    pdf = c.get(reverse("rooms:pdf", args=[room.pk, 4]))
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.content)).pages)
    assert "Zit-sta-bureau 140 × 80, elektrisch" in text
    assert "€ 1940" in text and "€ 3060" in text  # purchases and what is left of € 5000
    assert "Deze kamer voldoet aan alle eisen." in text
    compare = c.get(reverse("rooms:compare", args=[room.pk]) + "?a=1&b=4")
    assert compare.status_code == 200
    assert compare.content.decode().count("<svg") == 2


def test_professional_may_look_but_not_change(client, world):
    room = _demo(world)
    c = _client(client, world.pro_a)
    assert c.get(reverse("rooms:detail", args=[room.pk])).status_code == 200
    placement = Placement.objects.filter(version__room=room).first()
    response = c.post(
        reverse("rooms:placement", args=[room.pk, placement.pk]),
        {f"p{placement.pk}-x_cm": 10, f"p{placement.pk}-y_cm": 10, f"p{placement.pk}-rotation": 0},
    )
    assert response.status_code == 403
    assert c.post(reverse("rooms:arrange", args=[room.pk])).status_code == 403


def test_other_teams_and_organisations_do_not_see_the_room(client, world, make):
    room = _demo(world)
    assert (
        _client(client, world.pro_b).get(reverse("rooms:detail", args=[room.pk])).status_code == 404
    )
    stranger = make.staff(role=Membership.Role.ADMINISTRATOR, organisation=world.other_org)
    client.force_login(stranger)
    assert client.get(reverse("rooms:detail", args=[room.pk])).status_code == 404
    assert client.get(reverse("rooms:list")).context["rooms"].count() == 0
    # The organisation's administrator (facility management) manages every room.
    client.force_login(world.admin)
    response = client.get(reverse("rooms:detail", args=[room.pk]))
    assert response.status_code == 200 and response.context["editable"]


def test_room_create_is_idempotent(client, world):
    c = _client(client, world.lead_a)
    data = {
        "name": "Spreekkamer 5",
        "width_cm": 400,
        "depth_cm": 600,
        "budget_eur": 5000,
        "team": world.team_a.pk,
        "idempotency_key": "abcdef0123456789",
    }
    first = c.post(reverse("rooms:list"), data)
    second = c.post(reverse("rooms:list"), data)
    assert first.status_code == second.status_code == 302
    assert first["Location"] == second["Location"]
    assert Room.objects.filter(name="Spreekkamer 5").count() == 1


def test_negative_size_gets_a_dutch_message_and_keeps_the_input(client, world):
    c = _client(client, world.lead_a)
    response = c.post(
        reverse("rooms:list"),
        {"name": "Kamer min", "width_cm": -350, "depth_cm": 600, "budget_eur": 5000},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Dit moet minstens 1 cm zijn." in html
    assert 'value="Kamer min"' in html
    assert not Room.objects.filter(name="Kamer min").exists()


def test_self_intersecting_outline_gets_a_dutch_message(client, world):
    room = _demo(world)
    c = _client(client, world.lead_a)
    typed = "0,0\n350,620\n350,0\n0,620"
    response = c.post(reverse("rooms:outline", args=[room.pk]), {"outline": typed})
    assert response.status_code == 200
    html = response.content.decode()
    assert "De muren kruisen elkaar." in html
    assert "350,620\n350,0" in html  # what was typed is kept
    assert room.versions.last().outline[2] == [350, 620]  # the walls did not change


def test_furniture_bigger_than_the_room_gets_a_dutch_message(client, world):
    c = _client(client, world.lead_a)
    room = services.room_create(
        organisation=world.org,
        team=world.team_a,
        author=world.lead_a,
        name="Hok",
        width_cm=150,
        depth_cm=150,
    )
    sofa = FurnitureItem.objects.get(code="bank-stof-3")
    response = c.post(
        reverse("rooms:placement_add", args=[room.pk]),
        {"furniture": sofa.pk, "x_cm": 75, "y_cm": 75, "rotation": 0, "seat": ""},
    )
    assert response.status_code == 200
    assert "Bank 3-zits, vaste stof (200 × 90 cm) past niet in de kamer (150 × 150 cm)." in (
        response.content.decode()
    )
    assert not Placement.objects.filter(version__room=room).exists()


def test_door_outside_the_wall_gets_a_dutch_message(client, world):
    room = _demo(world)
    c = _client(client, world.lead_a)
    response = c.post(
        reverse("rooms:opening_add", args=[room.pk]),
        {
            "kind": "door",
            "wall": 1,
            "offset_cm": 300,
            "width_cm": 90,
            "hinge": "start",
            "opens_inward": "on",
        },
    )
    assert "De opening loopt tot 390 cm, maar muur 1 is maar 350 cm lang." in (
        response.content.decode()
    )


def test_typed_move_and_double_placement(client, world):
    room = _demo(world)
    c = _client(client, world.lead_a)
    version = room.versions.last()
    cabinet = version.placements.get(furniture__code="kast-laag")
    prefix = f"p{cabinet.pk}"
    response = c.post(
        reverse("rooms:placement", args=[room.pk, cabinet.pk]),
        {
            f"{prefix}-x_cm": 23,
            f"{prefix}-y_cm": 420,
            f"{prefix}-rotation": 90,
            f"{prefix}-owned": "on",
            f"{prefix}-seat": "",
        },
    )
    assert response.status_code == 302
    detail = c.get(reverse("rooms:detail", args=[room.pk]))
    assert detail.context["violations"] == 2
    lamp = FurnitureItem.objects.get(code="sfeerlamp")
    data = {
        "furniture": lamp.pk,
        "x_cm": 320,
        "y_cm": 300,
        "rotation": 0,
        "idempotency_key": "lamp-key-12345678",
    }
    c.post(reverse("rooms:placement_add", args=[room.pk]), data)
    c.post(reverse("rooms:placement_add", args=[room.pk]), data)
    assert version.placements.filter(furniture=lamp).count() == 1


def test_auto_arrange_makes_a_version_that_passes(client, world):
    room = _demo(world)
    c = _client(client, world.lead_a)
    # Items that must change first: auto-arrange says so instead of moving things around.
    response = c.post(reverse("rooms:arrange", args=[room.pk]), follow=True)
    assert "Verander eerst wat er in de kamer staat" in response.content.decode()
    version = room.versions.last()
    for placement in version.placements.select_related("furniture"):
        if placement.furniture.code == "bureau-vast-140x80":
            placement.furniture = FurnitureItem.objects.get(code="zitsta-140x80")
        if placement.furniture.code == "bank-stof-3":
            placement.furniture = FurnitureItem.objects.get(code="bank-hoes-3")
        placement.save()
    response = c.post(reverse("rooms:arrange", args=[room.pk]))
    assert response.status_code == 302
    assert room.versions.count() == 2
    assert c.get(reverse("rooms:detail", args=[room.pk])).context["violations"] == 0


def test_catalogue_extended_by_the_organisation_only(client, world, make):
    c = _client(client, world.admin)
    response = c.post(
        reverse("rooms:catalogue"),
        {
            "name": "Eigen speeltafel",
            "category": "play",
            "width_cm": 70,
            "depth_cm": 70,
            "price_eur": 140,
            "child_friendly": "on",
            "seats": 0,
            "idempotency_key": "cat-key-123456789",
        },
    )
    assert response.status_code == 302
    own = FurnitureItem.objects.get(name="Eigen speeltafel")
    assert own.organisation == world.org
    other = make.staff(role=Membership.Role.ADMINISTRATOR, organisation=world.other_org)
    client.force_login(other)
    assert own not in client.get(reverse("rooms:catalogue")).context["items"]


def test_questionnaire_is_anonymous_and_small_groups_are_hidden(client, world):
    room = _demo(world)  # six answers about version 1
    SurveyResponse.objects.all().delete()
    url = reverse("rooms:survey", args=[room.survey_token])
    for i in range(4):
        response = client.post(
            url,
            {
                "welcome": 3,
                "safe": 3,
                "friendly": 2,
                "free_to_talk": 3,
                "idempotency_key": f"survey-key-{i:08d}",
            },
        )
        assert response.status_code == 200
    c = _client(client, world.pro_a)
    results = c.get(reverse("rooms:survey_results", args=[room.pk]))
    [row] = results.context["rows"]
    assert row["count"] == 4 and row["suppressed"] and "questions" not in row
    client.logout()
    client.post(
        url,
        {
            "welcome": 1,
            "safe": 3,
            "friendly": 3,
            "free_to_talk": 3,
            "idempotency_key": "survey-key-last0001",
        },
    )
    c = _client(client, world.pro_a)
    [row] = c.get(reverse("rooms:survey_results", args=[room.pk])).context["rows"]
    assert not row["suppressed"]
    welcome = next(q for q in row["questions"] if q["code"] == "welcome")
    assert welcome == {"code": "welcome", "yes": 80, "mean": 2.6}


def test_answers_follow_the_version_in_use(client, world):
    room = _demo(world)
    c = _client(client, world.lead_a)
    new = services.version_copy(version=room.versions.last(), author=world.lead_a)
    c.post(reverse("rooms:in_use", args=[room.pk, new.number]))
    client.logout()
    client.post(
        reverse("rooms:survey", args=[room.survey_token]),
        {"welcome": 3, "safe": 3, "friendly": 3, "free_to_talk": 3},
    )
    assert SurveyResponse.objects.filter(version=new).count() == 1


def test_nav_link_for_staff_in_a_team(client, world):
    c = _client(client, world.pro_a)
    html = c.get(reverse("rooms:list")).content.decode()
    assert f'href="{reverse("rooms:list")}"' in html


def test_names_on_the_plan_are_escaped(client, world):
    room = _demo(world)
    own = services.furniture_create(
        organisation=world.org,
        code="eigen-xss",
        name='<script>alert("x")</script>',
        category="lamp",
        width_cm=40,
        depth_cm=40,
        price_eur=10,
    )
    services.placement_add(version=room.versions.last(), furniture=own, x_cm=300, y_cm=400)
    html = _client(client, world.lead_a).get(reverse("rooms:detail", args=[room.pk]))
    text = html.content.decode()
    assert '<script>alert("x")' not in text
    assert "&lt;script&gt;" in text

"""Step 3, one screen per chosen effect: ideas as cards with an example, pick one or write your
own, an if-then sentence and at most three small steps; change and remove alike. ABC in the
panel."""

from __future__ import annotations

import pytest
from django.urls import reverse

from doenvermogen.psychoeducation import services
from doenvermogen.psychoeducation.models import ClientStrategy

pytestmark = pytest.mark.django_db


def _url(session, effect=None) -> str:
    url = reverse("psychoeducation:strategies", args=[session.pk])
    return f"{url}?effect={effect.pk}" if effect else url


def test_one_chosen_effect_at_a_time(client, world, chosen_session, strategies):
    client.force_login(world.pro_a)
    first, second, third = chosen_session.effects.filter(chosen_rank__isnull=False).order_by(
        "chosen_rank"
    )
    page = client.get(_url(chosen_session)).content.decode()
    assert page.count('name="recognised_effect"') == 1  # one form, for one effect
    assert f'value="{first.pk}"' in page
    assert "Punt 1 van 3" in page
    assert strategies["reminders"].example in page  # ideas as cards with a plain example
    assert "Mijn eigen idee" in page
    assert page.count('name="step_') == 3  # at most three small steps
    page = client.get(_url(chosen_session, third)).content.decode()
    assert f'name="recognised_effect" value="{third.pk}"' in page and "Punt 3 van 3" in page


def test_add_goes_back_to_the_same_effect_and_the_next_one_is_offered(
    client, world, chosen_session, strategies
):
    client.force_login(world.pro_a)
    first, second, _third = chosen_session.effects.filter(chosen_rank__isnull=False).order_by(
        "chosen_rank"
    )
    response = client.post(
        _url(chosen_session, first),
        {
            "recognised_effect": first.pk,
            "catalogue_strategy": strategies["als-dan-plan"].pk,
            "description": "",
            "if_part": "het zaterdag is",
            "then_part": "open ik de post",
            "step_1": "Bak kopen",
            "step_2": "Post erin",
            "step_3": "Zaterdag openen",
            "reminder_time": "09:00",
            "reminder_repeat": "once",
        },
    )
    assert response.status_code == 302 and response["Location"].endswith(f"?effect={first.pk}")
    strategy = ClientStrategy.objects.get(recognised_effect=first)
    assert strategy.description == strategies["als-dan-plan"].name
    assert [s.text for s in strategy.steps.all()] == ["Bak kopen", "Post erin", "Zaterdag openen"]
    page = client.get(response["Location"]).content.decode()
    assert f"?effect={second.pk}" in page  # "next point"
    assert reverse("psychoeducation:strategy_edit", args=[strategy.pk]) in page
    assert reverse("psychoeducation:strategy_remove", args=[strategy.pk]) in page


def test_a_strategy_is_changed_in_place_and_keeps_ticked_steps(client, world, chosen_session):
    first = chosen_session.effects.filter(chosen_rank=1).get()
    strategy = services.strategy_add(
        session=chosen_session,
        author=world.pro_a,
        recognised_effect=first,
        description="Agenda",
        steps=["Agenda kopen", "Afspraken erin"],
    )
    done = strategy.steps.get(text="Agenda kopen")
    services.plan_step_tick(step=done, user=world.pro_a, done=True)
    client.force_login(world.pro_a)
    url = reverse("psychoeducation:strategy_edit", args=[strategy.pk])
    page = client.get(url).content.decode()
    assert 'value="Agenda kopen"' in page
    response = client.post(
        url,
        {
            "description": "Agenda op de koelkast",
            "if_part": "het ochtend is",
            "then_part": "kijk ik erin",
            "step_1": "Agenda kopen",
            "step_2": "Elke ochtend kijken",
            "step_3": "",
        },
    )
    assert response.status_code == 302
    strategy.refresh_from_db()
    assert strategy.description == "Agenda op de koelkast" and strategy.version == 1
    steps = {s.text: s.done_at for s in strategy.steps.all()}
    assert set(steps) == {"Agenda kopen", "Elke ochtend kijken"}
    assert steps["Agenda kopen"] is not None
    # A half-filled if-then keeps what was typed and says what to do.
    response = client.post(url, {"description": "Agenda", "if_part": "het avond is"})
    assert response.status_code == 200 and 'value="het avond is"' in response.content.decode()


def test_abc_is_at_hand_at_every_step(client, world, chosen_session):
    services.strategy_add(
        session=chosen_session,
        author=world.pro_a,
        recognised_effect=chosen_session.effects.filter(chosen_rank=1).get(),
        description="Agenda",
    )
    services.strategies_done(session=chosen_session, author=world.pro_a)
    services.session_share(session=chosen_session, author=world.pro_a)
    client.force_login(world.pro_a)
    pk = chosen_session.pk
    urls = [
        reverse("psychoeducation:gate", args=[world.traj_a.pk]),
        reverse("psychoeducation:explain", args=[pk]),
        reverse("psychoeducation:recognise", args=[pk]),
        reverse("psychoeducation:choose", args=[pk]),
        reverse("psychoeducation:strategies", args=[pk]),
        reverse("psychoeducation:summary", args=[pk]),
        reverse("psychoeducation:review", args=[pk]),
    ]
    for url in urls:
        page = client.get(url).content.decode()
        assert "Bepaal ik zelf wel" in page, url
        assert "U snapt er niets van" in page and "Ik kan het niet" in page, url
        assert "geef de keuze terug" in page, url
        assert 'class="dv-abc__need"' in page and "<details" in page, url

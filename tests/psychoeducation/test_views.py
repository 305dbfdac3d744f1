"""The flow through the pages as a professional and as a client, and the PDFs parsed back."""

from __future__ import annotations

import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from doenvermogen.audit.models import AccessLogEntry
from doenvermogen.psychoeducation import services
from doenvermogen.psychoeducation.models import (
    ClientStrategy,
    GateConversation,
    Review,
    Session,
)

pytestmark = pytest.mark.django_db


def pdf_text(response) -> str:
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def _gate_data(**extra):
    data = {
        "opening": "open_question",
        "experiences_stress": "yes",
        "wants_to_talk": "yes",
        "acute_threat": "",
        "idempotency_key": "gate-form-1",
        "occasion_behaviour": "",
    }
    return data | extra


def test_full_flow_through_the_pages(client, world, effects, strategies):
    client.force_login(world.pro_a)
    traj = world.traj_a
    page = client.get(reverse("cases:trajectory_detail", args=[traj.pk])).content.decode()
    assert reverse("psychoeducation:gate", args=[traj.pk]) in page

    response = client.post(reverse("psychoeducation:gate", args=[traj.pk]), _gate_data())
    session = Session.objects.get(trajectory=traj)
    assert response.status_code == 302
    assert response["Location"] == reverse("psychoeducation:explain", args=[session.pk])
    # A double submit of the same form does not make a second session.
    client.post(reverse("psychoeducation:gate", args=[traj.pk]), _gate_data())
    assert Session.objects.filter(trajectory=traj).count() == 1

    page = client.get(reverse("psychoeducation:explain", args=[session.pk])).content.decode()
    assert "Veel vergeten. Ik heb chaos in mijn hoofd." in page
    assert "Anders, te weten" in page
    client.post(reverse("psychoeducation:explain", args=[session.pk]))

    response = client.post(
        reverse("psychoeducation:recognise", args=[session.pk]),
        {
            "effects": [effects["veel-vergeten"].pk, effects["continu-gespannen"].pk],
            "own_words_1": "Ik durf de post niet te openen",
        },
    )
    assert response["Location"] == reverse("psychoeducation:choose", args=[session.pk])
    recognised = list(session.effects.all())
    assert len(recognised) == 3

    # Forgetting the rules reminder keeps the choice and explains what to do.
    response = client.post(
        reverse("psychoeducation:choose", args=[session.pk]),
        {"variant": "three", "chosen": [r.pk for r in recognised]},
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "checked" in body and "id_rules_explained-error" in body
    client.post(
        reverse("psychoeducation:choose", args=[session.pk]),
        {"variant": "three", "chosen": [r.pk for r in recognised], "rules_explained": "on"},
    )
    session.refresh_from_db()
    assert session.step == Session.Step.STRATEGIES

    forget = session.effects.get(effect__code="veel-vergeten")
    page = client.get(reverse("psychoeducation:strategies", args=[session.pk])).content.decode()
    assert "Herinneringen" in page and "Een als-dan plan" in page and "Wandelen" in page
    response = client.post(
        reverse("psychoeducation:strategies", args=[session.pk]),
        {
            "recognised_effect": forget.pk,
            "catalogue_strategy": strategies["reminders"].pk,
            "description": "Ik schrijf mijn afspraken in een agenda",
            "if_part": "",
            "then_part": "",
            "step_1": "Agenda kopen",
            "step_2": "Afspraken overschrijven",
            "reminder_date": "2099-01-05",
            "reminder_time": "08:30",
            "reminder_repeat": "daily",
        },
    )
    assert response.status_code == 302
    strategy = ClientStrategy.objects.get(session=session)
    assert strategy.catalogue_strategy == strategies["reminders"]
    assert strategy.steps.count() == 2 and strategy.reminder_list.count() == 1

    # A half-filled if-then plan keeps what was typed.
    response = client.post(
        reverse("psychoeducation:strategies", args=[session.pk]),
        {
            "recognised_effect": forget.pk,
            "description": "Wandelen na het eten",
            "if_part": "het avond is",
            "then_part": "",
        },
    )
    body = response.content.decode()
    assert response.status_code == 200 and 'value="het avond is"' in body
    assert ClientStrategy.objects.filter(session=session).count() == 1

    client.post(reverse("psychoeducation:strategies_done", args=[session.pk]))
    page = client.get(reverse("psychoeducation:summary", args=[session.pk])).content.decode()
    assert "Ik schrijf mijn afspraken in een agenda" in page
    client.post(
        reverse("psychoeducation:summary", args=[session.pk]), {"next_review_on": "2099-02-01"}
    )
    session.refresh_from_db()
    assert session.shared_with_client_at is not None
    assert str(session.next_review_on) == "2099-02-01"

    chart = pdf_text(client.get(reverse("psychoeducation:chart_pdf", args=[session.pk])))
    assert "Veel vergeten" in chart and "Ik durf de post niet te openen" in chart
    assert "Ik schrijf mijn afspraken in een agenda" in chart and "Agenda kopen" in chart
    card = pdf_text(client.get(reverse("psychoeducation:pocket_card_pdf", args=[session.pk])))
    assert "Ik schrijf mijn afspraken in een agenda" in card
    assert AccessLogEntry.objects.filter(action="print", client_id=traj.client_id).count() == 2

    # The client sees it on their own page and prepares a review.
    client.force_login(traj.client.user)
    page = client.get(reverse("cases:my_page")).content.decode()
    assert "Ik schrijf mijn afspraken in een agenda" in page
    assert "Ik durf de post niet te openen" in page
    response = client.post(
        reverse("psychoeducation:client_review", args=[session.pk]),
        {
            "idempotency_key": "client-review-1",
            f"used_{strategy.pk}": "yes",
            f"helped_{strategy.pk}": "no",
            f"adjustment_{strategy.pk}": "Ik vergeet in de agenda te kijken",
            "note": "",
        },
    )
    assert response.status_code == 302
    assert Review.objects.filter(source="client").count() == 1
    assert pdf_text(client.get(reverse("psychoeducation:pocket_card_pdf", args=[session.pk])))

    # Back with the professional: the client's answers are filled in; the adjustment is saved.
    client.force_login(world.pro_a)
    page = client.get(reverse("psychoeducation:review", args=[session.pk])).content.decode()
    assert "Ik vergeet in de agenda te kijken" in page
    response = client.post(
        reverse("psychoeducation:review", args=[session.pk]),
        {
            "idempotency_key": "review-form-1",
            f"used_{strategy.pk}": "yes",
            f"helped_{strategy.pk}": "no",
            f"adjustment_{strategy.pk}": "Vergeet in de agenda te kijken",
            f"new_description_{strategy.pk}": "Briefje op de koelkast: elke ochtend in de agenda",
            "note": "",
            "next_review_on": "2099-03-01",
        },
    )
    assert response.status_code == 302
    current = ClientStrategy.objects.get(session=session, superseded_at__isnull=True)
    assert current.replaces == strategy
    page = client.get(reverse("cases:trajectory_detail", args=[traj.pk])).content.decode()
    assert "koelkast" in page and "Ik schrijf mijn afspraken in een agenda" in page  # timeline


def test_gate_with_acute_threat_suggests_waiting(client, world):
    client.force_login(world.pro_a)
    response = client.post(
        reverse("psychoeducation:gate", args=[world.traj_a.pk]), _gate_data(acute_threat="bailiff")
    )
    assert response.status_code == 200
    gate = GateConversation.objects.get()
    assert gate.outcome == "wait_threat" and not Session.objects.exists()
    assert reverse("psychoeducation:start_despite_threat", args=[gate.pk]) in (
        response.content.decode()
    )
    response = client.post(reverse("psychoeducation:start_despite_threat", args=[gate.pk]))
    assert Session.objects.get().gate.started_despite_threat


def test_gate_no_is_a_normal_recorded_outcome(client, world):
    client.force_login(world.pro_a)
    response = client.post(
        reverse("psychoeducation:gate", args=[world.traj_a.pk]),
        _gate_data(experiences_stress="yes", wants_to_talk="not_now"),
    )
    assert response.status_code == 302
    assert not Session.objects.exists()
    page = client.get(response["Location"]).content.decode()
    assert GateConversation.objects.get().outcome == "not_now"
    assert reverse("psychoeducation:gate", args=[world.traj_a.pk]) in page  # ask again later


def test_gate_form_errors_keep_input(client, world):
    client.force_login(world.pro_a)
    response = client.post(
        reverse("psychoeducation:gate", args=[world.traj_a.pk]),
        _gate_data(opening="occasion", wants_to_talk=""),
    )
    assert response.status_code == 200
    assert not GateConversation.objects.exists()
    assert 'value="occasion" ' in response.content.decode() or "checked" in (
        response.content.decode()
    )


def test_opening_phrase_fills_in_the_behaviour(client, world):
    client.force_login(world.pro_a)
    body = client.get(
        reverse("psychoeducation:opening_phrase"), {"occasion_behaviour": "een afspraak vergeten"}
    ).content.decode()
    assert "een afspraak vergeten" in body


def test_other_team_and_client_cannot_open_the_session(client, chosen_session, world):
    urls = [
        reverse(name, args=[chosen_session.pk])
        for name in (
            "psychoeducation:explain",
            "psychoeducation:recognise",
            "psychoeducation:strategies",
            "psychoeducation:summary",
            "psychoeducation:review",
            "psychoeducation:chart_pdf",
        )
    ]
    client.force_login(world.pro_b)
    for url in urls:
        assert client.get(url).status_code == 404, url
    client.force_login(world.traj_b.client.user)
    for url in urls[-1:]:
        assert client.get(url).status_code == 404
    assert (
        client.get(reverse("psychoeducation:client_review", args=[chosen_session.pk])).status_code
        == 404
    )


def test_stop_at_any_step(client, chosen_session, world):
    client.force_login(world.pro_a)
    response = client.post(reverse("psychoeducation:stop", args=[chosen_session.pk]))
    assert response.status_code == 302
    chosen_session.refresh_from_db()
    assert chosen_session.stopped_at is not None
    response = client.get(reverse("psychoeducation:strategies", args=[chosen_session.pk]))
    assert response.status_code == 302  # back to the trajectory, with a kind message


@pytest.mark.parametrize("variant", ["talk-chart", "three", "one"])
def test_blank_charts(client, world, variant):
    client.force_login(world.pro_a)
    text = pdf_text(client.get(reverse("psychoeducation:blank_chart_pdf", args=[variant])))
    if variant == "talk-chart":
        assert "Veel vergeten. Ik heb chaos in mijn hoofd." in text and "Anders" in text
    elif variant == "three":
        assert text.count("Wat ik herken") == 3 or text.count("What I recognise") == 3
    else:
        assert text.count("Wat ik herken") == 1 or text.count("What I recognise") == 1


def test_client_ticks_a_small_step(client, chosen_session, world):
    effect = chosen_session.effects.get(effect__code="veel-vergeten")
    strategy = services.strategy_add(
        session=chosen_session,
        author=world.pro_a,
        recognised_effect=effect,
        description="Post sorteren",
        steps=["Bak kopen"],
    )
    step = strategy.steps.get()
    services.session_share(session=chosen_session, author=world.pro_a)
    client.force_login(world.traj_a.client.user)
    client.post(reverse("psychoeducation:step_tick", args=[step.pk]), {"done": "1"})
    step.refresh_from_db()
    assert step.done_at is not None and step.done_by == world.traj_a.client.user
    client.force_login(world.traj_b.client.user)
    response = client.post(reverse("psychoeducation:step_tick", args=[step.pk]), {"done": "0"})
    assert response.status_code == 404


def test_strategy_reminder_as_ics_download(client, chosen_session, world):
    import datetime

    from django.utils import timezone
    from icalendar import Calendar

    effect = chosen_session.effects.get(effect__code="veel-vergeten")
    first = timezone.make_aware(datetime.datetime(2099, 1, 5, 8, 30))
    strategy = services.strategy_add(
        session=chosen_session,
        author=world.pro_a,
        recognised_effect=effect,
        description="Elke ochtend in mijn agenda kijken",
        reminder=services.ReminderRequest(first_at=first, repeat="daily"),
    )
    client.force_login(world.pro_a)
    response = client.get(reverse("psychoeducation:strategy_reminders_ics", args=[strategy.pk]))
    assert response["Content-Type"].startswith("text/calendar")
    cal = Calendar.from_ical(response.content)
    events = [c for c in cal.walk("VEVENT")]
    assert len(events) == 1
    event = events[0]
    assert str(event["summary"]) == "Elke ochtend in mijn agenda kijken"
    start = event["dtstart"].dt
    assert (start.hour, start.minute) == (8, 30) and str(start.tzinfo) == "Europe/Amsterdam"
    assert event["rrule"]["FREQ"] == ["DAILY"]
    client.force_login(world.pro_b)
    response = client.get(reverse("psychoeducation:strategy_reminders_ics", args=[strategy.pk]))
    assert response.status_code == 404


def test_review_page_says_who_is_agreed_to_review(client, chosen_session, world, make):
    from doenvermogen.cases import services as case_services

    reviewer = make.staff(team=world.team_a, name="Rita Reviewer")
    case_services.involvement_set(
        trajectory=world.traj_a,
        author=world.pro_a,
        professional=reviewer,
        role="job_coach",
        responsible_for_reviews=True,
    )
    effect = chosen_session.effects.get(effect__code="veel-vergeten")
    services.strategy_add(
        session=chosen_session,
        author=world.pro_a,
        recognised_effect=effect,
        description="Wekker zetten",
    )
    client.force_login(world.pro_a)
    body = client.get(reverse("psychoeducation:review", args=[chosen_session.pk])).content
    assert "Rita Reviewer" in body.decode()
    client.force_login(reviewer)
    body = client.get(reverse("psychoeducation:review", args=[chosen_session.pk])).content
    assert "Afgesproken in dit traject" not in body.decode()


def test_client_may_stop_after_a_calm_question(client, chosen_session, world):
    services.session_share(session=chosen_session, author=world.pro_a)
    client.force_login(world.traj_a.client.user)
    url = reverse("psychoeducation:client_stop", args=[chosen_session.pk])
    assert url in client.get(reverse("cases:my_page")).content.decode()
    page = client.get(url).content.decode()
    assert "Jij beslist" in page
    chosen_session.refresh_from_db()
    assert chosen_session.stopped_at is None  # only asking, nothing changed yet
    response = client.post(url)
    assert response.status_code == 302
    chosen_session.refresh_from_db()
    assert chosen_session.stopped_at is not None
    client.force_login(world.pro_a)
    page = client.get(reverse("cases:trajectory_detail", args=[world.traj_a.pk])).content
    assert "gestopt" in page.decode()


def test_trajectory_card_shows_the_clients_prepared_review(client, chosen_session, world):
    effect = chosen_session.effects.get(effect__code="veel-vergeten")
    strategy = services.strategy_add(
        session=chosen_session,
        author=world.pro_a,
        recognised_effect=effect,
        description="Wekker zetten",
    )
    services.session_share(session=chosen_session, author=world.pro_a)
    services.review_record(
        session=chosen_session,
        author=world.traj_a.client.user,
        source=Review.Source.CLIENT,
        answers=[services.ReviewAnswer(strategy=strategy, used="yes", helped="yes")],
    )
    client.force_login(world.pro_a)
    page = client.get(reverse("cases:trajectory_detail", args=[world.traj_a.pk])).content
    assert "De cliënt vulde al in hoe het gaat" in page.decode()

"""The faults met in a walk through the whole conversation (issue 9), each with its fix."""

from __future__ import annotations

import datetime
import io

import pytest
from django.template import Context, Template
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from doenvermogen.cases.models import Consent
from doenvermogen.cases.services import consent_record, trajectory_end
from doenvermogen.psychoeducation import services
from doenvermogen.psychoeducation.models import ClientStrategy
from doenvermogen.reminders import services as reminder_services
from doenvermogen.reminders.models import Delivery, Reminder

pytestmark = pytest.mark.django_db


@pytest.fixture
def shared(chosen_session, world, strategies):
    """A shared plan with a daily e-mail reminder, a step plan and a review date."""
    client = world.traj_a.client
    client.email = "noor@example.org"
    client.save()
    consent_record(client=client, author=world.pro_a, purpose=Consent.Purpose.REMINDERS)
    effect = chosen_session.effects.filter(chosen_rank=1).get()
    strategy = services.strategy_add(
        session=chosen_session,
        author=world.pro_a,
        recognised_effect=effect,
        catalogue_strategy=strategies["reminders"],
        description="Ik schrijf mijn afspraken in een agenda",
        steps=["Agenda kopen", "Afspraken overschrijven"],
        reminder=services.ReminderRequest(
            first_at=timezone.now() + datetime.timedelta(days=1), repeat="daily", channel="email"
        ),
    )
    services.strategies_done(session=chosen_session, author=world.pro_a)
    services.session_share(
        session=chosen_session,
        author=world.pro_a,
        next_review_on=timezone.localdate() + datetime.timedelta(days=14),
    )
    return chosen_session, strategy


def _pending(strategy: ClientStrategy):
    return Delivery.objects.filter(
        reminder__strategy_ref=str(strategy.pk), status=Delivery.Status.PENDING
    )


def test_stopping_cancels_the_reminders_and_their_waiting_emails(shared, world):
    session, strategy = shared
    assert _pending(strategy).exists()
    services.session_stop(session=session, user=world.traj_a.client.user)
    assert not Reminder.objects.filter(
        strategy_ref=str(strategy.pk), cancelled_at__isnull=True
    ).exists()
    assert not _pending(strategy).exists()


def test_after_a_stop_the_clients_page_is_calm_and_honest(shared, world, client):
    session, _strategy = shared
    client.force_login(world.traj_a.client.user)
    client.post(reverse("psychoeducation:client_stop", args=[session.pk]))
    page = client.get(reverse("cases:my_page")).content.decode()
    assert "Je bent gestopt." in page
    assert "Zeg het tegen Anna." in page
    assert "kijken samen terug" not in page  # no review date any more
    assert "Ik schrijf mijn afspraken in een agenda" not in page  # no plan, no reminders
    assert reverse("psychoeducation:client_review", args=[session.pk]) not in page


def test_after_a_stop_the_card_says_so_and_links_to_the_old_plan(shared, world, client):
    session, _strategy = shared
    services.session_stop(session=session, user=world.pro_a)
    client.force_login(world.pro_a)
    page = client.get(reverse("cases:trajectory_detail", args=[world.traj_a.pk])).content.decode()
    assert "gestopt op" in page
    assert reverse("psychoeducation:summary", args=[session.pk]) in page
    assert "Tijd om te evalueren" not in page


def test_a_trajectory_that_ends_stops_psychoeducation_and_reminders(shared, world, client):
    session, strategy = shared
    trajectory_end(trajectory=world.traj_a, author=world.pro_a, ended_on=timezone.localdate())
    session.refresh_from_db()
    assert session.stopped_at is not None
    assert not _pending(strategy).exists()
    client.force_login(world.traj_a.client.user)
    page = client.get(reverse("cases:my_page")).content.decode()
    assert "Je traject is afgelopen." in page


def test_the_professionals_stop_asks_first(shared, world, client):
    session, _strategy = shared
    client.force_login(world.pro_a)
    url = reverse("psychoeducation:stop", args=[session.pk])
    nav = client.get(reverse("psychoeducation:summary", args=[session.pk])).content.decode()
    assert f'href="{url}"' in nav  # a link to a question, not a button that stops at once
    page = client.get(url)
    assert page.status_code == 200 and "Ja, nu stoppen" in page.content.decode()
    session.refresh_from_db()
    assert session.stopped_at is None
    client.post(url)
    session.refresh_from_db()
    assert session.stopped_at is not None


def test_a_ticked_step_stays_after_the_strategy_is_adjusted(shared, world, client):
    session, strategy = shared
    first = strategy.steps.get(text="Agenda kopen")
    services.plan_step_tick(step=first, user=world.traj_a.client.user, done=True)
    new = services.strategy_adjust(
        strategy=strategy, author=world.pro_a, description="Briefje op de koelkast"
    )
    steps = {s.text: s.done_at for s in new.steps.all()}
    assert steps["Agenda kopen"] is not None and steps["Afspraken overschrijven"] is None
    client.force_login(world.traj_a.client.user)
    page = client.get(reverse("cases:my_page")).content.decode()
    assert "Agenda kopen" in page


def test_review_date_stays_on_the_summary_after_sharing(shared, world, client):
    session, _strategy = shared
    client.force_login(world.pro_a)
    page = client.get(reverse("psychoeducation:summary", args=[session.pk])).content.decode()
    iso = session.next_review_on.isoformat()
    assert f'value="{iso}"' in page  # a date input only understands yyyy-mm-dd


def test_the_filled_talk_chart_prints_on_one_a4_page(shared, world, client, strategies):
    session, _strategy = shared
    for effect in session.effects.filter(chosen_rank__isnull=False):
        for n in range(1):
            services.strategy_add(
                session=session,
                author=world.pro_a,
                recognised_effect=effect,
                description=f"Een tweede manier nummer {n} die ik wil proberen deze weken",
                if_part="het maandagochtend is",
                then_part="kijk ik samen met mijn zus naar de post van de week",
                steps=["Eerste kleine stap", "Tweede kleine stap", "Derde kleine stap"],
            )
    client.force_login(world.pro_a)
    response = client.get(reverse("psychoeducation:chart_pdf", args=[session.pk]))
    assert len(PdfReader(io.BytesIO(response.content)).pages) == 1


@pytest.mark.parametrize(
    ("site", "expected"),
    [
        ("https://doenvermogen.example.nl/calendar/abc.ics", "webcal://doenvermogen.example.nl/"),
        ("http://127.0.0.1:8000/calendar/abc.ics", "webcal://127.0.0.1:8000/"),
    ],
)
def test_webcal_link_keeps_the_host_on_https(site, expected):
    html = Template("{% load reminders_tags %}{{ url|webcal }}").render(Context({"url": site}))
    assert html.startswith(expected)


def test_appointment_reminders_are_listed_and_can_be_stopped(world, client):
    appointment = reminder_services.appointment_create(
        trajectory=world.traj_a,
        author=world.pro_a,
        starts_at=timezone.now() + datetime.timedelta(days=3),
        place="Stadskantoor",
    )
    client.force_login(world.pro_a)
    url = reverse("reminders:trajectory_reminders", args=[world.traj_a.pk])
    page = client.get(url).content.decode()
    reminders = list(appointment.reminders.all())
    assert len(reminders) == 2
    for reminder in reminders:
        assert reverse("reminders:reminder_cancel", args=[reminder.pk]) in page
    assert "automatisch, voor de afspraak" in page


def test_favicon_is_served(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 200
    assert response["Content-Type"] in {"image/x-icon", "image/vnd.microsoft.icon"}
    assert response.content[:4] == b"\x00\x00\x01\x00"  # an ICO file

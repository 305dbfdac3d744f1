"""Goals and reminders in a real browser: a professional makes a goal plan with the client (goal,
a step with an if-then plan, a reward, a reminder, the executive-skills check); the client ticks
the step off on a phone. axe-core runs on every page."""

from __future__ import annotations

import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from doenvermogen.cases.models import Consent
from doenvermogen.cases.services import consent_record
from doenvermogen.goals import catalogues
from doenvermogen.goals.models import GoalPlan, Reward, Step
from doenvermogen.reminders.models import Reminder

pytestmark = pytest.mark.browser


def test_professional_makes_plan_and_client_ticks_off_step_on_phone(
    world, signed_in_page, client_page, assert_no_axe_violations
):
    catalogues.load()
    traj = world.traj_a
    traj.client.email = "noor@example.org"
    traj.client.save()
    consent_record(client=traj.client, author=world.pro_a, purpose=Consent.Purpose.REMINDERS)

    page = signed_in_page(world.pro_a)
    page.goto(f"/trajectories/{traj.pk}/")
    page.locator(f"a[href='/trajectories/{traj.pk}/goals/']").click()
    expect(page).to_have_url(re.compile(r"/goals/$"))
    assert_no_axe_violations(page)
    page.locator("input[name=goal]").fill("Ik wil mijn post weer openen")
    page.locator("main button[type=submit]").click()

    # The plan: the step form is open while there are no steps.
    expect(page).to_have_url(re.compile(r"/goals/\d+/$"))
    page.locator("input[name=text]").fill("De post openen")
    page.locator("input[name=if_situation]").fill("het zaterdagochtend is")
    page.locator("input[name=then_action]").fill("open ik samen met mijn moeder de post")
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Stap toevoegen").click()
    expect(page.locator(".dv-steps__item")).to_have_count(1)
    expect(page.locator(".dv-steps__item")).to_contain_text("Als het zaterdagochtend is")

    # A reward, agreed with the client; the considerations are shown.
    page.get_by_text("Beloning afspreken").click()
    expect(page.get_by_text("vertragingskosten", exact=False)).to_be_visible()
    page.locator("input[name=what]").fill("Koffie in de stad")
    page.locator("input[name=earned_when]").fill("na vier zaterdagen")
    page.locator("input[name=agreed]").check()
    page.get_by_role("button", name="Beloning opslaan").click()
    expect(page.locator("main")).to_contain_text("Koffie in de stad")
    assert Reward.objects.count() == 1

    # What is hard right now → a suggestion per step.
    page.get_by_role("link", name="Wat is nu moeilijk").click()
    page.get_by_text("Ik vergeet nu veel.").click()
    assert_no_axe_violations(page)
    page.locator("main button[type=submit]").click()
    expect(page.locator("main")).to_contain_text("Werkgeheugen")
    plan = GoalPlan.objects.get()
    page.goto(f"/goals/{plan.pk}/")
    expect(page.locator(".dv-suggestion")).to_contain_text("herinnering")
    page.get_by_role("link", name="Herinnering zetten").click()

    # A weekly reminder for the step.
    expect(page).to_have_url(re.compile(r"/reminders/\?step="))
    day = (timezone.localdate() + datetime.timedelta(days=4)).isoformat()
    page.locator("input[name=r-date]").fill(day)
    page.locator("input[name=r-time]").fill("10:00")
    page.locator("select[name=r-repeat]").select_option("weekly")
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Herinnering opslaan").click()
    expect(page.locator("main")).to_contain_text("De post openen")
    reminder = Reminder.objects.get()
    assert reminder.step == Step.objects.get() and reminder.deliveries.count() == 1

    # The client, on a phone: today's step, tick it off, see it under "Dit is gelukt".
    phone = client_page(traj.client)
    expect(phone.locator("main")).to_contain_text("Mijn doel: Ik wil mijn post weer openen")
    assert_no_axe_violations(phone)
    phone.get_by_role("button", name=re.compile("Gelukt")).click()
    expect(phone.locator("main")).to_contain_text("Goed gedaan! Dit is gelukt.")
    assert Step.objects.get().done_by == traj.client.user
    phone.reload()
    expect(phone.get_by_role("heading", name="Dit is gelukt")).to_be_visible()
    assert_no_axe_violations(phone)
    phone.get_by_role("link", name="Zet dit in de agenda op je telefoon").click()
    assert_no_axe_violations(phone)
    phone.get_by_role("button", name="Mijn agenda-adres maken").click()
    expect(phone.locator("main")).to_contain_text("/calendar/")
    assert_no_axe_violations(phone)

"""Goal plans in small steps: services, selectors, suggestions, pages and authorization."""

from __future__ import annotations

import datetime

import pytest
from django.http import Http404
from django.urls import reverse
from django.utils import timezone

from doenvermogen.audit import events
from doenvermogen.audit.models import AccessLogEntry
from doenvermogen.cases.selectors import access_own, access_trajectory_object
from doenvermogen.goals import catalogues, selectors, services
from doenvermogen.goals.models import ExecutiveSkill, GoalPlan, Step

pytestmark = pytest.mark.django_db


@pytest.fixture
def skills(db):
    catalogues.load()
    return {s.code: s for s in ExecutiveSkill.objects.all()}


@pytest.fixture
def plan(world):
    return services.goal_plan_create(
        trajectory=world.traj_a, author=world.pro_a, goal="Ik wil mijn post weer openen"
    )


def test_catalogue_has_all_executive_functions_in_first_person(skills):
    assert len(skills) == 11
    kinds = {s.kind for s in skills.values()}
    assert kinds == {"thinking", "regulation"}
    for skill in skills.values():
        assert skill.statement_nl.startswith("Ik ")
    assert catalogues.load() == "11 executive skills"  # idempotent
    assert ExecutiveSkill.objects.count() == 11


def test_goal_plan_double_submit_makes_one_plan(world):
    a = services.goal_plan_create(
        trajectory=world.traj_a, author=world.pro_a, goal="Doel", idempotency_key="goal-key-1"
    )
    b = services.goal_plan_create(
        trajectory=world.traj_a, author=world.pro_a, goal="Doel", idempotency_key="goal-key-1"
    )
    assert a == b and GoalPlan.objects.count() == 1
    assert AccessLogEntry.objects.filter(event="goal_plan.create", action="create").count() == 1


def test_steps_tick_off_and_undo(world, plan):
    step = services.step_add(plan=plan, author=world.pro_a, text="Een vaste plek voor de post")
    client_user = world.traj_a.client.user
    step = services.step_set_done(step=step, author=client_user)
    assert step.is_done and step.done_by == client_user
    again = services.step_set_done(step=step, author=client_user)
    assert again.done_at == step.done_at  # idempotent
    step = services.step_set_done(step=step, author=world.pro_a, done=False)
    assert not step.is_done


def test_review_keeps_history_of_goal_and_steps(world, plan):
    s1 = services.step_add(plan=plan, author=world.pro_a, text="Plek maken")
    services.step_add(plan=plan, author=world.pro_a, text="Post openen")
    services.step_set_done(step=s1, author=world.pro_a)
    review = services.review_add(
        plan=plan,
        author=world.pro_a,
        went_well="De plek is er",
        was_hard="Openen is eng",
        changes="Samen met moeder",
        new_goal="Ik open de post samen met mijn moeder",
    )
    plan.refresh_from_db()
    assert plan.goal == "Ik open de post samen met mijn moeder"
    assert review.goal_before == "Ik wil mijn post weer openen" and review.goal_changed
    assert review.steps_done == ["Plek maken"] and review.steps_open == ["Post openen"]
    services.step_archive(step=s1, author=world.pro_a)
    assert Step.objects.filter(pk=s1.pk).exists()  # archived, not deleted


def test_suggestions_follow_what_the_client_says_is_hard(world, plan, skills):
    step = services.step_add(
        plan=plan,
        author=world.pro_a,
        text="Alle brieven van het afgelopen jaar uitzoeken en ordenen",
    )
    assert selectors.step_suggestions(step=step, check=None, step_has_reminder=False) == []
    check = services.executive_skill_check_record(
        trajectory=world.traj_a,
        author=world.pro_a,
        hard=[skills["working_memory"], skills["getting_started"], skills["planning"]],
    )
    supports = [
        s.support
        for s in selectors.step_suggestions(step=step, check=check, step_has_reminder=False)
    ]
    assert supports == ["reminder", "if_then", "smaller_steps"]
    step.if_situation, step.then_action = "het zaterdag is", "open ik de post"
    supports = [
        s.support
        for s in selectors.step_suggestions(step=step, check=check, step_has_reminder=True)
    ]
    assert supports == ["smaller_steps"]


def test_client_steps_today_coming_and_done(world, plan):
    today = timezone.localdate()
    a = services.step_add(plan=plan, author=world.pro_a, text="Vandaag", due_on=today)
    services.step_add(
        plan=plan, author=world.pro_a, text="Later", due_on=today + datetime.timedelta(days=3)
    )
    done = services.step_add(plan=plan, author=world.pro_a, text="Al gedaan")
    services.step_set_done(step=done, author=world.pro_a)
    data = selectors.client_steps(access_own(user=world.traj_a.client.user))
    assert [s.text for s in data.today] == ["Vandaag"]
    assert [s.text for s in data.coming] == ["Later"]
    assert [s.text for s in data.done] == ["Al gedaan"]
    assert a in data.today


def test_selectors_refuse_other_teams(world, plan):
    step = services.step_add(plan=plan, author=world.pro_a, text="Stap")

    def plan_for(user):
        return access_trajectory_object(
            user=user, queryset=selectors.plan_queryset(), pk=plan.pk, event=events.GOAL_PLAN_VIEW
        )

    def step_for(user):
        return access_trajectory_object(
            user=user,
            queryset=selectors.step_queryset(),
            pk=step.pk,
            event=events.GOAL_STEP_DONE,
            trajectory_path="plan__trajectory",
        )

    for user in (world.pro_b, world.traj_b.client.user, world.researcher):
        with pytest.raises(Http404):
            plan_for(user)
        with pytest.raises(Http404):
            step_for(user)
        denied = AccessLogEntry.objects.filter(actor=user, action="denied")
        assert [e.client_id for e in denied] == [world.traj_a.client_id] * 2
    assert step_for(world.traj_a.client.user)[1] == step


def test_client_ticks_off_step_on_own_page(client, world, plan):
    step = services.step_add(plan=plan, author=world.pro_a, text="Een vaste plek voor de post")
    client.force_login(world.traj_a.client.user)
    page = client.get(reverse("cases:my_page")).content.decode()
    assert "Een vaste plek voor de post" in page and "Ik wil mijn post weer openen" in page
    response = client.post(
        reverse("goals:step_done", args=[step.pk]), {"done": "1"}, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200
    step.refresh_from_db()
    assert step.is_done
    page = client.get(reverse("cases:my_page")).content.decode()
    assert "Dit is gelukt" in page


def test_other_client_cannot_tick_step(client, world, plan):
    step = services.step_add(plan=plan, author=world.pro_a, text="Stap")
    client.force_login(world.traj_b.client.user)
    assert client.post(reverse("goals:step_done", args=[step.pk])).status_code == 404
    step.refresh_from_db()
    assert not step.is_done


def test_professional_builds_plan_through_pages(client, world, skills):
    client.force_login(world.pro_a)
    url = reverse("goals:plan_list", args=[world.traj_a.pk])
    response = client.post(
        url, {"goal": "Ik wil rust in mijn geldzaken", "idempotency_key": "goal-form-x"}
    )
    plan = GoalPlan.objects.get()
    assert response.status_code == 302
    detail = reverse("goals:plan_detail", args=[plan.pk])
    # bad input: an if without a then keeps what was typed
    page = client.post(
        detail, {"action": "step", "text": "Post openen", "if_situation": "het zaterdag is"}
    ).content.decode()
    assert "Post openen" in page and "het zaterdag is" in page and not plan.steps.exists()
    client.post(detail, {"action": "step", "text": "Post openen", "idempotency_key": "step-form-1"})
    client.post(detail, {"action": "step", "text": "Post openen", "idempotency_key": "step-form-1"})
    assert plan.steps.count() == 1
    # a reward needs the client's agreement
    page = client.post(
        detail, {"action": "reward", "what": "Taart", "earned_when": "na vier weken"}
    ).content.decode()
    assert not plan.rewards.exists() and "Taart" in page
    client.post(
        detail,
        {"action": "reward", "what": "Taart", "earned_when": "na vier weken", "agreed": "on"},
    )
    assert plan.rewards.count() == 1
    page = client.get(detail).content.decode()
    assert "vertragingskosten" in page or "delay costs" in page
    # executive skills check, then suggestions on the plan page
    client.post(
        reverse("goals:skills_check", args=[world.traj_a.pk]),
        {"hard": [skills["working_memory"].pk]},
    )
    page = client.get(detail).content.decode()
    assert skills["working_memory"].coaching_nl in page


def test_trajectory_page_shows_goal_section(client, world, plan):
    client.force_login(world.pro_a)
    page = client.get(reverse("cases:trajectory_detail", args=[world.traj_a.pk])).content.decode()
    assert "Ik wil mijn post weer openen" in page


def test_step_due_today_is_in_the_clients_vandaag(client, world, plan):
    """Issue 9: "Vandaag" on the client's page lists the steps dated today, linked to the step."""
    today = timezone.localdate()
    step = services.step_add(
        plan=plan, author=world.pro_a, text="Bel de woningcorporatie", due_on=today
    )
    services.step_add(
        plan=plan, author=world.pro_a, text="Morgen pas", due_on=today + datetime.timedelta(days=1)
    )
    done = services.step_add(plan=plan, author=world.pro_a, text="Al klaar", due_on=today)
    services.step_set_done(step=done, author=world.pro_a)
    other = services.goal_plan_create(
        trajectory=world.traj_b, author=world.pro_b, goal="Iets anders"
    )
    services.step_add(plan=other, author=world.pro_b, text="Stap van een ander", due_on=today)

    client.force_login(world.traj_a.client.user)
    page = client.get(reverse("cases:my_page")).content.decode()
    start = page.index('id="today-heading"')
    vandaag = page[start : page.index("</section>", start)]
    assert "Bel de woningcorporatie" in vandaag
    assert f'href="#step-{step.pk}"' in vandaag and f'id="step-{step.pk}"' in page
    assert "Stap</strong>" in vandaag
    for absent in ("Morgen pas", "Al klaar", "Stap van een ander", "Niets gepland voor vandaag"):
        assert absent not in vandaag

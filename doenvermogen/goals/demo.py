"""Demo content: Noor's goal plan in small steps, her executive-skills check and a reward."""

from __future__ import annotations

import datetime

from django.utils import timezone

from doenvermogen.goals import catalogues, services
from doenvermogen.goals.models import ExecutiveSkill


def load(demo) -> None:
    if not ExecutiveSkill.objects.exists():
        catalogues.load()
    trajectory = demo.trajectories["noor"]
    fatima = demo.users["fatima"]
    today = timezone.localdate()
    services.executive_skill_check_record(
        trajectory=trajectory,
        author=fatima,
        hard=ExecutiveSkill.objects.filter(code__in=["working_memory", "getting_started"]),
        own_words="Ik durf de post niet open te maken.",
    )
    plan = services.goal_plan_create(
        trajectory=trajectory,
        author=fatima,
        goal="Ik wil mijn post weer openen.",
        why="Dan weet ik wat er speelt en komen er geen extra kosten bij.",
    )
    first = services.step_add(
        plan=plan, author=fatima, text="Een vaste plek maken voor de post", due_on=today
    )
    services.step_set_done(step=first, author=fatima)
    services.step_add(
        plan=plan,
        author=fatima,
        text="Leren om de post in drie stapels te leggen",
        is_learning_goal=True,
        due_on=today,
    )
    saturday = today + datetime.timedelta(days=(5 - today.weekday()) % 7 or 7)
    step = services.step_add(
        plan=plan,
        author=fatima,
        text="De post openen",
        due_on=saturday,
        if_situation="het zaterdagochtend is",
        then_action="open ik samen met mijn moeder de post",
    )
    services.reward_add(
        plan=plan,
        author=fatima,
        what="Samen met mijn moeder koffie drinken in de stad",
        earned_when="als ik vier zaterdagen de post heb geopend",
        step=step,
    )

"""Demo content: psycho-education in different states.

- Noor: the four steps done with Fatima; the plan is shared on her page; a review is due soon.
  One strategy was already adjusted once (the guide's agenda → note on the fridge).
- Karel: asked about stress; he said "not now". That is a normal outcome.
- Mila, Henk, Jasmijn: not asked yet (Jasmijn's trajectory just started).
"""

from __future__ import annotations

import datetime

from django.utils import timezone

from doenvermogen.psychoeducation import services
from doenvermogen.psychoeducation.models import Review, Strategy, StressEffect


def _catalogue_rights(user) -> None:
    """The demo administrator may add the organisation's own effects and strategies."""
    from django.contrib.auth.models import Permission

    user.is_staff = True
    user.save(update_fields=["is_staff"])
    user.user_permissions.add(
        *Permission.objects.filter(
            content_type__app_label="psychoeducation",
            codename__regex=r"^(view|add|change)_(stresseffect|strategy)$",
        )
    )


def load(demo) -> None:
    _catalogue_rights(demo.users["beheer"])
    fatima = demo.users["fatima"]
    noor = demo.trajectories["noor"]
    today = timezone.localdate()
    effects = {e.code: e for e in StressEffect.objects.filter(organisation=None)}
    strategies = {s.code: s for s in Strategy.objects.filter(organisation=None)}

    services.gate_record(
        trajectory=demo.trajectories["karel"],
        author=fatima,
        opening="open_question",
        experiences_stress="yes",
        wants_to_talk="not_now",
    )

    gate = services.gate_record(
        trajectory=noor,
        author=fatima,
        opening="occasion",
        occasion_behaviour="een afspraak vergeten",
        experiences_stress="yes",
        wants_to_talk="yes",
    )
    session = gate.session
    services.session_explained(session=session, author=fatima)
    services.effects_recognise(
        session=session,
        author=fatima,
        effects=[effects["veel-vergeten"], effects["niet-weten-waar-te-beginnen"]],
        own_words=["Ik durf de post niet open te maken"],
    )
    services.effects_choose(
        session=session,
        author=fatima,
        variant="three",
        chosen=[
            session.effects.get(effect=effects["veel-vergeten"]),
            session.effects.get(own_words="Ik durf de post niet open te maken"),
        ],
        rules_explained=True,
    )
    forget = session.effects.get(effect=effects["veel-vergeten"])
    post = session.effects.get(own_words="Ik durf de post niet open te maken")
    agenda = services.strategy_add(
        session=session,
        author=fatima,
        recognised_effect=forget,
        catalogue_strategy=strategies["reminders"],
        description="Ik schrijf mijn afspraken in een agenda",
    )
    services.strategy_add(
        session=session,
        author=fatima,
        recognised_effect=post,
        catalogue_strategy=strategies["opnieuw-bekijken"],
        description="Een brief eerst rustig lezen: vaak valt het mee",
        if_part="ik een brief van een schuldeiser krijg",
        then_part="lees ik hem eerst rustig en bel ik Fatima als ik hem niet snap",
        steps=["Brief openen aan de keukentafel", "Markeren wat ik niet snap"],
        reminder=services.ReminderRequest(
            first_at=timezone.make_aware(
                datetime.datetime.combine(
                    today + datetime.timedelta(days=(5 - today.weekday()) % 7 or 7),
                    datetime.time(11, 0),
                )
            ),
            repeat="weekly",
            channel="app",
        ),
    )
    services.strategies_done(session=session, author=fatima)
    services.session_share(
        session=session, author=fatima, next_review_on=today + datetime.timedelta(days=3)
    )
    services.review_record(
        session=session,
        author=fatima,
        source=Review.Source.CONVERSATION,
        answers=[
            services.ReviewAnswer(
                strategy=agenda,
                used="yes",
                helped="no",
                adjustment="Ik schrijf het wel op, maar ik vergeet in mijn agenda te kijken.",
                new_description="Briefje op de koelkast: elke ochtend even in mijn agenda kijken",
            )
        ],
        next_review_on=today + datetime.timedelta(days=3),
    )
